#!/usr/bin/env bash
# Issue 15: backtraces against eu-stack (elfutils) on the same cores, in one measured script. The cores of
# corpus/backtrace/ and corpus/symbol-files/ (COPIES raw copies of each, 5 by default) are read by one
# `forensics analyze CORES --symbols SYSROOT --out OUT --quiet` (the published CLI: import, stack walk and symbols of
# every thread, every report written) and by a shell loop of `eu-stack --core CORE --debuginfo-path TREE -n 0` (every
# frame of every thread; TREE holds the same binaries as a .build-id tree, where eu-stack finds files by build-id).
# The two commands are run in turn RUNS times (interleaved, so a change of the machine's load hits both) and the
# medians of wall and CPU time (user + system) compared; the load average is printed before and after. Then it checks that the crashing thread of every
# core has the same frames in both: PCs, innermost first, and function names (eu-stack may name another symbol at the
# same address, e.g. __libc_free for free: such aliases count as equal when the module's .dynsym/.symtab says so).
#
# Environment: COPIES (5), RUNS (5), KEEP=1 keeps the folder, FORENSICS=path uses that binary instead of publishing one.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
copies=${COPIES:-5}
runs=${RUNS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/forensics-eu-stack.XXXXXX")
if [[ -n ${KEEP:-} ]]; then
    echo "keeping $work"
else
    trap 'rm -rf "$work"' EXIT
fi
for tool in eu-stack eu-readelf nm python3; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install -y elfutils binutils python3)" >&2; exit 1; }
done

cd "$root"
echo "== build (Release) at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n ${FORENSICS:-} ]]; then
    forensics=$FORENSICS
else
    # The binary users run: published as the README says (see Forensics.Cli.csproj), not the debug build.
    dotnet publish src/Forensics.Cli -c Release -o "$work/publish" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
    forensics="$work/publish/forensics"
fi

echo "== binaries: a sysroot for forensics, a build-id tree for eu-stack"
mkdir -p "$work/sysroot" "$work/tree"
tar -C "$work/sysroot" -xJf corpus/backtrace/binaries.tar.xz
tar -C "$work/sysroot" -xJf corpus/symbol-files/binaries.tar.xz
# The symbol-files set also holds the debug file of another build under other-build/: it belongs to no core.
while IFS= read -r -d '' file; do
    build_id=$(eu-readelf -n "$file" 2>/dev/null | awk '/Build ID:/ { print $3; exit }')
    [[ -n $build_id ]] || continue
    mkdir -p "$work/tree/.build-id/${build_id:0:2}"
    case $file in
        *.debug) ln -sf "$file" "$work/tree/.build-id/${build_id:0:2}/${build_id:2}.debug" ;;
        *) ln -sf "$file" "$work/tree/.build-id/${build_id:0:2}/${build_id:2}" ;;
    esac
done < <(find "$work/sysroot" -type f -not -path '*/other-build/*' -print0)

sets=(backtrace/lib-null backtrace/omit-fp-abort backtrace/cpp-throw backtrace/deep-recursion backtrace/double-free
    backtrace/i386-null symbol-files)
mkdir -p "$work/cores" "$work/eu"
for set in "${sets[@]}"; do
    name=$(basename "$set")
    xz -dc "corpus/$set/core.xz" >"$work/$name.core"
    for i in $(seq -w 1 "$copies"); do cp "$work/$name.core" "$work/cores/core-$i-$name"; done
    rm "$work/$name.core"
done
count=$(ls "$work/cores" | wc -l)

