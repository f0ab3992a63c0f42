#!/usr/bin/env bash
# Makes the corpus: real captures of small C programs run on this machine.
#
# Usage: corpus/make-corpus.sh [SET...]
#   With no argument every set is remade; otherwise only the named sets
#   (live crash-null crash-stack crash-abort crash-assert crash-thread killed-by-signal dotnet-overflow systemd-coredump
#   backtrace symbol-files aslr-pair grow preload bench jit-regions long-paths ticket bad-inputs), then README.md is rewritten
#   from what is on disk. "readme" alone only rewrites README.md.
#
# Needs: gcc, gdb, pmap (procps), xz, gzip, zstd, lz4, readelf, eu-unstrip (elfutils),
# root or ptrace permission for gdb -p, and a kernel core_pattern of "core"
# (the crashing process writes ./core in its working folder). The systemd-coredump set also needs root,
# apt-get download and dpkg-deb (the systemd-coredump package matching the installed systemd),
# systemd-socket-activate, setpriv, python3 and no systemd-coredump socket of the machine's own. The programs run
# from a neutral work folder (/tmp/forensics-corpus) with a clean environment, so
# no private path or secret ends up in a capture. Raw cores are kept only as
# .xz (one small core also as .gz, .zst and .lz4 to exercise those decompressors).
#
# Rerunnable: every run makes new processes, so PIDs, addresses and sizes
# change; the README is regenerated from the files, so it always matches them.
set -euo pipefail

CORPUS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Inputs a batch must survive live beside the tests, so the main command over corpus/ reads only real captures.
BAD_INPUTS="$CORPUS/../tests/bad-inputs"
WORK=/tmp/forensics-corpus
BIN="$WORK/bin"
PRELOAD_LIBRARY=/tmp/libpreload.so
CLEAN_ENV=(env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C)

log() { printf '%s\n' "$*" >&2; }

# Compiles from a copy of src/ in the work folder, so the debug information
# (and gdb's backtraces in *.gdb.txt) name only /tmp/forensics-corpus/src.
build_programs() {
    rm -rf "$BIN" "$WORK/src"
    mkdir -p "$BIN"
    cp -r "$CORPUS/src" "$WORK/src"
    local flags=(-O0 -g -Wall -Wextra -Werror -pthread)
    for program in live crash_null crash_stack crash_abort crash_assert crash_thread victim grow print_maps many_maps jit_regions long_paths random_bytes; do
        (cd "$WORK/src" && gcc "${flags[@]}" -o "$BIN/$program" "$program.c")
    done
    (cd "$WORK/src" && gcc -O2 -o "$BIN/not_a_core" not_a_core.c && strip "$BIN/not_a_core")
    (cd "$WORK/src" && gcc -O2 -shared -fPIC -o "$PRELOAD_LIBRARY" preload.c)
    build_backtrace_programs
}

# The crashes of backtrace/ keep their binaries, so each is built the way its crash needs (-m32 needs gcc-multilib).
build_backtrace_programs() {
    local flags=(-g -Wall -Wextra -Werror)
    (cd "$WORK/src/backtrace" &&
        gcc "${flags[@]}" -O0 -shared -fPIC -o "$BIN/libnull.so" libnull.c &&
        gcc "${flags[@]}" -O0 -o "$BIN/lib_null" lib_null_main.c -L"$BIN" -lnull -Wl,-rpath,"$BIN" &&
        gcc "${flags[@]}" -O2 -fomit-frame-pointer -o "$BIN/omit_fp_abort" omit_fp_abort.c &&
        g++ "${flags[@]}" -O0 -o "$BIN/cpp_throw" cpp_throw.cpp &&
        gcc "${flags[@]}" -O0 -o "$BIN/deep_recursion" deep_recursion.c &&
        gcc "${flags[@]}" -O0 -pthread -o "$BIN/double_free" double_free.c &&
        gcc "${flags[@]}" -O0 -m32 -o "$BIN/i386_null" i386_null.c)
}

# Runs the given command from folder $1 with a clean environment in the
# background, as a child of this shell; sets STARTED_PID.
start_in() {
    local folder="$1"
    shift
    (cd "$folder" && exec "${CLEAN_ENV[@]}" "$@" </dev/null >/dev/null 2>&1) &
    STARTED_PID=$!
}

wait_for_file() {
    local path="$1" tries=0
    until [ -e "$path" ]; do
        sleep 0.05
        tries=$((tries + 1))
        if [ "$tries" -gt 400 ]; then
            log "timed out waiting for $path"
            return 1
        fi
    done
}

stop_process() {
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

fresh_work_folder() {
    rm -rf "${WORK:?}/$1"
    mkdir -p "$WORK/$1"
    echo "$WORK/$1"
}

fresh_output_folder() {
    rm -rf "${CORPUS:?}/$1"
    mkdir -p "$CORPUS/$1"
    echo "$CORPUS/$1"
}

# Offline facts of a raw core beside its compressed copy: readelf headers and
# notes, eu-readelf's decoded notes (this binutils readelf cannot decode NT_FILE
# of a 64-bit core), eu-unstrip's module list, gdb's view of threads and siginfo.
describe_core() {
    local executable="$1" core="$2" target="$3"
    readelf -h -l -n -W "$core" >"$target.readelf.txt" 2>&1 || true
    eu-readelf -n "$core" >"$target.eu-readelf-n.txt" 2>&1 || true
    eu-unstrip -n --core="$core" >"$target.eu-unstrip.txt" 2>&1 || true
    gdb -batch -nx -ex 'info threads' -ex 'p $_siginfo.si_signo' -ex 'p $_siginfo.si_code' \
        -ex 'p/x $_siginfo._sifields._sigfault.si_addr' -ex 'p $_siginfo._sifields._kill.si_pid' -ex 'bt 6' \
        "$executable" "$core" >"$target.gdb.txt" 2>/dev/null || true
    stat -c '%s' "$core" >"$target.size.txt"
    sha256sum "$core" | cut -d' ' -f1 >"$target.sha256.txt"
    xz -9 -T1 -c "$core" >"$target.xz"
}

# --- live: one process, every tool, one moment ------------------------------------------

make_live() {
    local work out pid
    work="$(fresh_work_folder live)"
    out="$(fresh_output_folder live)"
    start_in "$work" "$BIN/live"
    pid=$STARTED_PID
    wait_for_file "$work/ready"
    {
        echo "launch: cd $work && env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C $BIN/live"
        echo "pid=$pid"
    } >"$out/commands.log"
    capture() {
        local file="$1"
        shift
        echo "$(date -u +%H:%M:%S) $* > $file" >>"$out/commands.log"
        "$@" >"$out/$file" 2>"$out/$file.stderr" || echo "exit=$? for $file" >>"$out/commands.log"
        [ -s "$out/$file.stderr" ] || rm -f "$out/$file.stderr"
    }
    capture maps cat "/proc/$pid/maps"
    capture smaps cat "/proc/$pid/smaps"
    capture smaps_rollup cat "/proc/$pid/smaps_rollup"
    capture status.txt cat "/proc/$pid/status"
    capture pmap.txt pmap "$pid"
    capture pmap-x.txt pmap -x "$pid"
    capture pmap-X.txt pmap -X "$pid"
    capture pmap-XX.txt pmap -XX "$pid"
    capture pmap-d.txt pmap -d "$pid"
    capture pmap-q.txt pmap -q "$pid"
    capture pmap-p.txt pmap -p "$pid"
    capture gdb-mappings.txt gdb -batch -p "$pid" -ex 'info proc mappings'
    for task in /proc/"$pid"/task/*; do
        echo "${task##*/} $(cat "$task/comm")"
    done >"$out/threads.txt"
    capture gcore.log gdb -batch -p "$pid" -ex "gcore $work/gcore.core"
    cat "/proc/$pid/maps" >"$work/maps.after"
    if cmp -s "$work/maps.after" "$out/maps"; then
        echo "check: maps read again after gcore is byte-identical" >>"$out/commands.log"
    else
        echo "check: maps read again after gcore DIFFERS" >>"$out/commands.log"
    fi
    cp "$work/live-info.txt" "$out/"
    stop_process "$pid"
    describe_core "$BIN/live" "$work/gcore.core" "$out/gcore.core"
}

# --- crashing programs -------------------------------------------------------------------

# Runs $2 in folder $1 under ulimit -c unlimited until it dies; keeps the core,
# the maps it saved, its crash-info.txt and the wait status.
run_crash() {
    local name="$1" program="$2" work out status
    work="$(fresh_work_folder "$name")"
    out="$(fresh_output_folder "$name")"
    set +e
    (cd "$work" && ulimit -c unlimited && exec "${CLEAN_ENV[@]}" "$BIN/$program" </dev/null >/dev/null 2>&1)
    status=$?
    set -e
    finish_crash "$name" "$program" "$work" "$out" "$status" \
        "cd $work && (ulimit -c unlimited; env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C $BIN/$program)"
}

finish_crash() {
    local name="$1" program="$2" work="$3" out="$4" status="$5" command="$6"
    {
        echo "launch: $command"
        echo "shell exit status=$status"
    } >"$out/commands.log"
    cp "$work/crash-info.txt" "$work/maps.self" "$out/"
    [ -e "$work/fault.self" ] && cp "$work/fault.self" "$out/"
    if [ ! -e "$work/core" ]; then
        log "$name: no core written (core_pattern or ulimit?)"
        return 1
    fi
    describe_core "$BIN/$program" "$work/core" "$out/core"
}

make_killed_by_signal() {
    local work out pid killer status
    work="$(fresh_work_folder killed-by-signal)"
    out="$(fresh_output_folder killed-by-signal)"
    (cd "$work" && ulimit -c unlimited && exec "${CLEAN_ENV[@]}" "$BIN/victim" </dev/null >/dev/null 2>&1) &
    pid=$!
    wait_for_file "$work/ready"
    # exec makes the shell's PID the PID of kill(1), so $$ is the sender the core records.
    bash -c 'echo $$ > "$1"; exec /bin/kill -SEGV "$2"' killer "$work/killer-pid.txt" "$pid"
    killer="$(cat "$work/killer-pid.txt")"
    set +e
    wait "$pid"
    status=$?
    set -e
    cp "$work/killer-pid.txt" "$out/"
    finish_crash killed-by-signal victim "$work" "$out" "$status" \
        "cd $work && (ulimit -c unlimited; env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C $BIN/victim) & then /bin/kill -SEGV $pid from PID $killer"
}

# --- systemd-coredump: a core stored by systemd-coredump itself ----------------------------------

# systemd-coredump runs from its Debian package unpacked, not installed: installing it would point the machine's
# core_pattern at it (its postinst applies 50-coredump.conf). Its two halves run as systemd runs them. The first, run as
# the kernel runs it (the arguments of 50-coredump.conf's "%P %u %g %s %t 9223372036854775808 %h %d", the core on
# standard input), reads /proc/PID of the crashed process and hands it all over /run/systemd/coredump, where
# systemd-socket-activate stands in for systemd-coredump.socket (Accept=yes); the second, started per connection,
# compresses the core, names it core.COMM.UID.BOOTID.PID.TIME.zst in /var/lib/systemd/coredump and sets its
# user.coredump.* attributes. The crashed process must still exist while the first half reads /proc: gdb holds
# crash_null (run as nobody) stopped at its SIGSEGV, writes its core with gcore and runs the first half.
SYSTEMD_COREDUMP_SOCKET=/run/systemd/coredump
SYSTEMD_COREDUMP_STORAGE=/var/lib/systemd/coredump

