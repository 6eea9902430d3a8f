// Peer: Hive Gateway with the Rust query planner (@graphql-hive/router-runtime). Same switches as
// hive-gateway.config.mjs: no inbound de-duplication, no response cache, de-duplication towards subgraphs as DEDUP says.
import { defineConfig } from "@graphql-hive/gateway";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";

export const gatewayConfig = defineConfig({
  unifiedGraphHandler,
  inboundInflightRequestDeduplication: false,
  responseCaching: undefined,
  // LOADBENCH_DEDUP=1 (run.sh's DEDUP=1, the default): the executor's default, which de-duplicates.
  ...(process.env.LOADBENCH_DEDUP === "1"
    ? {}
    : { transportEntries: { "*": { options: { deduplicateInflightRequests: false } } } }),
});
