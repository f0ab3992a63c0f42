#!/usr/bin/env bash
# Issue 5: a generated batch of captures (10,000 by default) analysed end to end. Builds Release, checks that the
# generator is deterministic, generates the batch into a temporary folder (never into the repository), and runs
# `forensics analyze BATCH --out OUT` (stderr redirected: plain progress lines and the phase times) under /usr/bin/time -v: wall, CPU, peak RSS, inputs by status,
# captures, and the per-phase timing the tool reports when it reports one.
#
# Environment: COUNT (10000), SEED (1), JOBS (passed as --jobs when the tool has that option), KEEP=1 keeps the
# temporary folder and prints its path, FORENSICS=path uses that binary instead of publishing one.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
count=${COUNT:-10000}
seed=${SEED:-1}
jobs=${JOBS:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/forensics-batch.XXXXXX")
if [[ -n ${KEEP:-} ]]; then
    echo "keeping $work"
else
    trap 'rm -rf "$work"' EXIT
fi

cd "$root"
echo "== build (Release) at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
build() { dotnet build -c Release "$1" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }; }
if [[ -n ${FORENSICS:-} ]]; then
    forensics=("$FORENSICS")
else
    # The binary users run: published as the README says (Native AOT, see Forensics.Cli.csproj), not the debug build.
    dotnet publish src/Forensics.Cli -c Release -o "$work/publish" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
    forensics=("$work/publish/forensics")
fi
build tests/Forensics.BatchGenerator
generator=(dotnet "$root/tests/Forensics.BatchGenerator/bin/Release/net10.0/Forensics.BatchGenerator.dll")

echo "== determinism: --count 200 twice with seed $seed"
"${generator[@]}" --corpus corpus --out "$work/check-1" --count 200 --seed "$seed" >/dev/null
"${generator[@]}" --corpus corpus --out "$work/check-2" --count 200 --seed "$seed" >/dev/null
if diff -r "$work/check-1" "$work/check-2" >/dev/null; then
    echo "identical trees ($(find "$work/check-1" -type f | wc -l) files)"
else
    echo "the two trees differ" >&2
    exit 1
fi
rm -rf "$work/check-1" "$work/check-2"

echo "== generate $count captures (seed $seed)"
"${generator[@]}" --corpus corpus --out "$work/batch" --count "$count" --seed "$seed"
echo "$(find "$work/batch" -type f | wc -l) files in $(find "$work/batch" -mindepth 1 -type d | wc -l) folders," \
    "$(du -sb --apparent-size "$work/batch" | cut -f1) bytes ($(du -sk "$work/batch" | cut -f1) KiB on disk)"

extra=()
if [[ -n $jobs ]]; then
    if "${forensics[@]}" analyze --help | grep -q -- '--jobs'; then
        extra=(--jobs "$jobs")
    else
        echo "this build has no --jobs option; JOBS=$jobs ignored"
    fi
fi

# The corpus's programs are built where its cores name them while corpus/make-corpus.sh runs; their build-ids match,
# so the batch's cores then get named frames and fewer FX8004 notes: the reports differ, the tool does not.
if [[ -d /tmp/forensics-corpus/bin ]]; then
    echo "warning: /tmp/forensics-corpus/bin exists (corpus/make-corpus.sh under way?): the cores' frames are named from it," \
        "so these reports differ from a run without it" >&2
fi

echo "== forensics analyze BATCH --out OUT ${extra[*]}"
load_before="$(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min), $(nproc) cores"
status=0
/usr/bin/time -v -o "$work/time.txt" "${forensics[@]}" analyze "$work/batch" --out "$work/out" "${extra[@]}" \
    >"$work/stdout.txt" 2>"$work/stderr.txt" || status=$?
# 0: every input read; 1: some inputs failed or were partial (the broken files); anything else is a failure.
if ((status > 1)); then
    echo "forensics exited with $status" >&2
    tail -20 "$work/stderr.txt" >&2
    exit 1
fi

field() { sed -n "s/^[[:space:]]*$1: //p" "$work/time.txt"; }
wall=$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)')
user=$(field 'User time (seconds)')
system=$(field 'System time (seconds)')
cpu=$(field 'Percent of CPU this job got')
rss=$(field 'Maximum resident set size (kbytes)')
inputs=$(($(wc -l <"$work/out/inputs.csv") - 1))
captures=$(($(wc -l <"$work/out/captures.csv") - 1))
# inputs.csv: path,status,... (generated paths hold no comma or quote).
statuses=$(tail -n +2 "$work/out/inputs.csv" | cut -d, -f2 | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')

echo "== figures"
echo "exit status:     $status"
echo "wall:            $wall"
echo "user:            $user s"
echo "system:          $system s"
echo "CPU:             $cpu"
echo "peak RSS:        $rss KiB ($((rss / 1024)) MiB)"
echo "inputs:          $inputs ($statuses)"
echo "captures:        $captures"
echo "load before run: $load_before"
echo "load after run:  $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== per-phase split reported by the tool"
if grep -iqE 'import|analy|writ' "$work/stderr.txt"; then
    grep -iE 'import|analy|writ' "$work/stderr.txt" | grep -viE '^(partial|failed|skipped):' || true
fi
if grep -iqE 'phase|timing|elapsed' "$work/out/index.md"; then
    grep -iE 'phase|timing|elapsed' "$work/out/index.md"
fi
if ! grep -iqE 'import|analy|writ' "$work/stderr.txt" && ! grep -iqE 'phase|timing|elapsed' "$work/out/index.md"; then
    echo "(none: this build reports no timing summary)"
fi