make_systemd_coredump() {
    local work out package activator pid stored
    work="$(fresh_work_folder systemd-coredump)"
    out="$(fresh_output_folder systemd-coredump)"
    if [ -e "$SYSTEMD_COREDUMP_SOCKET" ]; then
        log "systemd-coredump: $SYSTEMD_COREDUMP_SOCKET exists (systemd-coredump is set up on this machine); not made"
        return 1
    fi
    package="$work/package"
    mkdir -p "$package" "$SYSTEMD_COREDUMP_STORAGE"
    # The version of the installed systemd, whose libsystemd-shared the binary links against.
    (cd "$work" && apt-get download -q "systemd-coredump=$(dpkg-query -W -f='${Version}' systemd)" >&2)
    dpkg-deb -x "$work"/systemd-coredump_*.deb "$package"
    systemd-socket-activate --seqpacket --accept --listen="$SYSTEMD_COREDUMP_SOCKET" \
        "$package/lib/systemd/systemd-coredump" 2>"$work/activator.log" &
    activator=$!
    wait_for_file "$SYSTEMD_COREDUMP_SOCKET"
    # crash_null runs as nobody and writes crash-info.txt and maps.self in its folder.
    chmod 777 "$work"
    printf '%s\n' 'pid=$(cat pid); time=$(date +%s); echo "$pid $time" >arguments' \
        "exec $package/lib/systemd/systemd-coredump \"\$pid\" 65534 65534 11 \"\$time\" 9223372036854775808 \"\$(uname -n)\" 1 <gcore.core" \
        >"$work/kernel-half.sh"
    # The wrapper, not the program's arguments, so the core's command line is crash_null's own.
    (cd "$work" && gdb -batch -nx -ex "set exec-wrapper setpriv --reuid=65534 --regid=65534 --clear-groups ${CLEAN_ENV[*]}" \
        -ex run -ex 'gcore gcore.core' -ex "python open('pid', 'w').write(str(gdb.selected_inferior().pid))" \
        -ex 'shell bash kernel-half.sh' -ex kill "$BIN/crash_null" </dev/null >"$work/gdb.log" 2>&1)
    pid="$(cat "$work/pid")"
    # The second half stores the file after the first has handed over; then stop listening.
    stored=""
    for _ in $(seq 100); do
        stored="$(find "$SYSTEMD_COREDUMP_STORAGE" -maxdepth 1 -name "core.crash_null.65534.*.$pid.*.zst" | head -1)"
        [ -z "$stored" ] || break
        sleep 0.1
    done
    sleep 1
    stop_process "$activator"
    rm -f "$SYSTEMD_COREDUMP_SOCKET"
    if [ -z "$stored" ]; then
        log "systemd-coredump: nothing stored for pid $pid"
        cat "$work/gdb.log" "$work/activator.log" >&2
        return 1
    fi
    cp "$stored" "$out/"
    {
        echo "launch: cd $work && gdb -batch -nx -ex 'set exec-wrapper setpriv --reuid=65534 --regid=65534 --clear-groups env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C' -ex run -ex 'gcore gcore.core' -ex 'shell bash kernel-half.sh' -ex kill $BIN/crash_null"
        echo "package: $(basename "$work"/systemd-coredump_*.deb)"
        echo "kernel half: systemd-coredump $(cut -d' ' -f1 "$work/arguments") 65534 65534 11 $(cut -d' ' -f2 "$work/arguments") 9223372036854775808 HOSTNAME 1 <gcore.core"
        echo "core: $(stat -c '%s' "$work/gcore.core") bytes, sha256 $(sha256sum "$work/gcore.core" | cut -d' ' -f1)"
        echo "stored: $(basename "$stored"), $(stat -c '%s' "$stored") bytes"
        # Every attribute but the host name, as systemd-coredump set them.
        python3 -c 'import os, sys
for name in sorted(os.listxattr(sys.argv[1])):
    if name.startswith("user.coredump.") and name != "user.coredump.hostname":
        print("xattr " + name + "=" + os.getxattr(sys.argv[1], name).decode())' "$stored"
    } >"$out/commands.log"
    cp "$work/crash-info.txt" "$work/maps.self" "$out/"
    rm -f "$stored"
}

# --- dotnet-overflow: a .NET stack overflow, core written by the runtime's createdump ----------

# The runtime's stack-overflow handler prints the repeated frames and aborts; with DbgEnableMiniDump it first runs
# createdump, which writes the core ("minidump with heap", type 2: the method names need the loader heaps). The kernel
# writes no core of its own for it: the variables ask for createdump's, and ulimit -c stays 0.
make_dotnet_overflow() {
    local work out status
    work="$(fresh_work_folder dotnet-overflow)"
    out="$(fresh_output_folder dotnet-overflow)"
    dotnet build "$WORK/src/dotnet-overflow/DotnetOverflow.csproj" -c Release -o "$BIN/dotnet-overflow" -nologo -v quiet >&2
    local launch=(DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_DbgEnableMiniDump=1 DOTNET_DbgMiniDumpType=2
        "DOTNET_DbgMiniDumpName=$work/core" dotnet "$BIN/dotnet-overflow/DotnetOverflow.dll")
    set +e
    (cd "$work" && exec "${CLEAN_ENV[@]}" "${launch[@]}" </dev/null >"$work/program.stdout" 2>"$work/program.stderr")
    status=$?
    set -e
    {
        echo "launch: cd $work && env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C ${launch[*]}"
        echo "shell exit status=$status"
    } >"$out/commands.log"
    # The runtime folds the repeated frames itself ("Repeated N times:"), so its report stays a few lines.
    cp "$work/program.stdout" "$out/createdump.log"
    cp "$work/program.stderr" "$work/crash-info.txt" "$work/maps.self" "$out/"
    [ -e "$work/core" ] || { log "dotnet-overflow: createdump wrote no core"; return 1; }
    describe_core /usr/bin/dotnet "$work/core" "$out/core"
}

# --- backtrace: crashes kept with their binaries, gdb's backtraces as the oracle -------------

BACKTRACE_SETS=(lib-null:lib_null omit-fp-abort:omit_fp_abort cpp-throw:cpp_throw deep-recursion:deep_recursion
    double-free:double_free i386-null:i386_null)

# gdb sees only what the binaries hold: no separate debug files, no debuginfod, so its names are
# the ones the binaries' own symbol tables give (the oracle the unwinder's tests compare with).
GDB_BINARIES_ONLY=(-batch -nx -iex 'set debug-file-directory /nonexistent' -iex 'set debuginfod enabled off')

# Runs a crashing program in folder $1 with a clean environment and core dumps on, writes $2/commands.log;
# fails when no core was written.
crash_with_core() {
    local work="$1" out="$2" program="$3" status
    set +e
    (cd "$work" && ulimit -c unlimited && exec "${CLEAN_ENV[@]}" "$program" </dev/null >/dev/null 2>&1)
    status=$?
    set -e
    {
        echo "launch: cd $work && (ulimit -c unlimited; env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C $program)"
        echo "shell exit status=$status"
    } >"$out/commands.log"
    [ -e "$work/core" ] || { log "${out#"$CORPUS/"}: no core written (core_pattern or ulimit?)"; return 1; }
}

make_backtrace() {
    local name="$1" program="$2" work out
    work="$(fresh_work_folder "backtrace-$name")"
    out="$(fresh_output_folder "backtrace/$name")"
    crash_with_core "$work" "$out" "$BIN/$program" || return 1
    gdb "${GDB_BINARIES_ONLY[@]}" -ex 'info threads' -ex 'thread apply all bt' "$BIN/$program" "$work/core" \
        >"$out/core.gdb-bt.txt" 2>/dev/null || true
    # A deep recursion prints thousands of frames: kept compressed.
    if [ "$(stat -c '%s' "$out/core.gdb-bt.txt")" -gt 100000 ]; then
        xz -9 -T1 "$out/core.gdb-bt.txt"
    fi
    describe_core "$BIN/$program" "$work/core" "$out/core"
    # The modules the core maps, by the paths it names (NT_FILE), for binaries.tar.xz.
    sed -nE 's|^ +[0-9a-f]+-[0-9a-f]+ [0-9a-f]+ [0-9]+ +(/.*)$|\1|p' "$out/core.eu-readelf-n.txt" | sort -u >"$out/modules.txt"
}

