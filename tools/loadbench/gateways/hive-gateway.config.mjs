// Peer: Hive Gateway with its default (graphql-tools) planner.
// Inbound de-duplication and response caching are off by default; they are set off here anyway so that a
// changed default cannot slip in (they would turn 50 identical requests into one). The HTTP executor to subgraphs
// de-duplicates identical in-flight queries by default: kept with DEDUP=1, turned off for every subgraph with DEDUP=0.
import { defineConfig } from "@graphql-hive/gateway";

export const gatewayConfig = defineConfig({
  inboundInflightRequestDeduplication: false,
  responseCaching: undefined,
  // LOADBENCH_DEDUP=1 (run.sh's DEDUP=1, the default): the executor's default, which de-duplicates.
  ...(process.env.LOADBENCH_DEDUP === "1"
    ? {}
    : { transportEntries: { "*": { options: { deduplicateInflightRequests: false } } } }),
});
