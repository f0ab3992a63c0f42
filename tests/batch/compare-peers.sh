#!/usr/bin/env bash
# Issues 5 and 16: forensics against its peers as users run them, in one command that prints a table. The published
# binary (README, "The binary to run") and each peer are run in turn, RUNS rounds of every pair interleaved (so a
# change of the machine's load falls on both sides alike), and the medians are compared; the load average is printed
# with every row. Pairs:
#   - `forensics crash` on one small public core (pystack segfault.core) and `eu-unstrip -n --core` on it;
#   - one `forensics analyze` over N small raw cores (200 by default, copies of the corpus cores) and a shell loop of
#     `eu-unstrip -n --core`; gdb's `info proc mappings` per core on a subset;
#   - the same over N copies of the seven small public ELF cores (lldb's elf-core tests and pystack's segfault.core,
#     12 to 240 KB), taken in turn;
#   - decompression: the CPU time `forensics crash` on the 14 MB smaps takes more as .xz, .zst and .lz4 than
#     decompressed, against that of `xz -dc`, `zstd -dc` and `lz4 -dc` of the same file.
# Then it checks that the outputs are equal: for every core, the set of (module base, build-id, path) in modules.csv
# equals what eu-unstrip lists.
#
# Environment: COUNT (200), GDB_COUNT (12), RUNS (5 rounds), KEEP=1 keeps the folder, FORENSICS=path uses that binary
# instead of publishing one.
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
for tool in eu-unstrip gdb xz zstd lz4; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install -y elfutils gdb xz-utils zstd lz4)" >&2; exit 1; }
done

cd "$root"
echo "== build (Release) at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
build() { dotnet build -c Release "$1" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }; }
if [[ -n ${FORENSICS:-} ]]; then
    forensics=$FORENSICS
else
    # The binary users run: published as the README says (see Forensics.Cli.csproj), not the debug build.
    dotnet publish src/Forensics.Cli -c Release -o "$work/publish" -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
    forensics="$work/publish/forensics"
fi
build tests/Forensics.BatchGenerator
dotnet "$root/tests/Forensics.BatchGenerator/bin/Release/net10.0/Forensics.BatchGenerator.dll" \
    --corpus corpus --out "$work/cores" --cores-only "$count" >/dev/null
mkdir -p "$work/gdb-cores" "$work/compressed"
for f in $(find "$work/cores" -type f | sort | head -n "$gdb_count"); do ln -s "$f" "$work/gdb-cores/"; done
mkdir -p "$work/public-cores"
mapfile -t public < <(find corpus/public/cores/lldb/elf-core corpus/public/cores/pystack -type f -name '*.core' | sort)
for ((i = 0; i < count; i++)); do cp "${public[i % ${#public[@]}]}" "$work/public-cores/core-$i.core"; done
small_core="$root/corpus/public/cores/pystack/segfault.core"
smaps="$work/compressed/many-maps.smaps"
xz -dc corpus/bench/many-maps.smaps.xz >"$smaps"
cp corpus/bench/many-maps.smaps.xz "$work/compressed/"
zstd -q -19 -k "$smaps" -o "$smaps.zst"
lz4 -q -9 "$smaps" "$smaps.lz4"

# name|command: each is run RUNS times, the rounds interleaved. Output goes to /dev/null; the exit status is checked
# once, before timing (0, or 1 for inputs read in part).
commands=(
    "crash-forensics|$forensics crash $small_core"
    "crash-unstrip|eu-unstrip -n --core $small_core"
    "cores-forensics|rm -rf $work/out && $forensics analyze $work/cores --out $work/out --quiet"
    "cores-unstrip|for f in $work/cores/*; do eu-unstrip -n --core \"\$f\"; done"
    "cores-gdb|for f in $work/gdb-cores/*; do gdb -batch -nx -ex 'info proc mappings' -c \"\$f\"; done"
    "public-forensics|rm -rf $work/public-out && $forensics analyze $work/public-cores --out $work/public-out --quiet"
    "public-unstrip|for f in $work/public-cores/*; do eu-unstrip -n --core \"\$f\"; done"
    "read-plain|$forensics crash $smaps"
    "read-xz|$forensics crash $smaps.xz"
    "xz|xz -dc $smaps.xz"
    "read-zst|$forensics crash $smaps.zst"
    "zstd|zstd -dc $smaps.zst"
    "read-lz4|$forensics crash $smaps.lz4"
    "lz4|lz4 -dc $smaps.lz4"
)
for entry in "${commands[@]}"; do
    status=0
    bash -c "${entry#*|}" >/dev/null 2>"$work/check.err" || status=$?
    ((status <= 1)) || { echo "${entry%%|*} exited with $status:" >&2; tail -5 "$work/check.err" >&2; exit 1; }