# Every module the backtrace cores map, under the path the core names (so the archive, unpacked, is a
# sysroot for --symbols), with their build-ids in binaries.txt. The built binaries are then removed from
# the work folder: the reports of the corpus must not depend on what this machine still holds there.
pack_backtrace_binaries() {
    local out="$CORPUS/backtrace" list path
    list="$(mktemp)"
    cat "$out"/*/modules.txt | sort -u >"$list"
    : >"$out/binaries.txt"
    while read -r path; do
        echo "$path $(readelf -n "$path" | sed -n 's/^ *Build ID: //p') $(stat -L -c '%s' "$path")" >>"$out/binaries.txt"
    done <"$list"
    sed 's|^/||' "$list" | tar -C / --owner=0 --group=0 --numeric-owner --mtime=2020-01-01 --dereference \
        -cf - -T - | xz -9 -T1 >"$out/binaries.tar.xz"
    rm -f "$list"
    for program in "${BACKTRACE_SETS[@]}"; do
        rm -f "$BIN/${program#*:}"
    done
    rm -f "$BIN/libnull.so"
}

make_backtraces() {
    local entry
    for entry in "${BACKTRACE_SETS[@]}"; do
        log "making backtrace/${entry%%:*}"
        make_backtrace "${entry%%:*}" "${entry#*:}"
    done
    pack_backtrace_binaries
}

# --- symbol-files: a Fedora-style stripped binary, its MiniDebugInfo and its debug link ---------

# The steps of gdb's manual (MiniDebugInfo) as Fedora's find-debuginfo runs them, with -O1 -g: the full debug
# information moves to mini_debuginfo.debug, named by .gnu_debuglink (name and CRC-32) in the stripped binary, and
# the symbols of the functions not in .dynsym stay in the binary as an xz-compressed ELF in .gnu_debugdata. A second
# build at -O2 gives a debug file of the same name whose CRC (and build-id) differ: other-build/.
build_mini_debuginfo() {
    local source="$1" level="$2" target="$3" scratch
    scratch="$(mktemp -d)"
    gcc -g "$level" -Wall -Wextra -Werror -o "$target" "$source"
    nm -D "$target" --format=posix --defined-only | awk '{ print $1 }' | sort >"$scratch/dynsyms"
    nm "$target" --format=posix --defined-only | awk '{ if ($2 == "T" || $2 == "t" || $2 == "D") print $1 }' | sort >"$scratch/funcsyms"
    comm -13 "$scratch/dynsyms" "$scratch/funcsyms" >"$scratch/keep_symbols"
    objcopy --only-keep-debug "$target" "$target.debug"
    objcopy -S --remove-section .gdb_index --remove-section .comment --keep-symbols="$scratch/keep_symbols" \
        "$target.debug" "$scratch/mini_debuginfo"
    strip --strip-all -R .comment "$target"
    xz -9 -T1 "$scratch/mini_debuginfo"
    objcopy --add-section .gnu_debugdata="$scratch/mini_debuginfo.xz" "$target"
    (cd "$(dirname "$target")" && objcopy --add-gnu-debuglink="$(basename "$target").debug" "$(basename "$target")")
    rm -rf "$scratch"
}

make_symbol_files() {
    local work out program="$BIN/mini_debuginfo" alone
    work="$(fresh_work_folder symbol-files)"
    out="$(fresh_output_folder symbol-files)"
    build_mini_debuginfo "$WORK/src/symbol-files/mini_debuginfo.c" -O1 "$program"
    mkdir -p "$BIN/.debug" "$work/other-build"
    mv "$program.debug" "$BIN/.debug/"
    build_mini_debuginfo "$WORK/src/symbol-files/mini_debuginfo.c" -O2 "$work/other-build/mini_debuginfo"
    crash_with_core "$work" "$out" "$program" || return 1
    # gdb with the binary alone (its MiniDebugInfo), then beside its .debug/ folder (the debug link).
    alone="$work/alone"
    mkdir -p "$alone"
    cp "$program" "$alone/"
    gdb "${GDB_BINARIES_ONLY[@]}" -ex 'thread apply all bt' "$alone/mini_debuginfo" "$work/core" \
        >"$out/core.gdb-bt.txt" 2>/dev/null || true
    gdb "${GDB_BINARIES_ONLY[@]}" -ex 'thread apply all bt' "$program" "$work/core" \
        >"$out/core.gdb-bt-debuglink.txt" 2>/dev/null || true
    describe_core "$program" "$work/core" "$out/core"
    (cd "$work" && tar --owner=0 --group=0 --numeric-owner --mtime=2020-01-01 -cf - \
        -C / "${program#/}" "${BIN#/}/.debug/mini_debuginfo.debug" -C "$work" other-build/mini_debuginfo.debug) |
        xz -9 -T1 >"$out/binaries.tar.xz"
    rm -rf "$program" "$BIN/.debug"
}

# --- pairs and snapshots -----------------------------------------------------------------

make_aslr_pair() {
    local work out run
    work="$(fresh_work_folder aslr-pair)"
    out="$(fresh_output_folder aslr-pair)"
    for run in 1 2; do
        (cd "$work" && exec "${CLEAN_ENV[@]}" "$BIN/print_maps") >"$out/run-$run.maps"
    done
}

make_grow() {
    local work out pid moment
    work="$(fresh_work_folder grow)"
    out="$(fresh_output_folder grow)"
    start_in "$work" "$BIN/grow"
    pid=$STARTED_PID
    echo "pid=$pid" >"$out/commands.log"
    wait_for_file "$work/ready-before"
    cat "/proc/$pid/maps" >"$out/before.maps"
    cat "/proc/$pid/smaps" >"$out/before.smaps"
    touch "$work/go"
    wait_for_file "$work/ready-after"
    cat "/proc/$pid/maps" >"$out/after.maps"
    cat "/proc/$pid/smaps" >"$out/after.smaps"
    touch "$work/done"
    wait "$pid" || true
    cp "$work/grow-info.txt" "$out/"
    for moment in before after; do
        echo "$moment: cat /proc/$pid/maps > $moment.maps; cat /proc/$pid/smaps > $moment.smaps" >>"$out/commands.log"
    done
}

make_preload() {
    local work out
    work="$(fresh_work_folder preload)"
    out="$(fresh_output_folder preload)"
    (cd "$work" && exec env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C LD_PRELOAD="$PRELOAD_LIBRARY" \
        "$BIN/print_maps") >"$out/maps"
}

make_bench() {
    local work out pid
    work="$(fresh_work_folder bench)"
    out="$(fresh_output_folder bench)"
    start_in "$work" "$BIN/many_maps" 20000
    pid=$STARTED_PID
    wait_for_file "$work/ready"
    cat "/proc/$pid/maps" >"$work/many-maps.maps"
    cat "/proc/$pid/smaps" >"$work/many-maps.smaps"
    stop_process "$pid"
    for file in many-maps.maps many-maps.smaps; do
        stat -c '%s' "$work/$file" >"$out/$file.size.txt"
        xz -9 -T1 -c "$work/$file" >"$out/$file.xz"
    done
    echo "pid=$pid" >"$out/commands.log"
}

# --- jit-regions: many alike read-write-execute regions ------------------------------------

make_jit_regions() {
    local work out pid
    work="$(fresh_work_folder jit-regions)"
    out="$(fresh_output_folder jit-regions)"
    start_in "$work" "$BIN/jit_regions" 300
    pid=$STARTED_PID
    wait_for_file "$work/ready"
    {
        echo "launch: cd $work && env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C $BIN/jit_regions 300"
        echo "pid=$pid"
        echo "cat /proc/$pid/maps > maps"
        echo "pmap -x $pid > pmap-x.txt"
        echo "gdb -batch -p $pid -ex 'gcore $work/gcore.core' > gcore.log"
    } >"$out/commands.log"
    cat "/proc/$pid/maps" >"$out/maps"
    pmap -x "$pid" >"$out/pmap-x.txt"
    gdb -batch -p "$pid" -ex "gcore $work/gcore.core" >"$out/gcore.log" 2>/dev/null
    cp "$work/jit-info.txt" "$out/"
    stop_process "$pid"
    describe_core "$BIN/jit_regions" "$work/gcore.core" "$out/gcore.core"
    # Over 600 program headers: readelf's listing is kept compressed.
    xz -9 -T1 "$out/gcore.core.readelf.txt"
}

# --- long-paths: paths longer than pmap's line buffer ---------------------------------------

# Five folders of 200 characters: the two libraries' paths are over 1,000 characters, so a maps line (73 characters
# before the path) does not fit the 1024-byte buffer procps pmap reads it with, and pmap cuts the path inside the fifth
# folder, the same for both libraries.
make_long_paths() {
    local work out pid folder level name option file which
    work="$(fresh_work_folder long-paths)"
    out="$(fresh_output_folder long-paths)"
    folder="$work"
    for level in 1 2 3 4 5; do
        name="folder-$level-"
        while [ ${#name} -lt 200 ]; do name="${name}abcdefghij"; done
        folder="$folder/${name:0:200}"
    done
    mkdir -p "$folder"
    for which in 1 2; do
        (cd "$WORK/src" && gcc -O2 -Wall -Wextra -Werror -shared -fPIC -DWHICH=$which -o "$folder/liblong$which.so" long_paths_library.c)
    done
    start_in "$work" "$BIN/long_paths" "$folder/liblong1.so" "$folder/liblong2.so"
    pid=$STARTED_PID
    wait_for_file "$work/ready"
    {
        echo "launch: cd $work && env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C $BIN/long_paths FOLDER/liblong1.so FOLDER/liblong2.so"
        echo "FOLDER: five folders of 200 characters (folder-N-abcdefghijabcdefghij...) under $work"
        echo "pid=$pid"
        echo "cat /proc/$pid/maps > maps"
    } >"$out/commands.log"
    cat "/proc/$pid/maps" >"$out/maps"
    for option in "" -X -d -p; do
        file="pmap${option:+-${option#-}}.txt"
        pmap $option "$pid" >"$out/$file"
        echo "pmap${option:+ $option} $pid > $file" >>"$out/commands.log"
    done
    # -x prints only the rest of each cut line, at an address that is not the mapping's: rows are lost, so the input
    # cannot be read whole, and it lives with the inputs a batch must survive.
    mkdir -p "$BAD_INPUTS"
    pmap -x "$pid" >"$BAD_INPUTS/long-paths.pmap-x.txt"
    echo "pmap -x $pid > tests/bad-inputs/long-paths.pmap-x.txt" >>"$out/commands.log"
    cp "$work/long-paths-info.txt" "$out/"
    stop_process "$pid"
}

# --- a ticket with pasted captures -------------------------------------------------------

make_ticket() {
    local out live pid
    out="$(fresh_output_folder ticket)"
    live="$CORPUS/live"
    pid="$(sed -n 's/^pid=//p' "$live/live-info.txt")"
    {
        echo "# INC-4711: worker host shows RWX memory in the \`live\` service"
        echo
        echo "Reported by the on-call engineer. The process was still running; these outputs were"
        echo "collected on the host before it was restarted. Attaching them as pasted."
        echo
        echo "## 1. Memory map"
        echo
        echo "First the kernel's view of the process:"
        echo
        echo '```console'
        echo "root@worker-3:~# cat /proc/$pid/maps"
        cat "$live/maps"
        echo "root@worker-3:~#"
        echo '```'
        echo
        echo "Note the \`rwxp\` mapping without a name and the \`(deleted)\` file."
        echo
        echo "## 2. pmap"
        echo
        echo "    \$ pmap -x $pid"
        sed 's/^/    /' "$live/pmap-x.txt"
        echo
        echo "Totals look normal for this service."
        echo
        echo "## 3. gdb"
        echo
        echo '```'
        echo "(gdb) info proc mappings"
        sed -n '/^process /,$p' "$live/gdb-mappings.txt"
        echo '```'
        echo
        echo "Next steps: compare with a fresh instance after the restart."
    } >"$out/incident-ticket.md"
}

# --- bad inputs --------------------------------------------------------------------------

make_bad_inputs() {
    local out="$BAD_INPUTS" lines middle
    # long-paths.pmap-x.txt is a capture of its own, made by make_long_paths.
    mkdir -p "$out"
    find "$out" -mindepth 1 ! -name long-paths.pmap-x.txt -delete
    "$BIN/random_bytes" 4096 >"$out/random-4096.bin"
    : >"$out/empty.txt"
    # pmap -x cut in the middle of a region line, before its totals row.
    head -c "$(($(stat -c '%s' "$CORPUS/live/pmap-x.txt") / 2))" "$CORPUS/live/pmap-x.txt" >"$out/truncated.pmap-x.txt"
    # maps with its middle line replaced by garbage.
    lines="$(wc -l <"$CORPUS/live/maps")"
    middle=$((lines / 2))
    awk -v middle="$middle" 'NR == middle { print "7f00zz-7f01 rw-p 00000000 00:00 0 this line is corrupted"; next } { print }' \
        "$CORPUS/live/maps" >"$out/corrupted-line.maps"
    echo "$middle" >"$out/corrupted-line.maps.line.txt"
    local core="$WORK/bad-inputs.core"
    xz -dc "$CORPUS/crash-null/core.xz" >"$core"
    # crash-null's core cut after 64 KiB: headers and notes complete, segment data missing.
    head -c 65536 "$core" | xz -9 -T1 -c >"$out/truncated-64k.core.xz"
    xz -9 -T1 -c "$BIN/not_a_core" >"$out/not-a-core.elf.xz"
    # the same small core in the other compressions the importer must read.
    gzip -9 -n -c "$core" >"$CORPUS/crash-null/core.gz"
    zstd -19 -q -c "$core" >"$CORPUS/crash-null/core.zst"
    # lz4 as systemd-coredump's Compress=lz4 writes it; linked 64 KiB blocks with checksums exercise the whole frame format.
    lz4 -9 -BD -B4 -BX --content-size -q -c "$core" >"$CORPUS/crash-null/core.lz4"
    rm -f "$core"
}

# --- README ------------------------------------------------------------------------------

count_maps_lines() { grep -cE '^[0-9a-f]+-[0-9a-f]+ ' "$1"; }

# Region rows of any pmap layout: lines that start with an address.
count_pmap_rows() { grep -cE '^ *[0-9a-f]{8,16} ' "$1"; }

core_fact() {
    # $1 = core prefix (without .xz); prints "signal si_code address" from gdb.
    local gdb="$1.gdb.txt"
    local signo code addr sender
    signo="$(grep -m1 '^\$1 = ' "$gdb" | cut -d' ' -f3)"
    code="$(grep -m1 '^\$2 = ' "$gdb" | cut -d' ' -f3)"
    addr="$(grep -m1 '^\$3 = ' "$gdb" | cut -d' ' -f3)"
    sender="$(grep -m1 '^\$4 = ' "$gdb" | cut -d' ' -f3)"
    # si_addr means something only for a fault raised by the kernel (si_code > 0);
    # a signal sent with kill/tgkill carries the sender's PID in that place instead.
    if [ "${code:-0}" -gt 0 ] 2>/dev/null; then
        echo "signo ${signo:-?}, si_code ${code:-?}, si_addr ${addr:-?}"
    else
        echo "signo ${signo:-?}, si_code ${code:-?}, si_pid ${sender:-?}"
    fi
}

# LWPs in gdb's "info threads" order (the crashing thread first).
core_threads() {
    grep -E '^\*? +[0-9]+ +(Thread|LWP|process)' "$1.gdb.txt" | grep -oE '(LWP|process) [0-9]+' | cut -d' ' -f2 | paste -sd' ' -
}

core_row() {
    local prefix="$1" relative="$2"
    local raw xz loads prstatus files main_build
    raw="$(cat "$prefix.size.txt")"
    xz="$(stat -c '%s' "$prefix.xz")"
    loads="$(grep -c '^  LOAD' "$prefix.readelf.txt" || true)"
    prstatus="$(grep -c 'NT_PRSTATUS' "$prefix.readelf.txt" || true)"
files="$(grep -m1 -oE '^ +[0-9]+ files:' "$prefix.eu-readelf-n.txt" | grep -oE '[0-9]+' || echo 0)"
    main_build="$(head -1 "$prefix.eu-unstrip.txt" | awk '{ print $2 }')"
    echo "| \`$relative.xz\` | $raw | $xz | $(cat "$prefix.sha256.txt" | cut -c1-16)… | $loads | $prstatus | $files | $(core_threads "$prefix") | $(core_fact "$prefix") | \`$main_build\` |"
}

# The machine the captures were made on. "readme" alone keeps the table already written, since it makes no capture.
environment_section() {
    if [ "$1" = readme ] && grep -q '^## Environment' "$CORPUS/README.md"; then
        awk '/^## Environment/ { keep = 1 } keep && /^## / && !/^## Environment/ { exit } keep' "$CORPUS/README.md"
        return
    fi
    echo "## Environment"
    echo
    echo "| item | value |"
    echo "|---|---|"
    echo "| kernel | \`$(uname -srm)\` |"
    echo "| core_pattern / coredump_filter | \`$(cat /proc/sys/kernel/core_pattern)\` / \`$(cat /proc/self/coredump_filter)\` |"
    echo "| ASLR (randomize_va_space) | $(cat /proc/sys/kernel/randomize_va_space) |"
    echo "| page size | $(getconf PAGESIZE) |"
    echo "| tools | $(gdb --version | head -1); $(pmap --version); $(gcc --version | head -1); $(readelf --version | head -1); $(eu-unstrip --version | head -1) |"
    echo
}

write_readme() {
    local readme="$CORPUS/README.md"
    local environment
    environment="$(environment_section "$1")"
    {
        cat <<'EOF'
# Corpus — real captures

`public/` holds captures made by other projects and `sets/` captures of one process by every tool (both
described below, with their provenance); the other folders are made on this machine.
Everything else here (except `src/` and this script) is written by `make-corpus.sh`, which builds the
programs in `src/`, runs them from the neutral folder `/tmp/forensics-corpus/<set>/` with a clean
environment (`env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C`), captures them with the real
tools and rewrites this README from the files, so every number below is what the files hold.
Rerunning it makes new processes: PIDs, addresses and sizes change, and so do the tests' exact
values. Binaries are built into `/tmp/forensics-corpus/bin/` (`gcc -O0 -g -Wall -Wextra -Werror -pthread`),
so that path is the executable path in every capture.

Cores are kept only compressed (`xz -9`; `crash-null/core` also as `.gz`, `.zst` and `.lz4`). Decompress
with `xz -dk core.xz`. Beside each core: `*.readelf.txt` (`readelf -h -l -n -W CORE`),
`*.eu-unstrip.txt` (`eu-unstrip -n --core=CORE`), `*.gdb.txt`
(`gdb -batch -nx -ex 'info threads' -ex 'p $_siginfo.si_signo' -ex 'p $_siginfo.si_code' -ex 'p/x $_siginfo._sifields._sigfault.si_addr' -ex 'bt 6' EXE CORE`),
`*.size.txt` (raw size in bytes) and `*.sha256.txt` (SHA-256 of the raw core).

Maps text saved by a crashing program itself is `maps.self` (a copy of `/proc/self/maps` made with
`open`/`read`/`write` just before the crash, so it matches the core).

EOF
        echo "$environment"
        echo
        write_live_section
        write_crash_section
        write_dotnet_overflow_section
        write_systemd_coredump_section
        write_backtrace_section
        write_symbol_files_section
        write_pairs_section
        write_bench_section
        write_jit_regions_section
        write_long_paths_section
        write_ticket_section
        write_public_section
        write_bad_inputs_section
        write_symbol_data_section
    } >"$readme"
}

write_live_section() {
    local live="$CORPUS/live" pid
    [ -d "$live" ] || return 0
    pid="$(sed -n 's/^pid=//p' "$live/live-info.txt")"
    echo "## \`live/\` — one live process, every tool, one moment"
    echo
    echo "Program \`src/live.c\`: a brk heap chunk (1000 bytes) and an mmap'd malloc chunk (1 MiB), two named"
    echo "worker threads, an anonymous RWX mapping (2 pages), a shared mapping of a file that is then"
    echo "unlinked (\`live-deleted.dat (deleted)\`, 2 pages), a memfd mapping (\`/memfd:live-memfd (deleted)\`,"
    echo "3 pages) and shared anonymous memory (\`/dev/zero (deleted)\`, 2 pages). PID **$pid**;"
    echo "threads (TID comm): $(paste -sd';' "$live/threads.txt" | sed 's/;/; /g'). The commands ran back to back"
    echo "(log with times in \`commands.log\`); $(grep '^check:' "$live/commands.log" | sed 's/^check: //')."
    echo
    echo "Addresses the program printed (\`live-info.txt\`):"
    echo
    echo '```'
    cat "$live/live-info.txt"
    echo '```'
    echo
    echo "| file | exact command | facts |"
    echo "|---|---|---|"
    echo "| \`maps\` | \`cat /proc/$pid/maps\` | $(count_maps_lines "$live/maps") lines |"
    echo "| \`smaps\` | \`cat /proc/$pid/smaps\` | $(count_maps_lines "$live/smaps") regions; Rss sum $(awk '/^Rss:/ { s += $2 } END { print s }' "$live/smaps") kB; Pss sum $(awk '/^Pss:/ { s += $2 } END { print s }' "$live/smaps") kB |"
    echo "| \`smaps_rollup\` | \`cat /proc/$pid/smaps_rollup\` | $(grep -m1 '^Rss:' "$live/smaps_rollup" | tr -s ' ') |"
    echo "| \`status.txt\` | \`cat /proc/$pid/status\` | $(grep '^Threads:' "$live/status.txt" | tr -s '\t ' ' ') |"
    echo "| \`pmap.txt\` | \`pmap $pid\` | $(count_pmap_rows "$live/pmap.txt") region lines; footer \`$(tail -1 "$live/pmap.txt" | sed 's/^ *//')\` |"
    echo "| \`pmap-x.txt\` | \`pmap -x $pid\` | $(count_pmap_rows "$live/pmap-x.txt") region lines; totals \`$(tail -1 "$live/pmap-x.txt" | tr -s ' ')\` |"
    echo "| \`pmap-X.txt\` | \`pmap -X $pid\` | $(count_pmap_rows "$live/pmap-X.txt") region lines; last line \`$(tail -1 "$live/pmap-X.txt" | tr -s ' ')\` |"
    echo "| \`pmap-XX.txt\` | \`pmap -XX $pid\` | $(count_pmap_rows "$live/pmap-XX.txt") region lines |"
    echo "| \`pmap-d.txt\` | \`pmap -d $pid\` | $(count_pmap_rows "$live/pmap-d.txt") region lines; footer \`$(tail -1 "$live/pmap-d.txt" | tr -s ' ')\` |"
    echo "| \`pmap-q.txt\` | \`pmap -q $pid\` | $(count_pmap_rows "$live/pmap-q.txt") region lines of $(wc -l <"$live/pmap-q.txt") lines (no footer) |"
    echo "| \`pmap-p.txt\` | \`pmap -p $pid\` | $(count_pmap_rows "$live/pmap-p.txt") region lines, full paths; footer \`$(tail -1 "$live/pmap-p.txt" | sed 's/^ *//')\` |"
    echo "| \`gdb-mappings.txt\` | \`gdb -batch -p $pid -ex 'info proc mappings'\` (stdout as is; stderr in \`gdb-mappings.txt.stderr\` when any) | $(grep -cE '^ +0x[0-9a-f]+ +0x' "$live/gdb-mappings.txt") mapping rows |"
    echo "| \`gcore.core.xz\` | \`gdb -batch -p $pid -ex 'gcore /tmp/forensics-corpus/live/gcore.core'\`, then \`xz -9\` | see cores table |"
    echo
}

