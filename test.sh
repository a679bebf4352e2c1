#!/usr/bin/env bash
# Runs every test of the solution. What the tests need beyond the .NET SDK is installed here:
# Debian's Chromium for the browser tests and Debian's PostgreSQL server for the tests that run on PostgreSQL too (each
# when missing). The tests start their own PostgreSQL server on loopback in a temporary folder and stop it at the end.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A test run that was killed may leave its PostgreSQL server behind; the fixture stops such leftovers when it starts.

dotnet test Portal.sln -c Release --blame-hang-timeout 15m "$@"
