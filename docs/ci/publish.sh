#!/usr/bin/env bash
# Any CI: check, then publish when the check passes (exit codes: 0 done, 1 refused on its merits, 2 usage/token/connection).
#   FGW_REGISTRY=https://registry.example FGW_REGISTRY_TOKEN=... GIT_SHA=$(git rev-parse HEAD) ./publish.sh accounts schema.graphql http://accounts.internal/graphql
set -euo pipefail
name=$1 schema=$2 routing_url=$3
graph=${FGW_GRAPH:-trading@prod}

fgw subgraph check --registry "$FGW_REGISTRY" --graph "$graph" --name "$name" --schema "$schema" --commit "${GIT_SHA:-}"
fgw subgraph publish --registry "$FGW_REGISTRY" --graph "$graph" --name "$name" --schema "$schema" \
  --routing-url "$routing_url" --commit "${GIT_SHA:-}" --message "${CI_MESSAGE:-published from CI}"