write_crash_section() {
    local name out pid
    echo "## Crashing programs"
    echo
    echo "Each was started as \`cd /tmp/forensics-corpus/SET && (ulimit -c unlimited; env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C /tmp/forensics-corpus/bin/PROGRAM)\`;"
    echo "the kernel wrote \`./core\`. \`crash-info.txt\` is what the program printed about itself, \`commands.log\` the exact launch and the shell's exit status."
    echo
    echo "| set | program | PID | exit status | what happens | maps.self lines |"
    echo "|---|---|---|---|---|---|"
    for name in crash-null crash-stack crash-abort crash-assert crash-thread killed-by-signal; do
        out="$CORPUS/$name"
        [ -d "$out" ] || continue
        pid="$(sed -n 's/^pid=//p' "$out/crash-info.txt")"
        echo "| \`$name/\` | \`$(program_of "$name")\` | $pid | $(sed -n 's/^shell exit status=//p' "$out/commands.log") | $(sed -n 's/^expected=//p' "$out/crash-info.txt")$(crash_extra "$name") | $(count_maps_lines "$out/maps.self") |"
    done
    echo
    echo "### Cores"
    echo
    echo "Columns: raw size and xz size in bytes, SHA-256 of the raw core (first 16 hex digits; full value in \`*.sha256.txt\`),"
    echo "PT_LOAD count and NT_PRSTATUS count (threads) from \`readelf\`, NT_FILE entries (from \`eu-readelf -n\`, kept in \`*.eu-readelf-n.txt\`), thread LWPs (gdb),"
    echo "siginfo (gdb), and the first module of \`eu-unstrip -n --core\` (start+size build-id)."
    echo
    echo "| core | raw bytes | xz bytes | sha256 | PT_LOAD | NT_PRSTATUS | NT_FILE entries | LWPs | siginfo | first eu-unstrip module |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    [ -e "$CORPUS/live/gcore.core.xz" ] && core_row "$CORPUS/live/gcore.core" live/gcore.core
    for name in crash-null crash-stack crash-abort crash-assert crash-thread killed-by-signal; do
        [ -e "$CORPUS/$name/core.xz" ] && core_row "$CORPUS/$name/core" "$name/core"
    done
    echo
    if [ -e "$CORPUS/crash-null/core.gz" ]; then
        echo "\`crash-null/core.gz\` ($(stat -c '%s' "$CORPUS/crash-null/core.gz") bytes, \`gzip -9 -n\`) and \`crash-null/core.zst\`"
        echo "($(stat -c '%s' "$CORPUS/crash-null/core.zst") bytes, \`zstd -19\`) and \`crash-null/core.lz4\` ($(stat -c '%s' "$CORPUS/crash-null/core.lz4") bytes,"
        echo "\`lz4 -9 -BD -B4 -BX --content-size\`) decompress to the same bytes as \`crash-null/core.xz\`."
        echo
    fi
}