# The output folder of the previous run is removed before the timing starts (a run over a folder it wrote reuses its
# kept results); eu-stack's listings are overwritten likewise.
forensics_run() { "$forensics" analyze "$work/cores" --symbols "$work/sysroot" --out "$work/out" --quiet >/dev/null 2>"$work/forensics.err"; }
# eu-stack exits 1 when a thread ends in a frame without CFI (it still printed every frame), so only 2+ is a failure.
eu_stack_run() {
    local f
    for f in "$work"/cores/*; do
        eu-stack --core "$f" --debuginfo-path "$work/tree" -n 0 >"$work/eu/$(basename "$f").txt" 2>/dev/null || (($? == 1))
    done
}
# Wall seconds and CPU seconds (user + system, of the command and its children) of a shell function.
measure() { local TIMEFORMAT='%R %U %S'; { time "$@"; } 2>&1 | awk '{ print $1, $2 + $3 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== timing: $count cores, $runs interleaved runs (load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
rm -rf "$work/out"
forensics_run # warm-up of both: the files are in the page cache for either
eu_stack_run
: >"$work/forensics.times"
: >"$work/eu-stack.times"
for run in $(seq 1 "$runs"); do
    rm -rf "$work/out"
    read -r f f_cpu < <(measure forensics_run)
    read -r e e_cpu < <(measure eu_stack_run)
    printf 'run %d: forensics %.3f s (CPU %.2f s), eu-stack loop %.3f s (CPU %.2f s)\n' "$run" "$f" "$f_cpu" "$e" "$e_cpu"
    echo "$f $f_cpu" >>"$work/forensics.times"
    echo "$e $e_cpu" >>"$work/eu-stack.times"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
forensics_seconds=$(cut -d' ' -f1 "$work/forensics.times" | median)
eu_stack_seconds=$(cut -d' ' -f1 "$work/eu-stack.times" | median)
forensics_cpu=$(cut -d' ' -f2 "$work/forensics.times" | median)
eu_stack_cpu=$(cut -d' ' -f2 "$work/eu-stack.times" | median)

echo "== equal frames: the crashing thread of every core, frames.csv against eu-stack"
python3 - "$work" <<'PYTHON'
import csv, os, re, subprocess, sys
work = sys.argv[1]
capture_of = {}
with open(os.path.join(work, "out", "inputs.csv"), newline="") as inputs:
    for row in csv.DictReader(inputs):
        if row["status"] == "ok":
            capture_of[row["path"]] = row["captures"]
walked = {}
with open(os.path.join(work, "out", "frames.csv"), newline="") as frames:
    for row in csv.DictReader(frames):
        if row["crashing"] == "true":
            walked.setdefault(row["capture_id"], []).append(row)
files = {}
for folder, _, names in os.walk(os.path.join(work, "sysroot")):
    for name in names:
        files.setdefault(name, os.path.join(folder, name))
symbols = {}
def address_of(module, name):
    """The value of a symbol in the module's file (dynamic and static tables), None when absent."""
    if module not in symbols:
        table = {}
        path = files.get(module)
        for option in (["-D"], []):
            if path is None:
                break
            listing = subprocess.run(["nm", "--defined-only", *option, path], capture_output=True, text=True).stdout
            for line in listing.splitlines():
                fields = line.split()
                if len(fields) == 3:
                    table.setdefault(fields[2].split("@")[0], fields[0])
        symbols[module] = table
    return symbols[module].get(name)
frame_line = re.compile(r"^#\d+\s+0x([0-9a-f]+)\s*(.*)$")
cores = equal = frame_count = aliases = 0
for name in sorted(os.listdir(os.path.join(work, "cores"))):
    cores += 1
    rows = walked.get(capture_of.get(name, ""), [])
    if not rows:
        print(f"MISMATCH {name}: no crashing thread in frames.csv")
        continue
    tid = rows[0]["tid"]
    expected, current = [], None
    with open(os.path.join(work, "eu", name + ".txt")) as listing:
        for line in listing:
            if line.startswith("TID "):
                current = line[4:].strip().rstrip(":")
            elif current == tid and (m := frame_line.match(line.rstrip("\n"))):
                expected.append((int(m.group(1), 16), m.group(2).strip()))
    actual = [(int(r["pc"], 16), r["function"], r["module"]) for r in rows]
    problems = []
    if len(expected) != len(actual):
        problems.append(f"{len(actual)} frames, eu-stack {len(expected)}")
    for i, ((pc, function), (our_pc, our_function, module)) in enumerate(zip(expected, actual)):
        if pc != our_pc:
            problems.append(f"frame {i}: pc {our_pc:#x}, eu-stack {pc:#x}")
        elif function != our_function:
            same = function and our_function and address_of(module, function) is not None \
                and address_of(module, function) == address_of(module, our_function)
            if same:
                aliases += 1
            else:
                problems.append(f"frame {i} ({pc:#x}): function [{our_function}], eu-stack [{function}]")
    if problems:
        print(f"MISMATCH {name} (tid {tid}): " + "; ".join(problems[:5]))
    else:
        equal += 1
        frame_count += len(actual)
print(f"{equal} of {cores} cores equal ({frame_count} frames of crashing threads; {aliases} names are aliases at the same address)")
with open(os.path.join(work, "equal"), "w") as result:
    result.write("yes" if equal == cores else "no")
PYTHON

echo "== figures"
awk -v n="$count" -v r="$runs" -v f="$forensics_seconds" -v e="$eu_stack_seconds" -v fc="$forensics_cpu" -v ec="$eu_stack_cpu" 'BEGIN {
    printf "cores:                        %d (%s)\n", n, "raw copies of the backtrace and symbol-files cores"
    printf "forensics analyze (median):   %.3f s (%.2f ms per core, start-up and reports included), CPU %.2f s\n", f, 1000 * f / n, fc
    printf "eu-stack loop (median):       %.3f s (%.2f ms per core), CPU %.2f s\n", e, 1000 * e / n, ec
    printf "speed ratio eu-stack/forensics: %.2fx (median of %d interleaved runs each); CPU ratio %.2fx\n", e / f, r, ec / fc
}'
echo "load after: $load_after"
[[ $(cat "$work/equal") == yes ]]
