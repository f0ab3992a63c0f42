#!/usr/bin/env bash
# Issue 5: forensics against its peers on the same cores, in one measured run. N small raw cores (200 by default,
# copies of the corpus cores) are read by one `forensics analyze CORES --out OUT --quiet` and by a shell loop of
# `eu-unstrip -n --core` (module list with build-ids); gdb's `info proc mappings` is timed per core on a subset.
# Then it checks that the outputs are equal: for every core, the set of (module base, build-id, path) in
# modules.csv equals what eu-unstrip lists.
#
# Environment: COUNT (200), GDB_COUNT (12), RUNS (5, hyperfine runs per command), KEEP=1 keeps the folder.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
count=${COUNT:-200}
gdb_count=${GDB_COUNT:-12}
runs=${RUNS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/forensics-peers.XXXXXX")
if [[ -n ${KEEP:-} ]]; then
    echo "keeping $work"
else
    trap 'rm -rf "$work"' EXIT
fi
for tool in eu-unstrip gdb; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install -y elfutils gdb)" >&2; exit 1; }
done

cd "$root"
echo "== build (Release) at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
build() { dotnet build -c Release "$1" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }; }
# The binary users run: published as the README says (ReadyToRun, see Forensics.Cli.csproj), not the debug build.
dotnet publish src/Forensics.Cli -c Release -o "$work/publish" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
build tests/Forensics.BatchGenerator
forensics="$work/publish/forensics"
dotnet "$root/tests/Forensics.BatchGenerator/bin/Release/net10.0/Forensics.BatchGenerator.dll" \
    --corpus corpus --out "$work/cores" --cores-only "$count"
mkdir -p "$work/gdb-cores"
for f in $(find "$work/cores" -type f | sort | head -n "$gdb_count"); do ln -s "$f" "$work/gdb-cores/"; done

forensics_command="$forensics analyze $work/cores --out $work/out --quiet"
unstrip_command="for f in $work/cores/*; do eu-unstrip -n --core \"\$f\"; done >/dev/null"
gdb_command="for f in $work/gdb-cores/*; do gdb -batch -nx -ex 'info proc mappings' -c \"\$f\"; done >/dev/null 2>&1"

echo "== timing (load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "$runs" --prepare "rm -rf $work/out" --export-csv "$work/times.csv" \
        -n forensics "$forensics_command" -n eu-unstrip-loop "$unstrip_command"
    hyperfine --runs "$(((runs + 1) / 2))" --export-csv "$work/gdb.csv" -n gdb-loop "$gdb_command"
    mean() { awk -F, -v name="$2" '$1 == name { print $2 }' "$1"; }
    forensics_seconds=$(mean "$work/times.csv" forensics)
    unstrip_seconds=$(mean "$work/times.csv" eu-unstrip-loop)
    gdb_seconds=$(mean "$work/gdb.csv" gdb-loop)
else
    # Only the time goes to the caller: the commands' own output would be read as part of it.
    seconds() { /usr/bin/time -f %e -o "$work/t" bash -c "$1" >/dev/null; cat "$work/t"; }
    rm -rf "$work/out"
    forensics_seconds=$(seconds "$forensics_command")
    unstrip_seconds=$(seconds "$unstrip_command")
    gdb_seconds=$(seconds "$gdb_command")
fi
# The last forensics run left its reports in $work/out for the check below.
[[ -f $work/out/modules.csv ]] || { rm -rf "$work/out"; $forensics_command >/dev/null; }

echo "== equal output: (base, build-id, path) per core, modules.csv against eu-unstrip -n --core"
# Path rules (FORMATS 5.11): eu-unstrip's FILE column is the file it found on disk ("." = the image was taken from
# the core itself, "-" = not found), else MODULENAME names it; the vdso is "linux-vdso.so.1" there and "[vdso]" in
# modules.csv; /lib and /lib64 are links into /usr/lib here, so paths are compared once every link is resolved.
declare -A resolved
normal_path() {
    case $1 in
        linux-vdso.so.1 | "[vdso]" | "[vdso:"*) echo "[vdso]" ;;
        /*)
            [[ -n ${resolved[$1]:-} ]] || resolved[$1]=$(realpath -m -- "$1")
            echo "${resolved[$1]}"
            ;;
        *) echo "$1" ;;
    esac
}
# inputs.csv: path,status,problem,reason,sha256,bytes,captures,... and modules.csv: capture_id,module,path,base,end,size,
# build_id,...; no generated path or corpus module path holds a comma or a quote.
declare -A capture_of
while IFS=, read -r path status _ _ _ _ ids _; do
    [[ $status == ok ]] && capture_of[$path]=$ids
done < <(tail -n +2 "$work/out/inputs.csv")
cores=0
equal=0
modules=0
for f in "$work"/cores/*; do
    name=$(basename "$f")
    cores=$((cores + 1))
    id=${capture_of[$name]:-}
    if [[ -z $id ]]; then
        echo "MISMATCH $name: not read as ok by forensics"
        continue
    fi
    expected=$(eu-unstrip -n --core "$f" | while read -r range build file _ module; do
        [[ $file == . || $file == - ]] && file=$module
        build=${build%%@*}
        echo "${range%%+*} ${build:--} $(normal_path "$file")"
    done | sort)
    actual=$(awk -F, -v id="$id" '$1 == id { print $4 " " ($7 == "" ? "-" : $7) " " $3 }' "$work/out/modules.csv" \
        | while read -r base build path; do echo "$base $build $(normal_path "$path")"; done | sort)
    if [[ -n $expected && $expected == "$actual" ]]; then
        equal=$((equal + 1))
        modules=$((modules + $(wc -l <<<"$expected")))
    else
        echo "MISMATCH $name"
        diff <(echo "$expected") <(echo "$actual") | sed 's/^/    /' || true
    fi
done
echo "$equal of $cores cores equal ($modules modules with base, build-id and path)"

echo "== figures"
awk -v n="$count" -v g="$gdb_count" -v f="$forensics_seconds" -v u="$unstrip_seconds" -v d="$gdb_seconds" 'BEGIN {
    printf "cores:                          %d raw copies of %s\n", n, "the corpus cores"
    printf "forensics analyze (one run):    %.3f s (%.2f ms per core, start-up included)\n", f, 1000 * f / n
    printf "eu-unstrip -n --core loop:      %.3f s (%.2f ms per core)\n", u, 1000 * u / n
    printf "speed ratio eu-unstrip/forensics: %.2fx\n", u / f
    printf "gdb info proc mappings loop:    %.3f s over %d cores (%.1f ms per core)\n", d, g, 1000 * d / g
}'
echo "core mix: $(ls "$work/cores" | sed 's/^core-[0-9]*-//' | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')"
[[ $equal == "$cores" ]]