write_systemd_coredump_section() {
    local out="$CORPUS/systemd-coredump" stored
    [ -d "$out" ] || return 0
    stored="$(sed -n 's/^stored: \([^,]*\),.*/\1/p' "$out/commands.log")"
    echo "## \`systemd-coredump/\` — a core as systemd-coredump stores it"
    echo
    echo "\`$stored\` was written by systemd-coredump itself ($(sed -n 's/^package: //p' "$out/commands.log"), unpacked, not installed,"
    echo "so the machine's core_pattern stays \`core\`): \`crash_null\` ran as nobody (65534) under gdb, which stopped it at its"
    echo "SIGSEGV, wrote its core with \`gcore\` and, while the process still existed, ran systemd-coredump's kernel half as the"
    echo "kernel runs it (50-coredump.conf's arguments, the core on standard input); its storing half, started by"
    echo "\`systemd-socket-activate --seqpacket --accept\` on \`/run/systemd/coredump\` as systemd-coredump.socket would start it,"
    echo "compressed it with zstd, named it \`core.COMM.UID.BOOTID.PID.TIME.zst\` and set its \`user.coredump.*\` attributes."
    echo "Git keeps no extended attributes: \`commands.log\` lists them (all but the host name) with the exact commands."
    echo
    echo "| item | value |"
    echo "|---|---|"
    echo "| PID, UID, signal | $(sed -n 's/^xattr user.coredump.pid=//p' "$out/commands.log"), $(sed -n 's/^xattr user.coredump.uid=//p' "$out/commands.log"), $(sed -n 's/^xattr user.coredump.signal=//p' "$out/commands.log") |"
    echo "| time (\`user.coredump.timestamp\`, µs) | $(sed -n 's/^xattr user.coredump.timestamp=//p' "$out/commands.log") |"
    echo "| boot id (the name's fourth part) | \`$(echo "$stored" | cut -d. -f4)\` |"
    echo "| raw core (gdb gcore) | $(sed -n 's/^core: //p' "$out/commands.log") |"
    echo "| stored file | $(stat -c '%s' "$out/$stored") bytes |"
    echo "| maps.self lines | $(count_maps_lines "$out/maps.self") |"
    echo
}

program_of() {
    case "$1" in
        crash-null) echo crash_null ;;
        crash-stack) echo crash_stack ;;
        crash-abort) echo crash_abort ;;
        crash-assert) echo crash_assert ;;
        crash-thread) echo crash_thread ;;
        killed-by-signal) echo victim ;;
    esac
}

crash_extra() {
    local out="$CORPUS/$1"
    case "$1" in
        crash-stack) echo "; the handler saw \`$(cat "$out/fault.self")\`" ;;
        crash-thread) echo "; $(grep -E '^(main_tid|waiter_tids|faulting_tid|read_only_page)=' "$out/crash-info.txt" | paste -sd';' | sed 's/;/; /g')" ;;
        killed-by-signal) echo "; killer (\`/bin/kill -SEGV\`) PID **$(cat "$out/killer-pid.txt")**" ;;
    esac
}

write_dotnet_overflow_section() {
    local dir="$CORPUS/dotnet-overflow"
    [ -d "$dir" ] || return 0
    echo "## \`dotnet-overflow/\` — a .NET stack overflow, core by createdump"
    echo
    echo "Program \`src/dotnet-overflow/\` (console app, net10.0, built \`-c Release\`) writes down its pid and runtime,"
    echo "copies its maps, then recurses without end in \`DotnetOverflow.Program.Descend\` on the main thread. The runtime's"
    echo "stack-overflow handler printed the frames (\`program.stderr\`) and aborted; with \`DOTNET_DbgEnableMiniDump=1\`"
    echo "\`DOTNET_DbgMiniDumpType=2\` (with heap, so that the method names are in the core) its \`createdump\` wrote the core"
    echo "first (\`createdump.log\`). \`commands.log\` has the exact launch. The core's facts files are made as for the cores above."
    echo
    echo "| item | value |"
    echo "|---|---|"
    echo "| PID (\`crash-info.txt\`) | $(grep -oE '^pid=[0-9]+' "$dir/crash-info.txt" | cut -d= -f2) |"
    echo "| runtime | $(grep -oE '^runtime=.*' "$dir/crash-info.txt" | cut -d= -f2) |"
    echo "| exit status | $(grep -oE '[0-9]+$' "$dir/commands.log") |"
    echo "| runtime's report | \`$(sed -n 1p "$dir/program.stderr")\` \`$(sed -n 2p "$dir/program.stderr")\` \`$(sed -n 4p "$dir/program.stderr" | sed 's/^ *//')\` |"
    echo "| createdump | \`$(grep -m1 'Crashing thread' "$dir/createdump.log")\` |"
    echo "| maps.self lines | $(count_maps_lines "$dir/maps.self") |"
    echo
    echo "| core | raw bytes | xz bytes | sha256 | PT_LOAD | NT_PRSTATUS | NT_FILE entries | LWPs | siginfo | first eu-unstrip module |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    core_row "$dir/core" dotnet-overflow/core
    echo
}

write_backtrace_section() {
    local root="$CORPUS/backtrace" entry name out frames
    [ -d "$root" ] || return 0
    echo "## \`backtrace/\` — crashes kept with every binary they map"
    echo
    echo "Programs in \`src/backtrace/\`, built by \`build_backtrace_programs\` (flags per program below) and run like the"
    echo "crashing programs above. Beside each core, \`core.gdb-bt.txt\` (\`.xz\` when large) is"
    echo "\`gdb -batch -nx -iex 'set debug-file-directory /nonexistent' -iex 'set debuginfod enabled off' -ex 'info threads' -ex 'thread apply all bt' EXE CORE\`:"
    echo "gdb with only what the binaries hold, the oracle of the unwinding tests. \`binaries.tar.xz\` holds every module"
    echo "the cores map (their own programs and the system libraries, \`modules.txt\` per core) under the path the core"
    echo "names, so unpacked it is a sysroot; \`binaries.txt\` lists path, build-id and size. The system libraries are"
    echo "Debian's (glibc: LGPL-2.1-or-later; libstdc++ and libgcc_s: GPL-3.0 with the GCC Runtime Library Exception)."
    echo
    echo "| set | program | build | exit status | frames (gdb) |"
    echo "|---|---|---|---|---|"
    for entry in "${BACKTRACE_SETS[@]}"; do
        name="${entry%%:*}"
        out="$root/$name"
        [ -d "$out" ] || continue
        if [ -e "$out/core.gdb-bt.txt.xz" ]; then
            frames="$(xz -dc "$out/core.gdb-bt.txt.xz" | sed -n '/^Thread /,$p' | grep -c '^#')"
        else
            frames="$(sed -n '/^Thread /,$p' "$out/core.gdb-bt.txt" | grep -c '^#')"
        fi
        echo "| \`backtrace/$name/\` | \`${entry#*:}\` | $(backtrace_build "$name") | $(sed -n 's/^shell exit status=//p' "$out/commands.log") | $frames frames over all threads |"
    done
    echo
}

write_symbol_files_section() {
    local out="$CORPUS/symbol-files"
    [ -d "$out" ] || return 0
    echo "## \`symbol-files/\` — a stripped binary with MiniDebugInfo and a debug link"
    echo
    echo "\`src/symbol-files/mini_debuginfo.c\` (\`main\` → \`parse_record\` → \`store_field\`, a null write) built \`-O1 -g\`,"
    echo "then split the way Fedora's find-debuginfo does it (gdb's manual, MiniDebugInfo; \`build_mini_debuginfo\` in"
    echo "\`make-corpus.sh\`): \`objcopy --only-keep-debug\`, \`nm\` for the functions not in \`.dynsym\`,"
    echo "\`objcopy -S --keep-symbols\`, \`strip --strip-all\`, \`xz\`, \`objcopy --add-section .gnu_debugdata=…\` and"
    echo "\`objcopy --add-gnu-debuglink\`. \`binaries.tar.xz\` holds the stripped binary at the path the core names, its debug"
    echo "file in \`.debug/\` beside it, and \`other-build/mini_debuginfo.debug\`, the debug file of an \`-O2\` build (same"
    echo "name, another CRC-32 and build-id). \`core.gdb-bt.txt\` is gdb (options as for \`backtrace/\`) given a copy of the"
    echo "binary alone (names from \`.gnu_debugdata\`), \`core.gdb-bt-debuglink.txt\` gdb given the binary beside its"
    echo "\`.debug/\` folder (names and lines from the debug link). Exit status $(sed -n 's/^shell exit status=//p' "$out/commands.log")."
    echo
}

backtrace_build() {
    case "$1" in
        lib-null) echo "\`-O0 -g\`, calls \`libnull.so\` (\`-shared -fPIC\`)" ;;
        omit-fp-abort) echo "\`-O2 -g -fomit-frame-pointer\`" ;;
        cpp-throw) echo "\`g++ -O0 -g\`" ;;
        deep-recursion) echo "\`-O0 -g\`" ;;
        double-free) echo "\`-O0 -g -pthread\`" ;;
        i386-null) echo "\`-O0 -g -m32\`" ;;
    esac
}

write_pairs_section() {
    echo "## Pairs and snapshots"
    echo
    echo "| file | what | exact command | facts |"
    echo "|---|---|---|---|"
    local run file moment
    for run in 1 2; do
        file="$CORPUS/aslr-pair/run-$run.maps"
        [ -e "$file" ] || continue
        echo "| \`aslr-pair/run-$run.maps\` | run $run of the same binary, ASLR on | \`cd /tmp/forensics-corpus/aslr-pair && env -i ... /tmp/forensics-corpus/bin/print_maps\` | $(count_maps_lines "$file") lines; executable at \`$(head -1 "$file" | cut -d- -f1)\`; heap \`$(grep -m1 '\[heap\]' "$file" | cut -d' ' -f1)\` |"
    done
    if [ -d "$CORPUS/grow" ]; then
        local pid
        pid="$(sed -n 's/^pid=//p' "$CORPUS/grow/grow-info.txt")"
        for moment in before after; do
            echo "| \`grow/$moment.maps\`, \`grow/$moment.smaps\` | PID $pid $moment it mallocs and touches 64 MiB (\`$(sed -n 's/^block=//p' "$CORPUS/grow/grow-info.txt")\`) | \`cat /proc/$pid/maps\`, \`cat /proc/$pid/smaps\` | $(count_maps_lines "$CORPUS/grow/$moment.maps") lines; Rss sum $(awk '/^Rss:/ { s += $2 } END { print s }' "$CORPUS/grow/$moment.smaps") kB |"
        done
    fi
    if [ -e "$CORPUS/preload/maps" ]; then
        echo "| \`preload/maps\` | \`print_maps\` with a small library preloaded | \`env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C LD_PRELOAD=$PRELOAD_LIBRARY /tmp/forensics-corpus/bin/print_maps\` | $(count_maps_lines "$CORPUS/preload/maps") lines, $(grep -c "$PRELOAD_LIBRARY" "$CORPUS/preload/maps") of them \`$PRELOAD_LIBRARY\` |"
    fi
    echo
}

