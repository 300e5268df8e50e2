#!/usr/bin/env bash
# Make sure the browser tests have a Chromium and the PDF tests have pdftoppm (poppler-utils).
# Debian's packages through apt when we are root (CI, the dev machines); otherwise Playwright's
# own Chromium (`playwright install chromium`), and say which was used. Idempotent and quiet.
set -euo pipefail
PY="${1:-.venv/bin/python}"
need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure_browser: installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
  exit 0
fi
if [[ " ${need_apt[*]} " == *" chromium "* ]]; then
  echo "ensure_browser: not root or no apt: installing Playwright's Chromium instead"
  "$PY" -m playwright install chromium
fi
if [[ " ${need_apt[*]} " == *" poppler-utils "* ]]; then
  echo "ensure_browser: pdftoppm is missing and cannot be installed without root: PDF page tests will skip" >&2
fi
