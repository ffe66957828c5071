#!/usr/bin/env bash
# The scale benchmark (issue 8), from a fresh clone: builds kg and the generator in
# release, makes the peers' venv (bench/.venv, pinned by bench/requirements.txt), then
# runs bench/run.py at 10k, 100k and 1M facts and writes bench/results.md.
# Usage: bash bench/run.sh [--with-10m] [--sizes 10k,100k] [--runs 5] [--big-runs 3]
# Data goes to $KG_BENCH_DATA (default target/bench-data; 1M facts is 320 MB, 10M 3.2 GB).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"

cargo build --release --quiet --bin kg --example kg_gen

venv="$root/bench/.venv"
want="$(sha256sum bench/requirements.txt | cut -d' ' -f1)"
stamp="$venv/.kg-requirements.sha256"
if [[ ! -x "$venv/bin/python" || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "run.sh: installing $venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
    echo "$want" > "$stamp"
fi

exec "$venv/bin/python" bench/run.py --kg "$target/release/kg" \
    --gen "$target/release/examples/kg_gen" --command "bash bench/run.sh $*" "$@"
