#!/usr/bin/env bash
# Builds the binaries the debuginfod tests serve: lookup.c with debug information at -O0 and -O2 (two build-ids),
# kept in binaries.tar so that `forensics analyze corpus` does not take them for broken cores.
# Usage: corpus/debuginfod/make-binaries.sh   (needs gcc and readelf; writes next to itself)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O0 -g -Wl,--build-id=sha1 -o "$work/lookup-O0" "$here/lookup.c"
gcc -O2 -g -Wl,--build-id=sha1 -o "$work/lookup-O2" "$here/lookup.c"
for binary in lookup-O0 lookup-O2; do
    printf '%s %s\n' "$(readelf -n "$work/$binary" | awk '/Build ID/ { print $3 }')" "$binary"
done > "$here/build-ids.txt"
tar --create --file "$here/binaries.tar" --directory "$work" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner lookup-O0 lookup-O2
cat "$here/build-ids.txt"
