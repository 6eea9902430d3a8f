#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine with the .NET 10 SDK and Node.js + npm:
# installs what the tests need (the graphql-http audit's and the OpenAPI validator's npm packages, Debian's chromium
# for the IDE browser test),
# then runs dotnet test (which also builds the IDE's npm bundle, see src/FederatedGateway.AspNetCore/IdeApp), and the
# server tests once more against the native build.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."

command -v node >/dev/null || { echo "error: node (Node.js 20+) is required by the graphql-http audit test and the Node gRPC fixture" >&2; exit 2; }
npm ci --prefix tests/graphql-http-audit --no-audit --no-fund --loglevel=error
# The OpenAPI validator of the JSON/HTTP routes' document (@apidevtools/swagger-parser) and the Node gRPC service the
# gRPC tests join through reflection (@grpc/grpc-js, @grpc/reflection).
npm ci --prefix tests/FederatedGateway.Grpc.Tests/OpenApiValidator --no-audit --no-fund --loglevel=error
npm ci --prefix tests/FederatedGateway.Grpc.Tests/NodeService --no-audit --no-fund --loglevel=error

# Debian packages the tests start themselves: chromium (the IDE browser test drives /usr/bin/chromium with Playwright,
# whose own browsers cannot be downloaded), redis-server (APQ and shared limits against a real Redis) and postgresql
# (usage analytics against a real PostgreSQL, made with initdb into a temporary folder by the tests).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: ${missing[*]} missing and cannot be installed here (needs root and apt-get); the tests that use them will fail" >&2
  fi
fi

# The test hosts run gateways in-process under load too: the same JIT setting the executables insist on (docs/operations.md, "The
# runtime settings the executables run with").
export DOTNET_JitObjectStackAllocation=0
dotnet test FederatedGateway.sln -c Release --logger "console;verbosity=minimal" "$@"

# The tests that start the server as a process run again against the native executable, the build that is deployed
# and benchmarked (tools/publish-native.sh installs clang and zlib's headers when missing). FGW_TEST_NATIVE=0 skips them.
if [[ ${FGW_TEST_NATIVE:-1} != 0 ]]; then
  native=$(tools/publish-native.sh | tail -1)
  for project in tests/FederatedGateway.FunctionalTests tests/FederatedGateway.Registry.Tests; do
    FGW_TEST_NATIVE_SERVER=$native dotnet test "$project" -c Release --logger "console;verbosity=minimal" "$@"
  done
fi
