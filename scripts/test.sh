#!/usr/bin/env bash
# The whole test suite: type checks, lint, the client build, then every vitest project.
# MySQL runs of the suites (and the edge suite) need MYSQL_URL; when it is not set and a MariaDB
# or MySQL answers on 127.0.0.1:3306 as root without a password (as on this project's machines),
# that one is used.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
if [ -z "${MYSQL_URL:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; then
  export MYSQL_URL="mysql://root@127.0.0.1:3306/test"
fi
if [ -n "${MYSQL_URL:-}" ]; then echo "MySQL suites run against ${MYSQL_URL}"; else echo "MYSQL_URL is not set: the MySQL and edge suites are skipped."; fi
export WRANGLER_SEND_METRICS=false
# The suite runs on the repository's demo Register and fixtures; the tests that need the whole real
# Register run when it is beside the repository (as in CI) and are skipped, by name, otherwise.
if [ -z "${REGISTER_DATA_DIR:-}" ] && [ -d ../shared/data/appg-register ]; then
  export REGISTER_DATA_DIR="$(cd ../shared/data/appg-register && pwd)"
fi
if [ -n "${REGISTER_DATA_DIR:-}" ]; then echo "Real Register tests use ${REGISTER_DATA_DIR}"; else echo "No real Register beside the repository: the tests that need it are skipped."; fi
pnpm typecheck
pnpm lint
pnpm build
vitest run "$@"
