#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine with the .NET 10 SDK and Node.js + npm:
# installs what the tests need (the graphql-http audit's npm packages, Debian's chromium for the IDE browser test),
# then runs dotnet test (which also builds the IDE's npm bundle, see src/FederatedGateway.AspNetCore/IdeApp).
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."

command -v node >/dev/null || { echo "error: node (Node.js 20+) is required by the graphql-http audit test" >&2; exit 2; }
npm ci --prefix tests/graphql-http-audit --no-audit --no-fund --loglevel=error

# The IDE browser test drives /usr/bin/chromium with Playwright (Playwright's own browsers cannot be downloaded).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get); the IDE browser test will fail" >&2
  fi
fi

dotnet test FederatedGateway.sln -c Release --logger "console;verbosity=minimal" "$@"