write_bench_section() {
    local bench="$CORPUS/bench" file
    [ -d "$bench" ] || return 0
    echo "## \`bench/\` — a process with 20,000 extra mappings"
    echo
    echo "\`src/many_maps.c 20000\` maps 20,000 one-page anonymous mappings with alternating \`rw-\`/\`r--\`"
    echo "protection inside a \`PROT_NONE\` reservation (so neighbours cannot merge) and touches the writable ones."
    echo "The benchmarks (\`tests/Forensics.Benchmarks\`) decompress these into memory once at setup and check"
    echo "that each parses into every region; their MB/s column divides the sizes below by the mean."
    echo "Run them with \`dotnet run -c Release --project tests/Forensics.Benchmarks -- --filter '*'\`"
    echo "(add \`--inProcess\` on a busy machine, \`--job short\` for a quick look). The core benchmark writes two files"
    echo "into a temporary folder at setup: \`crash-null/core\` decompressed, and a copy with one more PT_LOAD of"
    echo "64 GiB at \`0x100000000000\` whose bytes are a hole in a sparse file (\`SparseCoreWriter\`), so it costs no disk."
    echo
    echo "| file | exact command | raw bytes | xz bytes | regions |"
    echo "|---|---|---|---|---|"
    for file in many-maps.maps many-maps.smaps; do
        echo "| \`bench/$file.xz\` | \`cat /proc/$(sed -n 's/^pid=//p' "$bench/commands.log")/${file#many-maps.}\` | $(cat "$bench/$file.size.txt") | $(stat -c '%s' "$bench/$file.xz") | $(xz -dc "$bench/$file.xz" | grep -cE '^[0-9a-f]+-[0-9a-f]+ ') |"
    done
    echo
}

write_jit_regions_section() {
    local dir="$CORPUS/jit-regions" pid
    [ -d "$dir" ] || return 0
    pid="$(sed -n 's/^pid=//p' "$dir/jit-info.txt")"
    echo "## \`jit-regions/\` — 300 alike read-write-execute regions"
    echo
    echo "\`src/jit_regions.c 300\` maps 300 one-page anonymous \`rwxp\` regions one page apart inside a \`PROT_NONE\`"
    echo "reservation (so none merge), writes \`mov eax, index; ret\` into each and calls it, as a JIT compiler would, then"
    echo "sleeps. PID $pid; first region \`$(sed -n 's/^first=//p' "$dir/jit-info.txt")\`, last \`$(sed -n 's/^last=//p' "$dir/jit-info.txt")\`"
    echo "(\`jit-info.txt\`); \`commands.log\` has the commands. The core's facts files are made as for the cores above"
    echo "(\`gcore.core.readelf.txt\` kept as \`.xz\`)."
    echo
    echo "| file | exact command | facts |"
    echo "|---|---|---|"
    echo "| \`maps\` | \`cat /proc/$pid/maps\` | $(count_maps_lines "$dir/maps") lines, $(grep -c ' rwxp ' "$dir/maps") of them \`rwxp\` |"
    echo "| \`pmap-x.txt\` | \`pmap -x $pid\` | $(count_pmap_rows "$dir/pmap-x.txt") region lines, $(grep -c ' rwx-- ' "$dir/pmap-x.txt") of them \`rwx--\` |"
    echo
    echo "| core | raw bytes | xz bytes | sha256 | PT_LOAD | NT_PRSTATUS | NT_FILE entries | LWPs | siginfo | first eu-unstrip module |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    xz -dc "$dir/gcore.core.readelf.txt.xz" >"$dir/gcore.core.readelf.txt"
    core_row "$dir/gcore.core" jit-regions/gcore.core
    rm -f "$dir/gcore.core.readelf.txt"
    echo
}

write_long_paths_section() {
    local dir="$CORPUS/long-paths" pid file
    [ -d "$dir" ] || return 0
    pid="$(sed -n 's/^pid=//p' "$dir/long-paths-info.txt")"
    echo "## \`long-paths/\` — paths procps pmap cuts"
    echo
    echo "\`src/long_paths.c\` loads two libraries, \`liblong1.so\` and \`liblong2.so\` (\`src/long_paths_library.c\` built"
    echo "\`-O2 -shared -fPIC\` with \`-DWHICH=1\` and \`2\`), from a folder five folders of 200 characters deep, so each path is over"
    echo "1,000 characters (\`long-paths-info.txt\`). procps-ng pmap reads \`/proc/PID/maps\` a line at a time into a 1024-byte"
    echo "buffer (\`mapbuf\` in its \`pmap.c\`): the path is cut after 950 characters, inside the fifth folder and the same for"
    echo "both libraries, and the rest of the line is read as another line, which pmap prints as a row of its own. \`-X\`"
    echo "reads the name into a 128-byte buffer and prints the basename of what fits: the start of the first folder's"
    echo "name. \`-x\` prints only the rest of each cut line, at an address that is not the mapping's, so its rows are lost:"
    echo "it is \`tests/bad-inputs/long-paths.pmap-x.txt\`. \`maps\` is the kernel's whole view. PID $pid; \`commands.log\` has the commands."
    echo
    echo "| file | rows naming the libraries or a cut folder |"
    echo "|---|---|"
    echo "| \`maps\` | $(grep -c 'liblong' "$dir/maps") of $(count_maps_lines "$dir/maps") lines, inodes $(grep 'liblong' "$dir/maps" | awk '{ print $5 }' | sort -u | paste -sd' ' -) |"
    for file in pmap.txt pmap-X.txt pmap-d.txt pmap-p.txt; do
        echo "| \`$file\` | $(grep -cE '^ *[0-9a-f]{8,16} .*(folder-|liblong)' "$dir/$file") of $(count_pmap_rows "$dir/$file") region lines |"
    done
    echo
}

write_ticket_section() {
    local ticket="$CORPUS/ticket/incident-ticket.md"
    [ -e "$ticket" ] || return 0
    echo "## \`ticket/incident-ticket.md\` — several captures in one document"
    echo
    local maps_prompt pmap_prompt gdb_prompt gdb_lines
    maps_prompt="$(grep -n '# cat /proc' "$ticket" | cut -d: -f1)"
    pmap_prompt="$(grep -n '\$ pmap -x' "$ticket" | cut -d: -f1)"
    gdb_prompt="$(grep -n '^(gdb) info proc' "$ticket" | cut -d: -f1)"
    gdb_lines="$(sed -n '/^process /,$p' "$CORPUS/live/gdb-mappings.txt" | wc -l)"
    echo "Written by the script from \`live/\`, 3 captures between prose, shell prompts and code-block markers:"
    echo
    echo "| capture | lines | regions | how it is pasted |"
    echo "|---|---|---|---|"
    echo "| \`live/maps\` | $((maps_prompt + 1))-$((maps_prompt + $(wc -l <"$CORPUS/live/maps"))) | $(count_maps_lines "$CORPUS/live/maps") | in a \`\`\`console fence after the prompt \`root@worker-3:~# cat /proc/PID/maps\` (line $maps_prompt) |"
    echo "| \`live/pmap-x.txt\` | $((pmap_prompt + 1))-$((pmap_prompt + $(wc -l <"$CORPUS/live/pmap-x.txt"))) | $(count_pmap_rows "$CORPUS/live/pmap-x.txt") | indented by four spaces after \`\$ pmap -x PID\` (line $pmap_prompt) |"
    echo "| \`live/gdb-mappings.txt\` from \`process PID\` on | $((gdb_prompt + 1))-$((gdb_prompt + gdb_lines)) | $(grep -cE '^ +0x[0-9a-f]+ +0x' "$CORPUS/live/gdb-mappings.txt") | in a plain fence after \`(gdb) info proc mappings\` (line $gdb_prompt) |"
    echo
}

# Captures this script does not make: other projects' test data (public/, see public/NOTICE) and the tool sets
# of sets/ (sets/MANIFEST.md). Static facts; the SHA-256 values are read from the files.
write_public_section() {
    echo "## \`public/\` — captures made by other projects"
    echo
    echo "Byte-for-byte copies of other projects' test data and of tool output people published; \`public/README.md\`"
    echo "gives every fact each source states, \`public/NOTICE\` the licences and notices."
    echo
    echo "| file | source repository | source path | commit | licence | sha256 | what the tests assert |"
    echo "|---|---|---|---|---|---|---|"
    local file rest
    while IFS='|' read -r file rest; do
        case "$file" in
            # A problem directory: named with its item count, hashed as the tool hashes a folder.
            '`'*) echo "| $file |$rest |" ;;
            *) echo "| \`$file\` |${rest/SHA/\`$(sha256sum "$CORPUS/public/$file" | cut -d" " -f1)\`} |" ;;
        esac
    done <<'EOF'
