#!/usr/bin/env bash
# Fuzzes one importer target with afl-fuzz through SharpFuzz.
# Usage: tests/Forensics.Fuzzing/run-fuzz.sh TARGET [SECONDS]
#   TARGET: maps | smaps | pmap | gdb | text-any | core | pipeline | minidump | apport;  SECONDS: run time, 600 by default.
# Findings land in tests/Forensics.Fuzzing/out/TARGET/default/{crashes,hangs}; replay them with
#   dotnet tests/Forensics.Fuzzing/bin/Release/net10.0/Forensics.Fuzzing.dll TARGET --replay DIR
set -euo pipefail

target=${1:?usage: run-fuzz.sh TARGET [SECONDS]}
seconds=${2:-600}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$root/corpus
bin=$here/bin/Release/net10.0
afl_bin=$here/bin/afl
seeds=$here/seeds/$target
out=$here/out/$target
export PATH="$PATH:$HOME/.dotnet/tools"

if ! command -v afl-fuzz >/dev/null; then
    apt-get install -y afl++
fi
if ! command -v sharpfuzz >/dev/null; then
    dotnet tool install --global SharpFuzz.CommandLine
fi

dotnet build "$here/Forensics.Fuzzing.csproj" -c Release --nologo -v quiet
# afl-fuzz runs an instrumented copy; bin/Release stays plain for --replay, which instrumented code cannot run
# outside afl-fuzz (the coverage map lives in afl's shared memory).
rm -rf "$afl_bin"
cp -r "$bin" "$afl_bin"
for assembly in Forensics.Model Forensics.Elf Forensics.Importers; do
    sharpfuzz "$afl_bin/$assembly.dll"
done

# Seeds: small files only, afl-fuzz slows down on big ones.
rm -rf "$seeds"
mkdir -p "$seeds"
add_seed() { [[ -f $1 ]] && head -c "${2:-65536}" "$1" > "$seeds/$(echo "${1#"$corpus"/}" | tr / _)"; return 0; }
add_core_seed() { [[ -f $1 ]] && { xz -dc "$1" 2>/dev/null || true; } | head -c 16384 > "$seeds/$(echo "${1#"$corpus"/}" | tr / _).head"; return 0; }
case $target in
    maps) for f in "$corpus"/aslr-pair/run-1.maps "$corpus"/preload/maps "$corpus"/bad-inputs/corrupted-line.maps; do add_seed "$f"; done ;;
    smaps) for f in "$corpus"/grow/before.smaps "$corpus"/live/smaps_rollup; do add_seed "$f" 16384; done ;;
    pmap) for f in "$corpus"/live/pmap*.txt "$corpus"/bad-inputs/truncated.pmap-x.txt; do add_seed "$f" 16384; done ;;
    gdb) for f in "$corpus"/*/core.gdb.txt "$corpus"/live/gdb-mappings.txt; do add_seed "$f"; done ;;
    text-any)
        for f in "$corpus"/aslr-pair/run-1.maps "$corpus"/grow/before.smaps "$corpus"/live/smaps_rollup "$corpus"/live/pmap*.txt \
            "$corpus"/crash-abort/core.gdb.txt "$corpus"/ticket/incident-ticket.md "$corpus"/bad-inputs/*.txt "$corpus"/bad-inputs/*.maps; do
            add_seed "$f" 16384
        done ;;
    core)
        for f in "$corpus"/crash-*/core.xz "$corpus"/killed-by-signal/core.xz; do add_core_seed "$f"; done
        xz -dc "$corpus"/bad-inputs/truncated-64k.core.xz > "$seeds/truncated-64k.core"
        add_seed "$corpus"/bad-inputs/random-4096.bin ;;
    pipeline)
        for f in "$corpus"/aslr-pair/run-1.maps "$corpus"/live/pmap-X.txt "$corpus"/crash-null/core.gz "$corpus"/bad-inputs/not-a-core.elf.xz \
            "$corpus"/bad-inputs/random-4096.bin "$corpus"/bad-inputs/empty.txt; do
            add_seed "$f" 32768
        done
        add_core_seed "$corpus"/crash-abort/core.xz ;;
    minidump) for f in "$corpus"/public/minidumps/*/*.dmp; do add_seed "$f"; done ;;
    apport) add_seed "$corpus"/public/apport/jammy_usr_bin_sleep.1000.crash ;;
    *) echo "unknown target [$target]" >&2; exit 2 ;;
esac
# afl-fuzz refuses an empty seed file.
find "$seeds" -type f -empty -exec sh -c 'printf "\n" > "$1"' _ {} \;

mkdir -p "$out"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1  # AFL_AUTORESUME continues an earlier run of the target
# A .NET process needs more than afl's default memory limit; a hard GC heap limit turns huge allocations into crashes.
export DOTNET_GCHeapHardLimit=0x40000000
afl-fuzz -i "$seeds" -o "$out" -t 2000 -m none -V "$seconds" -- dotnet "$afl_bin/Forensics.Fuzzing.dll" "$target" || true
grep -E '^(execs_done|corpus_count|saved_crashes|saved_hangs|run_time)' "$out/default/fuzzer_stats" || true
