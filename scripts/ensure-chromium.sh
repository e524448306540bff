#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium' once." >&2
  exit 1
fi
echo "Installing Chromium for the browser tests (once)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
