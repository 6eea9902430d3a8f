#!/usr/bin/env bash
# Peer: Grafbase Gateway (Rust), through the Grafbase CLI's local server (`grafbase dev`, the binary of the npm
# package @grafbase/cli-x86_64-unknown-linux-musl), which composes the four subgraphs by introspection at start.
#   SUBGRAPHS_URL=http://127.0.0.1:21100 GATEWAY_PORT=21001 start-grafbase.sh
# Its defaults are kept (it de-duplicates identical in-flight subgraph requests; no switch for that is used here).
set -euo pipefail
here="$(dirname "$(realpath "$0")")/.."
bin=$here/node_modules/@grafbase/cli-x86_64-unknown-linux-musl/grafbase
[[ -x $bin ]] || { echo "the grafbase binary is missing: npm ci in tools/loadbench" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for s in accounts inventory products reviews; do
  printf '[subgraphs.%s]\nurl = "%s/%s"\nintrospection_url = "%s/%s"\n' "$s" "$SUBGRAPHS_URL" "$s" "$SUBGRAPHS_URL" "$s"
done >"$work/grafbase.toml"
"$bin" --home "$work/home" dev -c "$work/grafbase.toml" --listen-address "127.0.0.1:$GATEWAY_PORT"
