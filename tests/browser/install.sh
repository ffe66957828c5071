#!/usr/bin/env bash
# Installs what the browser test (tests/cli/html.rs → tests/browser/view.test.js) needs:
# Debian's chromium and Node.js when missing, then the pinned playwright-core from
# package-lock.json. Idempotent: run it as often as you like (CI runs it from .ci/run).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# playwright-core only drives the browser: it must not download one of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
installed=node_modules/playwright-core/package.json
wanted=$(node -p "require('./package-lock.json').packages['node_modules/playwright-core'].version")
if [ ! -f "$installed" ] || [ "$(node -p "require('./$installed').version")" != "$wanted" ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