cores/lldb/elf-core/linux-i386.core| llvm-mirror/lldb | `…/postmortem/elf-core/linux-i386.core` | `dbf15c31` | Apache-2.0 WITH LLVM-exception | SHA | i386 kernel core, pid 32306, SIGSEGV code 1 at 0x0, NT_FILE `/home/labath/test/a.out`
cores/lldb/elf-core/linux-x86_64.core| llvm-mirror/lldb | `…/postmortem/elf-core/linux-x86_64.core` | `dbf15c31` | Apache-2.0 WITH LLVM-exception | SHA | x86_64 kernel core, pid 32259, SIGSEGV code 1 at 0x0, 5 PT_LOADs
cores/lldb/elf-core/gcore/linux-i386.core| llvm-mirror/lldb | `…/elf-core/gcore/linux-i386.core` | `7db69fcd` | Apache-2.0 WITH LLVM-exception | SHA | gdb gcore, pid 5586, 3 threads stopped by SIGSTOP (19) in NT_SIGINFO only, no NT_FILE
cores/lldb/elf-core/gcore/linux-x86_64.core| llvm-mirror/lldb | `…/elf-core/gcore/linux-x86_64.core` | `7db69fcd` | Apache-2.0 WITH LLVM-exception | SHA | gdb gcore, pid 5669, 3 threads, vDSO and vsyscall only
cores/lldb/elf-core/thread_crash/linux-i386.core| llvm-mirror/lldb | `…/elf-core/thread_crash/linux-i386.core` | `7db69fcd` | Apache-2.0 WITH LLVM-exception | SHA | pid 5193, crashing tid 5195, SIGILL from raise (si_code -6), 21 NT_FILE entries
cores/lldb/elf-core/thread_crash/linux-x86_64.core| llvm-mirror/lldb | `…/elf-core/thread_crash/linux-x86_64.core` | `7db69fcd` | Apache-2.0 WITH LLVM-exception | SHA | pid 5222, crashing tid 5250, SIGILL (si_code -6), 26 NT_FILE entries
cores/pystack/segfault.core| bloomberg/pystack | `tests/integration/corefiles/segfault.core` | `eafd948e` | Apache-2.0 | SHA | pid 75639, SIGSEGV code 1 at 0x75bcd15
apport/jammy_usr_bin_sleep.1000.crash| canonical/apport | `tests/data/jammy_usr_bin_sleep.1000.crash` | `f4338639` | GPL-2.0 | SHA | apport report of `sleep 86400` (Ubuntu 22.04, coreutils 8.32-4.1ubuntu1): pid 27790, `Signal: 11`, 24 ProcMaps rows, gzip core whose NT_SIGINFO is si_code 0 sent by pid 27791
apport/whoopsie_usr_bin_gedit.1000.crash| pexip/os-whoopsie-daisy (whoopsie 0.1.33 as Debian imported it) | `src/tests/data/_usr_bin_gedit.1000.crash` | `bfd755de` | GPL-3.0 | SHA | the report whoopsie's `test_parse_report` parses (Ubuntu 11.10, x86_64): pid 5378 `gedit`, `Signal: 11`, 16 ProcMaps rows, gzip core of a kernel without NT_SIGINFO or NT_FILE: rip 0x4004ca, rsp 0x7fff5bfed160, 16 PT_LOADs
minidumps/lldb/linux-x86_64.dmp| llvm-mirror/lldb | `…/postmortem/minidump-new/linux-x86_64.dmp` | `025e67fa` | Apache-2.0 WITH LLVM-exception | SHA | Breakpad, x86_64 Linux: pid 29917, 1 thread, SIGSEGV (null write), 10 module entries (the executable twice), 39 maps rows
minidumps/lldb/linux-x86_64_not_crashed.dmp| llvm-mirror/lldb | `…/postmortem/minidump-new/linux-x86_64_not_crashed.dmp` | `025e67fa` | Apache-2.0 WITH LLVM-exception | SHA | Breakpad DUMP_REQUESTED snapshot: pid 29939, 1 thread, no stop reason
minidumps/lldb/linux-i386.dmp| llvm-mirror/lldb | `unittests/Process/minidump/Inputs/linux-i386.dmp` | `c93acf25` | Apache-2.0 WITH LLVM-exception | SHA | Breakpad, x86 (i386) Linux, Ubuntu 14.04: pid 157700 `/tmp/test_32bit/linux-i386`, 1 thread with eip 0x80482a0, esp 0xff9dd52c, ebp 0xff9dd53c (lldb's unit test), SIGSEGV at 0x0, 10 module entries (the executable twice), 32 maps rows without a `[stack]` name
minidumps/rust-minidump/linux-mini.dmp| rust-minidump/rust-minidump | `testdata/linux-mini.dmp` | `e51c87d5` | MIT | SHA | x86_64 Linux: pid 1304, SIGSEGV at 0x45, thread 1304, 35 maps rows, 8 modules with build-ids (minidump-stackwalk snapshot)
minidumps/rust-minidump/simple-crashpad.dmp| rust-minidump/rust-minidump | `testdata/simple-crashpad.dmp` | `148946d8` | MIT | SHA | Crashpad, macOS x86_64: CrashpadInfo stream, pid 56685, 1 thread, 40 modules, no Linux streams
cores/elfutils/backtrace.x32.core.bz2| sourceware-org/elfutils | `tests/backtrace.x32.core.bz2` | `6de72761` | GPL-3.0-or-later | SHA | x32 core (compat NT_PRSTATUS of 296 bytes): threads 3843 (rip 0x40b2a2) and 3842, SIGABRT si_code -6 from pid 3842
cores/elfutils/testfile-x32-core.bz2| sourceware-org/elfutils | `tests/testfile-x32-core.bz2` | `5bbf039b` | GPL-3.0-or-later | SHA | x32 core, pid 6885, SIGSEGV code 1 at 0x12345678 (a wild pointer), 15 PT_LOADs
cores/elfutils/testfile62.bz2| sourceware-org/elfutils | `tests/testfile62.bz2` | `ae7c5e79` | GPL-3.0-or-later | SHA | kdump vmcore headers and notes (VMCOREINFO): unsupported, no verdict, no findings
cores/elfutils/backtrace.aarch64.core.bz2| sourceware-org/elfutils | `tests/backtrace.aarch64.core.bz2` | `66637fa2` | GPL-3.0-or-later | SHA | AArch64 core: architecture unknown, "not x86", unsupported
cores/elfutils/backtrace.x86_64.core.bz2| sourceware-org/elfutils | `tests/backtrace.x86_64.core.bz2` | `8ae9bc9d` | GPL-3.0-or-later | SHA | x86_64 core of `backtrace.x86_64.exec --gencore`, pid 23096: thread 23097 `raise` ← `sigusr2` ← `stdarg` ← `backtracegen` ← `start` ← `start_thread` ← `__clone`, thread 23096 `pthread_join` ← `main` ← `__libc_start_main` ← `_start` (with its executable from `backtrace-executables.tar`, every PC and name as eu-stack gives them)
cores/elfutils/backtrace-executables.tar| sourceware-org/elfutils | `tests/backtrace.{x86_64,i386}[.fp].exec.bz2` | `8ae9bc9d` (x86_64, i386), `a55df2c1` (x86_64.fp), `aecc2a70` (i386.fp) | GPL-3.0-or-later (glibc inside the executables: LGPL-2.1-or-later) | SHA | a tar (so a corpus run skips it, where a bare executable would fail as "not a core") of the four static executables of the cores above, byte-for-byte as elfutils stores them (bzip2; sha256 of each in `public/README.md`); build-ids `1ce01e9f…`, `726d1740…`, `edd80281…`, `ff414e8b…`
cores/elfutils/backtrace.i386.core.bz2| sourceware-org/elfutils | `tests/backtrace.i386.core.bz2` | `8ae9bc9d` | GPL-3.0-or-later | SHA | i386 core, pid 23100: the same frames from `__kernel_vsyscall` in the vDSO, ending at `_start`
cores/elfutils/backtrace.x86_64.fp.core.bz2| sourceware-org/elfutils | `tests/backtrace.x86_64.fp.core.bz2` | `a55df2c1` | GPL-3.0-or-later | SHA | x86_64 core of a program built `-fno-omit-frame-pointer -fno-asynchronous-unwind-tables`, pid 28871: its own frames walked by frame pointers
cores/elfutils/backtrace.i386.fp.core.bz2| sourceware-org/elfutils | `tests/backtrace.i386.fp.core.bz2` | `aecc2a70` | GPL-3.0-or-later | SHA | i386 core of the frame-pointer build, pid 12044, no NT_FILE
cores/lldb/netbsd-core/1lwp_SIGSEGV.amd64.core| llvm-mirror/lldb | `…/postmortem/netbsd-core/1lwp_SIGSEGV.amd64.core` | `fb7229a0` | Apache-2.0 WITH LLVM-exception | SHA | NetBSD/amd64 core (NetBSD-CORE notes), 21 PT_LOADs: unsupported, no verdict, no findings
text/prometheus-procfs_26231_smaps| prometheus/procfs | `testdata/fixtures.ttar` (proc/26231/smaps) | `95dd8b80` | Apache-2.0 | SHA | 12 mappings, Rss 29948 kB, Swap 1940 kB
text/prometheus-procfs_26231_smaps_rollup| prometheus/procfs | `testdata/fixtures.ttar` (proc/26231/smaps_rollup) | `95dd8b80` | Apache-2.0 | SHA | Rss 29948 kB, Pss 29944 kB
text/prometheus-procfs_26234_maps_i386| prometheus/procfs | `testdata/fixtures.ttar` (proc/26234/maps) | `95dd8b80` | Apache-2.0 | SHA | 4 rows of a 32-bit process (x86)
text/rust-minidump_linux-mini.dmp.proc_maps| rust-minidump/rust-minidump | `testdata/linux-mini.dmp`, stream 0x47670009 | `1859d9ab` | MIT | SHA | 35 rows; inode 8612374361 above 2^32
`abrt/upload-handling/` (27 items)| abrt/abrt | `tests/runtests/upload-handling/problem_dir/` | `e499f350` | GPL-2.0 | `3b68a8c5982860b7fa64b5793c0c5d9b92d741adc0738cb2e933cd6beecbd91b` (the folder, as the tool hashes it) | ABRT 2.0 CCpp problem directory of `sleep 3m` (Fedora 16): pid 22031, `reason` killed by signal 11, 19 maps rows merged with its 376832-byte `coredump` (no NT_SIGINFO), PC `0x34406bbcd0` = libc+0xbbcd0 as its text `core_backtrace` states
`abrt/bugzilla-bt-reattach/` (24 items)| abrt/abrt | `tests/runtests/bugzilla-bt-reattach/problem_dir/` | `e499f350` | GPL-2.0 | `2a53c65e6d3c7a9d4e976a9be7781a8dda617b502431b7c7503b79f016408f99` | CCpp problem directory of `urxvtd` without `pid` or `coredump`: 196 maps rows, `var_log_messages` kernel line `urxvtd[10303]: segfault at 56 ip 0000000000420240 sp 00007fff728dc680`
`abrt/libreport-sample_problem/` (38 items and `.libreport/owner`)| abrt/libreport | `src/plugins/python/fixtures/sample_problem/` | `4b1ea374` | GPL-2.0 | `3386eaa4a862e662ed65ef4b3858f80d408c374f5a25302b1a7bbc42c6e19c1a` | `abrt-journal-core` problem directory (Fedora 36): pid 7005, an empty `coredump`, 42 maps rows, satyr JSON `core_backtrace` (signal 11, frame 0 `read` in libc.so.6 at build-id offset 0x101b72)
text/MyBlackHole_coredumpctl_info_fs-cli.txt| MyBlackHole/MyBlackHole | `language/gdb/coredumpctl.md` (the `coredumpctl info 2345` block) | `08ecc0e3` | none stated | SHA | coredumpctl info (Size on Disk layout): pid 588797 `fs-cli`, signal 7 (BUS), one stack of 8 frames, x86-64
text/ilmanzo_coredumpctl_info_badprogram.txt| ilmanzo/ilmanzo.github.com | `content/post/debugging_segfault.md` (the `coredumpctl info badprogram` block) | not known | none stated | SHA | coredumpctl info: pid 4269 `badprogram`, signal 11 (SEGV), frame #0 at 0x401152
text/mrdrivingduck_zsh_pmap_default.txt| mrdrivingduck/notes | `Linux/pmap.md` lines 48-178 | `e51c87d5` | MIT | SHA | `pmap` of zsh: 129 rows, total 12308K
text/mrdrivingduck_zsh_pmap_x.txt| mrdrivingduck/notes | `Linux/pmap.md` lines 185-310 | `e51c87d5` | MIT | SHA | `pmap -x`: 122 rows, `total kB 9396 7792 3248`
text/Mulling_st-dyn_pmap_d.txt| Mulling/mulling.github.io | `content/guides/static-libs.md` lines 65-209 | `66a95941` | none stated | SHA | `pmap -d`: 142 rows, mapped 17940K, writeable/private 2380K, shared 1132K
text/angr-binaries_test_gdb_plugin_procmap.txt| angr/binaries | `tests_data/test_gdb_plugin/procmap` | `bedd3009` | none stated | SHA | old gdb layout, 17 rows, libc.so.6 at 0x7ffff7a17000
text/hiboma_el6_gdb_info_proc_mapping_x86_64.txt| hiboma/hiboma | `gdb.md` lines 208-230 (the `info proc mapping` block) | `b051071c` | none stated | SHA | gdb of RHEL/CentOS 6 printing an offset of 0 as plain `0` (11 of 16 rows): process 2061, 16 rows, none dropped
text/nikosChalk_virophage_gdb13_infoproc_x86_64.txt| nikosChalk/ctf-writeups | `uiuctf23/pwn/virophage/README.md` lines 191-202 | `2397567d` | none stated | SHA | gdb 13 layout, process 62, 8 rows
text/gdsc-ssu_CSocrates2_grep_maps_elided.txt| gdsc-ssu/CSocrates2 | `OS/Memory-Virtualization.md` (the `grep … /proc/11806/maps` block) | `b6e88d6a` | none stated | SHA | maps pasted with two `...` elisions: one capture of 7 regions, an elided-rows warning at lines 6 and 9, no error
text/hellogcc_100-gdb-tips_solaris_info_proc_mappings.txt| hellogcc/100-gdb-tips | `src/print-process-memory.md` lines 9-36 | `0ea48dda` | GFDL-1.3 | SHA | gdb on Solaris: 16 rows, inclusive End Addr, Flags, architecture unknown
text/nikosChalk_virophage_gdb13_infoproc_i386compat.txt| nikosChalk/ctf-writeups | `uiuctf23/pwn/virophage/README.md` lines 214-220 | `2397567d` | none stated | SHA | gdb 13, 32-bit inferior, 3 rows, rwx stack
apport/ubuntu-forums_apt-get_12.04_i386.crash| Ubuntu-Community-Team/Ubuntu-Forums-Archive | thread «apt-get has closed unexpectedly» (Installation & Upgrades), post by maclenin 2014-12-23, the code block | not known | none stated | SHA | retraced apport report of `apt-get check -f -qq` (Ubuntu 12.04, i386), pasted: pid 23582, `Signal: 11`, 40 ProcMaps rows, Registers eip 0xf98281 = libapt-pkg.so.4.12.0+0xd6281 as its StacktraceAddressSignature states; the CoreDump lines lost their indent and their middle (`[...TRUNCATED...]`)
apport/ubuntu-forums_Xorg_12.10_i386.crash| Ubuntu-Community-Team/Ubuntu-Forums-Archive | thread «System program problem detected error» (New to Ubuntu), post by jrs2 2014-01-14, the code block | not known | none stated | SHA | apport report of Xorg (Ubuntu 12.10, i386), pasted: pid 1021, `Signal: 6`, 100 ProcMaps rows; CoreDump cut after its first line (19 bytes: the gzip header alone)
minidumps/tast/abort.20180103.145440.12345.20827.dmp| chromiumos tast (GitHub mirror nya3jp/tast) | `src/go.chromium.org/tast/core/cmd/tast/internal/symbolize/breakpad/testdata/` | `074dc538` | BSD-3-Clause | SHA | Breakpad (Chrome OS crash_reporter), x86_64: pid 20827 `/usr/local/bin/abort`, SIGABRT, 1 thread, modules abort (build-id d48886a4… of `abort.debug`), libc-2.23.so, ld-2.23.so — the three tast's walker asks symbols for — and the vdso; 17 maps rows
minidumps/tast/chrome.20210406.155226.62533.9042.dmp| chromiumos tast (GitHub mirror nya3jp/tast) | same folder | `985ecee6` | BSD-3-Clause | SHA | Crashpad, Chrome 91.0.4466.0 on a Chrome OS VM (chrome:crash): pid 9042, 13 threads, SIGSEGV SEGV_MAPERR at 0x0, 45 modules, no Linux streams
minidumps/tast/chrome.20210706.000145.15087.8090.dmp| chromiumos tast (GitHub mirror nya3jp/tast) | same folder | `b2512a01` | BSD-3-Clause | SHA | Crashpad, Chrome 93.0.4563.0: pid 8090, 18 threads, 43 modules; annotations chromeos-board `betty`, chromeos-builder-path `betty-release/R93-14070.0.0` (tast's test)
minidumps/tast/chrome.20210929.052823.26188.4743.dmp| chromiumos tast (GitHub mirror nya3jp/tast) | same folder | `1bb821c5` | BSD-3-Clause | SHA | Crashpad, Lacros 95.0.4637.0: pid 4743, 28 threads, 44 modules, SIGSEGV si_code 0x80 (SI_KERNEL) at 0x0: a non-canonical address
EOF
    echo
    echo "The two Ubuntu Forums reports state no licence and are kept for what no licensed sample has: the archive's README"
    echo "states none and no licence file was found in its repository (its one statement: «The Ubuntu Forums Archive is a community led"
    echo "effort and is not maintained or affiliated with Canonical Ltd.»). They are the only i386 reports here, the only ones"
    echo "pasted as users paste them (the indent lost, the core cut), and apt-get's is the only one with apport-retrace's"
    echo "\`Registers\`. apport's and whoopsie's own test data (GPL) hold x86_64 reports with whole cores only, and Launchpad's"
    echo "bug attachments state no licence either."
    echo
    echo "## \`sets/\` — every tool on one process, at one moment"
    echo
    echo "Made on this project's development machine by \`sets/src/\` (\`launch.py\`, \`capture_live.sh\`, the C and .NET"
    echo "programs): for each process \`maps\`, \`smaps\`, \`smaps_rollup\`, \`pmap\` in five modes, gdb's mappings, a gdb"
    echo "gcore and, for crashes, the kernel core. \`sets/MANIFEST.md\` gives the exact commands and facts, \`sets/facts.json\`"
    echo "the same as data (the tests read their expected values from it). The large text captures of \`set-big\` are kept"
    echo "as \`.xz\`. Same licence as the project."
    echo
    echo "| set | command line | files |"
    echo "|---|---|---|"
    local set
    for set in "$CORPUS"/sets/set-*/ "$CORPUS"/sets/set-system/*/; do
        [ -f "$set/cmdline.txt" ] || continue
        set="${set%/}"
        echo "| \`${set#"$CORPUS/"}/\` | \`$(tr -d '\n' <"$set/cmdline.txt" | sed 's/ *$//')\` | $(find "$set" -maxdepth 1 -type f | wc -l) |"
    done
    echo
}

write_bad_inputs_section() {
    local bad="$BAD_INPUTS"
    [ -d "$bad" ] || return 0
    echo "## \`tests/bad-inputs/\` — inputs a batch must survive"
    echo
    echo "Made from the sets above, and kept outside \`corpus/\` so that the README's main command reads only real"
    echo "captures (it exits 1 only for the public cores it names \`unsupported\`); \`forensics analyze tests/bad-inputs\`"
    echo "shows every input status and exits 1 by design."
    echo
    echo "| file | what | how |"
    echo "|---|---|---|"
    echo "| \`random-4096.bin\` | 4096 pseudo-random bytes, the same on every machine (sha256 \`$(sha256sum "$bad/random-4096.bin" | cut -c1-16)…\`) | \`src/random_bytes.c 4096\` (xorshift64, fixed seed) |"
    echo "| \`empty.txt\` | an empty file | \`: > empty.txt\` |"
    echo "| \`truncated.pmap-x.txt\` | \`live/pmap-x.txt\` cut in the middle of a line, no totals row | \`head -c $(stat -c '%s' "$bad/truncated.pmap-x.txt")\` |"
    echo "| \`corrupted-line.maps\` | \`live/maps\` with line $(cat "$bad/corrupted-line.maps.line.txt") replaced by \`7f00zz-7f01 rw-p 00000000 00:00 0 this line is corrupted\` | awk |"
    echo "| \`truncated-64k.core.xz\` | \`crash-null/core\` cut after 65536 bytes (headers and notes whole, segment data missing) | \`xz -dc core.xz \\| head -c 65536 \\| xz -9\` |"
    echo "| \`long-paths.pmap-x.txt\` | \`pmap -x\` of the \`long-paths/\` process: procps pmap cut its ten long maps lines and printed only their rests, at \`0xef\` | \`make_long_paths\` |"
    echo "| \`not-a-core.elf.xz\` | a stripped executable (\`ET_DYN\`), not a core | \`gcc -O2 src/not_a_core.c && strip\`, then \`xz -9\` |"
    echo
}

# The symbol tests' data: made by their own scripts (demangle/make-table.sh, debuginfod/make-binaries.sh), not here.
write_symbol_data_section() {
    echo
    cat <<'EOF'
## `demangle/` and `debuginfod/` — symbol names and binaries for the symbol tests

Neither holds a capture: `forensics analyze corpus` lists their files as skipped (not a capture).

| file | what | made by |
|---|---|---|
| `demangle/oracle.tsv` | 6,988 rows `source⇥mangled⇥c++filt output`: the 5,866 `_Z` names of `nm -D /usr/lib/x86_64-linux-gnu/libstdc++.so.6` (Debian `libstdc++6` 12.2.0-14+deb12u1; GPL-3.0 with the GCC Runtime Library Exception — only symbol names are taken), 455 names of `names.cpp` (g++ 12.2.0 at `-O0` and `-O2`, with `.cold`, `.isra.0`, `.constprop.0` clones), 667 names of `names.rs` (rustc 1.95.0: 26 legacy `_ZN…17h…E` names of the program, v0 `_R` names of the program and of Rust's std, MIT/Apache-2.0 — names only); the third column is what `c++filt` (GNU Binutils 2.40-2) printed, the name itself when it could not demangle it | `demangle/make-table.sh` |
| `demangle/names.cpp`, `demangle/names.rs` | our sources of the program names: namespaces, templates, operators, lambdas, closures, trait impls, const generics | written for this table |
| `debuginfod/binaries.tar` | `lookup-O0` and `lookup-O2`: `debuginfod/lookup.c` built with `gcc -g` at `-O0` and `-O2`; build-ids `4ec137867162b6497e62c3914129aea36fcde3af` and `a27f7456d5020291f63fb615313f53dbe48afa7e` (`build-ids.txt`, from `readelf -n`); kept in a tar so that the analysis does not take them for broken cores | `debuginfod/make-binaries.sh` |
EOF
}

main() {
    local sets=("$@")
    [ ${#sets[@]} -gt 0 ] || sets=(live crash-null crash-stack crash-abort crash-assert crash-thread killed-by-signal dotnet-overflow systemd-coredump backtrace symbol-files aslr-pair grow preload bench jit-regions long-paths ticket bad-inputs)
    mkdir -p "$WORK"
    if [ "${sets[*]}" != readme ]; then
        # The binaries are not left where the cores name them, also when a step fails: a module's own path is looked
        # at when its frames are named (their build-ids are reproducible), and the reports of the corpus must not
        # depend on what this machine keeps in its temporary folder.
        trap 'rm -rf "${BIN:?}"' EXIT
        build_programs
    fi
    for set in "${sets[@]}"; do
        log "making $set"
        case "$set" in
            live) make_live ;;
            crash-null) run_crash crash-null crash_null ;;
            crash-stack) run_crash crash-stack crash_stack ;;
            crash-abort) run_crash crash-abort crash_abort ;;
            crash-assert) run_crash crash-assert crash_assert ;;
            crash-thread) run_crash crash-thread crash_thread ;;
            killed-by-signal) make_killed_by_signal ;;
            dotnet-overflow) make_dotnet_overflow ;;
            systemd-coredump) make_systemd_coredump ;;
            backtrace) make_backtraces ;;
            symbol-files) make_symbol_files ;;
            aslr-pair) make_aslr_pair ;;
            grow) make_grow ;;
            preload) make_preload ;;
            bench) make_bench ;;
            jit-regions) make_jit_regions ;;
            long-paths) make_long_paths ;;
            ticket) make_ticket ;;
            bad-inputs) make_bad_inputs ;;
            readme) ;;
            *) log "unknown set $set"; exit 2 ;;
        esac
    done
    write_readme "${sets[*]}"
    log "done: $CORPUS/README.md"
}

main "$@"
