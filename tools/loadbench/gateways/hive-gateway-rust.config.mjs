// Peer: Hive Gateway with the Rust query planner (@graphql-hive/router-runtime). Same switches as
// hive-gateway.config.mjs: no inbound de-duplication, no response cache, no de-duplication towards subgraphs.
import { defineConfig } from "@graphql-hive/gateway";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";

export const gatewayConfig = defineConfig({
  unifiedGraphHandler,
  inboundInflightRequestDeduplication: false,
  responseCaching: undefined,
  transportEntries: {
    "*": { options: { deduplicateInflightRequests: false } },
  },
});
