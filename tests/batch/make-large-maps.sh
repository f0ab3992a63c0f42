#!/bin/sh
# Writes a /proc/PID/maps of LINES anonymous mappings (default 2,000,000) to stdout, the same bytes every time:
# 49 bytes a line, each mapping one page with a page of gap before the next, as the kernel prints them with the
# trailing space of an empty name (98,000,000 bytes for the default). The input of the README's maps figure:
#   tests/batch/make-large-maps.sh >large.maps && /usr/bin/time -v forensics analyze large.maps --out out
set -eu
lines=${1:-2000000}
perl -e '
    my $n = $ARGV[0];
    my $start = 0x7f0000000000;
    for (my $i = 0; $i < $n; $i++) {
        printf("%x-%x rw-p 00000000 00:00 0 \n", $start, $start + 0x1000);
        $start += 0x2000;
    }' "$lines"
