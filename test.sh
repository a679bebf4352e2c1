#!/usr/bin/env bash
# Runs every test of the solution. What the tests need beyond the .NET SDK is installed here:
# Debian's Chromium for the browser tests (when /usr/bin/chromium is missing).
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

dotnet test Portal.sln -c Release --blame-hang-timeout 15m "$@"