done

echo "== timing: $runs interleaved rounds (load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
for ((round = 1; round <= runs; round++)); do
    for entry in "${commands[@]}"; do
        name=${entry%%|*}
        /usr/bin/time -f '%e %U %S' -o "$work/time" bash -c "${entry#*|}" >/dev/null 2>&1 || true
        tail -n 1 "$work/time" | awk '{ print $1 }' >>"$work/times.$name"
        tail -n 1 "$work/time" | awk '{ print $2 + $3 }' >>"$work/cpu.$name"
        cut -d' ' -f1 /proc/loadavg >>"$work/load.$name"
    done
done
median() { sort -g "$work/$1" | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
seconds() { median "times.$1"; }
cpu() { median "cpu.$1"; }
load() { median "load.$1"; }

# The last forensics analyze left its reports in $work/out for the check below.
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
echo "core mix: $(ls "$work/cores" | sed 's/^core-[0-9]*-//' | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')"

echo "== figures: medians of $runs interleaved rounds, $(date -u +%Y-%m-%d), $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
row() { # measured, forensics seconds, peer name, peer seconds, load names...
    awk -v m="$1" -v f="$2" -v p="$3" -v s="$4" -v l="$5" 'BEGIN {
        ratio = f >= 0.01 ? sprintf("%.2f", s / f) : "- (below the 10 ms resolution of the times)"
        printf "| %s | %.0f ms | %s %.0f ms | %s | %s |\n", m, 1000 * f, p, 1000 * s, ratio, l }'
}
loads() { for name in "$@"; do load "$name"; done | sort -g | awk 'NR == 1 { low = $1 } { high = $1 } END { print (low == high ? low : low "-" high) }'; }
difference() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; printf "%.6f\n", (d > 0 ? d : 0) }'; }
echo "| measured | forensics | peer | peer/forensics | load |"
echo "|---|---:|---:|---:|---:|"
row "crash on one small core (segfault.core)" "$(seconds crash-forensics)" "eu-unstrip -n --core" "$(seconds crash-unstrip)" "$(loads crash-forensics crash-unstrip)"
row "analyze of $count small cores" "$(seconds cores-forensics)" "eu-unstrip loop" "$(seconds cores-unstrip)" "$(loads cores-forensics cores-unstrip)"
row "analyze of $count small public cores (lldb, pystack)" "$(seconds public-forensics)" "eu-unstrip loop" "$(seconds public-unstrip)" "$(loads public-forensics public-unstrip)"
awk -v f="$(seconds cores-forensics)" -v d="$(seconds cores-gdb)" -v n="$count" -v g="$gdb_count" -v l="$(load cores-gdb)" 'BEGIN {
    printf "| analyze, per core | %.1f ms | gdb info proc mappings %.1f ms | %.1f | %s |\n", 1000 * f / n, 1000 * d / g, (d / g) / (f / n), l }'
plain=$(cpu read-plain)
for pair in xz:read-xz zstd:read-zst lz4:read-lz4; do
    tool=${pair%%:*}
    row "CPU of decompressing the 14 MB smaps (crash .${pair##*-} - crash plain)" "$(difference "$(cpu "${pair#*:}")" "$plain")" \
        "$tool -dc, CPU" "$(cpu "$tool")" "$(loads "${pair#*:}" "$tool" read-plain)"
done
echo "(crash on the plain smaps: $(awk -v s="$plain" 'BEGIN { printf "%.0f ms", 1000 * s }') of CPU; peer/forensics above 1 is forensics faster;"
echo " for decompression the goal is 1/1.2 = 0.83 or more; CPU, not wall, as the decoders are fast next to a busy machine's scheduling)"
echo "CPU (user + system) medians: $(for entry in "${commands[@]}"; do
    printf '%s %.0f ms; ' "${entry%%|*}" "$(awk -v s="$(cpu "${entry%%|*}")" 'BEGIN { print 1000 * s }')"; done)"
[[ $equal == "$cores" ]]
