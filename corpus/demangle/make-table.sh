#!/usr/bin/env bash
# Builds oracle.tsv, the demangler's test table: every mangled name from libstdc++'s dynamic symbols, from
# names.cpp built with g++ at -O0 and -O2, and from names.rs built with rustc (default mangling: legacy for the
# program, v0 for std; and -C symbol-mangling-version=v0), each with what c++filt prints for it.
# Columns: source, mangled name, c++filt output (equal to the name when c++filt cannot demangle it).
# Usage: corpus/demangle/make-table.sh   (needs g++, rustc, nm and c++filt; writes next to itself)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

g++ -O0 -g -o "$work/names-O0" "$here/names.cpp"
g++ -O2 -g -o "$work/names-O2" "$here/names.cpp"
rustc -O -o "$work/names-rust" "$here/names.rs"
rustc -O -C symbol-mangling-version=v0 -o "$work/names-rust-v0" "$here/names.rs"

mangled() { nm "$@" | awk '{print $NF}' | sed 's/@.*//' | grep -E '^(_Z|_R)' | LC_ALL=C sort -u; }
{
    mangled -D /usr/lib/x86_64-linux-gnu/libstdc++.so.6 | sed 's/^/libstdc++.so.6\t/'
    LC_ALL=C sort -u <(mangled "$work/names-O0") <(mangled "$work/names-O2") | sed 's/^/names.cpp\t/'
    LC_ALL=C sort -u <(mangled "$work/names-rust") <(mangled "$work/names-rust-v0") | sed 's/^/names.rs\t/'
} > "$work/names.tsv"
cut -f2 "$work/names.tsv" | xargs -d '\n' c++filt > "$work/demangled.txt"
paste "$work/names.tsv" "$work/demangled.txt" > "$here/oracle.tsv"
echo "$(wc -l < "$here/oracle.tsv") rows in oracle.tsv"
