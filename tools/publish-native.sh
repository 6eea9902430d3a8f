#!/usr/bin/env bash
# Publishes the gateway as one native (ahead-of-time compiled) executable: the build to deploy and the one the load
# benchmark measures (docs/deployment.md, docs/benchmarks.md). It starts faster and needs about two thirds of the
# memory of the JIT build (`dotnet run`, `dotnet FederatedGateway.Server.dll`), which stays the development build.
#
#   tools/publish-native.sh [OUTPUT_FOLDER]     default: src/FederatedGateway.Server/bin/Release/native
#
# Needs clang and zlib's headers (Debian: clang zlib1g-dev); as root with apt-get it installs them when missing.
# Prints the executable's path as its last line.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
out=${1:-src/FederatedGateway.Server/bin/Release/native}

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "error: no native build for $(uname -m); run the JIT build (dotnet run --project src/FederatedGateway.Server)" >&2; exit 2 ;;
esac

find_clang() {
  command -v clang && return
  # Debian installs versioned names (clang-14) with some packages and the plain name only with the clang package.
  compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -1
}

clang=$(find_clang || true)
if [[ -z $clang || ! -e /usr/include/zlib.h ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq clang zlib1g-dev >/dev/null
    clang=$(find_clang)
  else
    echo "error: the native build needs clang and zlib's headers (Debian: apt-get install clang zlib1g-dev)" >&2
    exit 2
  fi
fi

dotnet publish src/FederatedGateway.Server/FederatedGateway.Server.csproj -c Release -r "$rid" -nologo \
  -p:PublishAot=true -p:CppCompilerAndLinker="$(basename "$clang")" -o "$out" >&2
echo "$(realpath "$out")/FederatedGateway.Server"
