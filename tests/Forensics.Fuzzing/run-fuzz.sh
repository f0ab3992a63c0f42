#!/usr/bin/env bash
# Fuzzes one importer target with afl-fuzz through SharpFuzz.
# Usage: tests/Forensics.Fuzzing/run-fuzz.sh TARGET [SECONDS]
#   TARGET: maps | smaps | pmap | gdb | text-any | core | pipeline | gz | xz | zst | bz2 | batch | demangle | minidump | apport | cfi | module-file;  SECONDS: run time, 600 by default.
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
assemblies="Forensics.Model Forensics.Elf Forensics.Importers Forensics.Pipeline Forensics.Symbols"
case $target in
    gz|xz|bz2) assemblies="$assemblies SharpCompress" ;;
    zst) assemblies="$assemblies ZstdSharp" ;;
esac
for assembly in $assemblies; do
    sharpfuzz "$afl_bin/$assembly.dll"
done

# Seeds: small files only, afl-fuzz slows down on big ones.
rm -rf "$seeds"
mkdir -p "$seeds"
add_seed() { [[ -f $1 ]] && head -c "${2:-65536}" "$1" > "$seeds/$(echo "${1#"$corpus"/}" | tr / _)"; return 0; }
add_core_seed() { [[ -f $1 ]] && { xz -dc "$1" 2>/dev/null || true; } | head -c 16384 > "$seeds/$(echo "${1#"$corpus"/}" | tr / _).head"; return 0; }
case $target in
    maps) for f in "$corpus"/aslr-pair/run-1.maps "$corpus"/preload/maps "$root"/tests/bad-inputs/corrupted-line.maps; do add_seed "$f"; done ;;
    smaps) for f in "$corpus"/grow/before.smaps "$corpus"/live/smaps_rollup; do add_seed "$f" 16384; done ;;
    pmap) for f in "$corpus"/live/pmap*.txt "$root"/tests/bad-inputs/truncated.pmap-x.txt; do add_seed "$f" 16384; done ;;
    gdb) for f in "$corpus"/*/core.gdb.txt "$corpus"/live/gdb-mappings.txt; do add_seed "$f"; done ;;
    text-any)
        for f in "$corpus"/aslr-pair/run-1.maps "$corpus"/grow/before.smaps "$corpus"/live/smaps_rollup "$corpus"/live/pmap*.txt \
            "$corpus"/crash-abort/core.gdb.txt "$corpus"/ticket/incident-ticket.md "$root"/tests/bad-inputs/*.txt "$root"/tests/bad-inputs/*.maps; do
            add_seed "$f" 16384
        done ;;
    core)
        for f in "$corpus"/crash-*/core.xz "$corpus"/killed-by-signal/core.xz; do add_core_seed "$f"; done
        xz -dc "$root"/tests/bad-inputs/truncated-64k.core.xz > "$seeds/truncated-64k.core"
        add_seed "$root"/tests/bad-inputs/random-4096.bin ;;
    pipeline)
        for f in "$corpus"/aslr-pair/run-1.maps "$corpus"/live/pmap-X.txt "$corpus"/crash-null/core.gz "$root"/tests/bad-inputs/not-a-core.elf.xz \
            "$root"/tests/bad-inputs/random-4096.bin "$root"/tests/bad-inputs/empty.txt; do
            add_seed "$f" 32768
        done
        add_core_seed "$corpus"/crash-abort/core.xz ;;
    gz|xz|zst|bz2)
        compress() { case $target in gz) gzip -9c ;; xz) xz -c ;; zst) zstd -qc ;; bz2) bzip2 -9c ;; esac; }
        compress < "$corpus"/aslr-pair/run-1.maps > "$seeds/run-1.maps.$target"
        { xz -dc "$corpus"/crash-abort/core.xz || true; } | head -c 16384 | compress > "$seeds/core-head.$target" ;;
    batch)
        # Entries: kind (0 file, 1 folder, 2 link, 3 FIFO, 4 up, 5 small maps), name length, name, the kind's fields.
        { printf '\005\006a.maps\003\004fifo\002\004loop\003\002\004self\002'; } > "$seeds/links"
        { printf '\001\003dir\005\005x\nb\033\002\004out\002\004\000\005y.map\000\100\000'; head -c 64 "$corpus"/aslr-pair/run-1.maps; } > "$seeds/names" ;;
    demangle)
        # Every 50th name of the oracle table: C++ from libstdc++ and names.cpp, Rust legacy and v0.
        awk -F'\t' -v dir="$seeds" 'NR % 50 == 1 { f = dir "/name-" NR; printf "%s", $2 > f; close(f) }' "$corpus"/demangle/oracle.tsv ;;
    minidump) for f in "$corpus"/public/minidumps/*/*.dmp; do add_seed "$f"; done ;;
    # The forum apt-get report carries apport-retrace's Registers; whoopsie's a core of a kernel without NT_SIGINFO.
    apport)
        for f in "$corpus"/public/apport/*.crash; do add_seed "$f"; done
        # A zstd CoreDump as apport copies systemd-coredump's file: its first 32 KiB, one base64 line.
        for f in "$corpus"/systemd-coredump/core.*.zst; do
            { printf 'ProblemType: Crash\nSignal: 11\nCoreDump: base64\n '; head -c 32768 "$f" | base64 -w0; printf '\n'; } > "$seeds/zstd-core.crash"
        done ;;
    cfi)
        # The .eh_frame of the symbol-files binary (x86_64: flag byte 1), and the same bytes read as .debug_frame (3).
        unpacked="$(mktemp -d)"
        tar -C "$unpacked" -xJf "$corpus"/symbol-files/binaries.tar.xz
        objcopy -O binary --only-section=.eh_frame "$unpacked"/tmp/forensics-corpus/bin/mini_debuginfo "$unpacked/eh_frame"
        { printf ''; cat "$unpacked/eh_frame"; } > "$seeds/eh-frame-64"
        { printf ''; cat "$unpacked/eh_frame"; } > "$seeds/as-debug-frame-64"
        rm -rf "$unpacked" ;;
    module-file)
        # Small real module files: an x86_64 library with .symtab and CFI, an i386 program, and a binary whose
        # symbols are in .gnu_debugdata.
        unpacked="$(mktemp -d)"
        tar -C "$unpacked" -xJf "$corpus"/backtrace/binaries.tar.xz tmp/forensics-corpus/bin/libnull.so tmp/forensics-corpus/bin/i386_null
        tar -C "$unpacked" -xJf "$corpus"/symbol-files/binaries.tar.xz tmp/forensics-corpus/bin/mini_debuginfo
        for f in "$unpacked"/tmp/forensics-corpus/bin/*; do cp "$f" "$seeds/$(basename "$f")"; done
        rm -rf "$unpacked" ;;
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
