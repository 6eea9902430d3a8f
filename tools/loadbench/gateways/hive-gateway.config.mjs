// Peer: Hive Gateway with its default (graphql-tools) planner.
// Inbound de-duplication and response caching are off by default; they are set off here anyway so that a
// changed default cannot slip in. The HTTP executor to subgraphs de-duplicates identical in-flight queries by
// default: that is turned off for every subgraph ("*"), since the benchmark sends 50 identical requests at once.
import { defineConfig } from "@graphql-hive/gateway";

export const gatewayConfig = defineConfig({
  inboundInflightRequestDeduplication: false,
  responseCaching: undefined,
  transportEntries: {
    "*": { options: { deduplicateInflightRequests: false } },
  },
});
