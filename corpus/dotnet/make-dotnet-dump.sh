#!/bin/sh
# Builds corpus/dotnet/src/DotnetCrash, runs it from a neutral folder with a clean environment and lets the
# runtime write a "minidump with heap" (createdump, DOTNET_DbgMiniDumpType=2) when its unhandled exception ends it.
# Keeps, beside this script: the core as .xz (only if it is under 2 MiB), the program's own notes of its addresses
# (dotnet-crash-info.txt), its maps copied just before the throw (maps.self) and what the runtime printed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=/tmp/forensics-dotnet
rm -rf "$work" && mkdir -p "$work/src" "$work/bin" "$work/run"

# A copy in the neutral folder: the build leaves nothing in the repository and the stack traces and the core
# name /tmp/forensics-dotnet/src, not where the repository happens to be.
cp "$here/src/DotnetCrash/DotnetCrash.csproj" "$here/src/DotnetCrash/Program.cs" "$work/src/"
dotnet build "$work/src/DotnetCrash.csproj" -c Release -o "$work/bin" -nologo -v quiet

cd "$work/run"
set +e
env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    DOTNET_DbgEnableMiniDump=1 DOTNET_DbgMiniDumpType=2 DOTNET_DbgMiniDumpName="$work/run/dotnet-crash.core" \
    dotnet "$work/bin/DotnetCrash.dll" > program.stdout 2> program.stderr
status=$?
set -e
echo "exit status $status (134 = SIGABRT after the unhandled exception)" > exit-status.txt

xz -9 -k -f dotnet-crash.core
size=$(stat -c %s dotnet-crash.core.xz)
stat -c %s dotnet-crash.core > dotnet-crash.core.size.txt
sha256sum dotnet-crash.core | cut -d' ' -f1 > dotnet-crash.core.sha256.txt
if [ "$size" -ge 2097152 ]; then
    echo "dotnet-crash.core.xz is $size bytes, over 2 MiB: not kept" >&2
    exit 1
fi
for f in dotnet-crash.core.xz dotnet-crash.core.size.txt dotnet-crash.core.sha256.txt dotnet-crash-info.txt maps.self \
         program.stderr exit-status.txt; do
    cp "$f" "$here/$f"
done
echo "kept $here/dotnet-crash.core.xz ($size bytes)"
