#!/usr/bin/env bash
# Build the apps' light browser front end (widgets/frontend -> the `apex` Voila template's static/).
# Needs Node.js >= 18 and npm: when they are missing, Debian's packages through apt when we are
# root (CI, the dev machines); otherwise it says so and `apex-nb app` serves Voila's JupyterLab
# front end instead. Re-runs only when the sources or the lock file changed. Quiet when all is well.
set -euo pipefail
cd "$(dirname "$0")/.."
FRONTEND=widgets/frontend
OUT=widgets/templates/voila/templates/apex/static
STAMP="$OUT/.built-from"

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
    [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 18 ]
}

if ! node_ok; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "build_frontend: installing Debian packages: nodejs npm"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq nodejs npm >/dev/null
  fi
fi
if ! node_ok; then
  echo "build_frontend: Node.js >= 18 and npm are needed to build the app front end; without it" \
    "apex-nb app serves Voila's JupyterLab front end (slower first page)" >&2
  exit 0
fi

sources="$(cat "$FRONTEND/package.json" "$FRONTEND/package-lock.json" "$FRONTEND"/src/* | sha256sum | cut -d' ' -f1)"
if [ -f "$OUT/apex-app.js" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$sources" ]; then
  exit 0
fi
# --ignore-scripts: no dependency needs an install script (esbuild finds its binary package itself).
(cd "$FRONTEND" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null && npm run --silent build)
echo "$sources" > "$STAMP"
