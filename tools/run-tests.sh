#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine with the .NET 10 SDK and Node.js + npm:
# installs what the tests need (the graphql-http audit's npm packages), then runs dotnet test.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."

command -v node >/dev/null || { echo "error: node (Node.js 20+) is required by the graphql-http audit test" >&2; exit 2; }
npm ci --prefix tests/graphql-http-audit --no-audit --no-fund --loglevel=error

dotnet test FederatedGateway.sln -c Release --logger "console;verbosity=minimal" "$@"
