#!/usr/bin/env bash
# Issue 16: the CPU time of forensics' decoders against the command-line tools, per decode, in interleaved rounds.
# forensics' side is `Forensics.Benchmarks decoder-cpu FILE N` (the import's DecompressionStream reading FILE from
# disk N times in one process); the tool's is `xz -dc FILE >/dev/null` (or zstd, lz4) N times, its process start
# included, and the same loop over an empty stream of that format gives what the starts alone cost. Medians of
# RUNS rounds, with the load average.
#
# Environment: RUNS (5), DECODES (40 per round; the CPU times have 10 ms steps).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=${RUNS:-5}
decodes=${DECODES:-40}
work=$(mktemp -d "${TMPDIR:-/tmp}/forensics-decoders.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$root"
dotnet build -c Release tests/Forensics.Benchmarks -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bench=(dotnet tests/Forensics.Benchmarks/bin/Release/net10.0/Forensics.Benchmarks.dll decoder-cpu)

smaps="$work/many-maps.smaps"
xz -dc corpus/bench/many-maps.smaps.xz >"$smaps"
zstd -q -19 "$smaps" -o "$smaps.zst"
lz4 -q -9 "$smaps" "$smaps.lz4"
: | xz >"$work/empty.xz"
: | zstd -q >"$work/empty.zstd"
: | lz4 -q >"$work/empty.lz4"
# name|file|tool
inputs=(
    "smaps.xz|corpus/bench/many-maps.smaps.xz|xz"
    "crash-stack core.xz|corpus/crash-stack/core.xz|xz"
    "smaps.zst|$smaps.zst|zstd"
    "smaps.lz4|$smaps.lz4|lz4"
)
tool_cpu() { # tool, file: CPU seconds of `decodes` runs
    /usr/bin/time -f '%U %S' -o "$work/time" bash -c "for i in \$(seq $decodes); do $1 -dc '$2' >/dev/null; done"
    awk '{ print $1 + $2 }' "$work/time"
}
echo "== $runs rounds of $decodes decodes each (load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
for ((round = 1; round <= runs; round++)); do
    for entry in "${inputs[@]}"; do
        IFS='|' read -r name file tool <<<"$entry"
        "${bench[@]}" "$file" "$decodes" | awk '{ print $1 }' >>"$work/forensics.$tool.$(basename "$file")"
        awk -v s="$(tool_cpu "$tool" "$file")" -v n="$decodes" 'BEGIN { print 1000 * s / n }' >>"$work/tool.$tool.$(basename "$file")"
        awk -v s="$(tool_cpu "$tool" "$work/empty.$tool")" -v n="$decodes" 'BEGIN { print 1000 * s / n }' >>"$work/start.$tool.$(basename "$file")"
        cut -d' ' -f1 /proc/loadavg >>"$work/load"
    done
done
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "== medians, $(date -u +%Y-%m-%d), load $(sort -g "$work/load" | head -1)-$(sort -g "$work/load" | tail -1)"
echo "| input | forensics, CPU per decode | tool -dc, CPU per run | of it, the tool's start | tool/forensics | (tool - start)/forensics |"
echo "|---|---:|---:|---:|---:|---:|"
for entry in "${inputs[@]}"; do
    IFS='|' read -r name file tool <<<"$entry"
    key="$tool.$(basename "$file")"
    awk -v n="$name" -v t="$tool" -v f="$(median "$work/forensics.$key")" -v p="$(median "$work/tool.$key")" -v s="$(median "$work/start.$key")" 'BEGIN {
        printf "| %s | %.2f ms | %s %.2f ms | %.2f ms | %.2f | %.2f |\n", n, f, t, p, s, p / f, (p - s) / f }'
done
echo "(the goal: forensics within 1.2 times the tool, so tool/forensics 0.83 or more)"
