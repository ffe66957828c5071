#!/usr/bin/env bash
# Installs the programs the export consumer tests run (src/export/*.rs, see
# src/export/consumer.rs):
#   - .venv-consumers: a Python venv with tests/consumers/requirements.txt (networkx,
#     rdflib, pandas, kuzu), pinned;
#   - tests/consumers/mermaid/node_modules: mermaid and jsdom from package-lock.json.
# Idempotent: each part is skipped when what it installed still matches its pin file
# (a stamp holds the pin file's checksum). Needs python3 (3.11 or later) with venv,
# node and npm; installs node and npm from Debian when they are missing.
# Usage: bash tests/consumers/install.sh   (from anywhere)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
consumers="$root/tests/consumers"
venv="$root/.venv-consumers"

checksum() { sha256sum "$1" | cut -d' ' -f1; }

# Python: venv + pinned packages.
want="$(checksum "$consumers/requirements.txt")"
stamp="$venv/.kg-requirements.sha256"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "install.sh: $venv is up to date"
else
    echo "install.sh: installing $venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        -r "$consumers/requirements.txt"
    echo "$want" > "$stamp"
fi

# Node: mermaid + jsdom, exactly as package-lock.json says.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "install.sh: node/npm missing, installing Debian's nodejs and npm"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
mermaid="$consumers/mermaid"
want="$(checksum "$mermaid/package-lock.json")"
stamp="$mermaid/node_modules/.kg-package-lock.sha256"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "install.sh: $mermaid/node_modules is up to date"
else
    echo "install.sh: installing $mermaid/node_modules"
    (cd "$mermaid" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
fi

# Smoke checks: each consumer starts.
"$venv/bin/python" -c "import networkx, rdflib, pandas, kuzu"
printf 'flowchart LR\n  n0["ok"]\n' > "$mermaid/.smoke.mmd"
node "$mermaid/parse.mjs" "$mermaid/.smoke.mmd" >/dev/null
rm -f "$mermaid/.smoke.mmd"
echo "install.sh: consumers ready"
