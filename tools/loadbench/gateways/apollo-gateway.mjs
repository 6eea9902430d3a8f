// Peer: Apollo Gateway (@apollo/gateway) inside Apollo Server 5's standalone HTTP server, one process.
// Neither package de-duplicates requests (inbound or to subgraphs) and no response-cache plugin is installed;
// APQ is turned off too so every request carries and runs the full query.
//   env PORT, SUPERGRAPH (a supergraph whose @join__graph urls point at the benchmark subgraphs)
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloGateway } from "@apollo/gateway";

const port = Number(process.env.PORT);
const supergraphSdl = readFileSync(process.env.SUPERGRAPH, "utf8");

const server = new ApolloServer({
  gateway: new ApolloGateway({ supergraphSdl }),
  persistedQueries: false,
});
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port } });
console.log(`apollo-gateway listening at ${url} (pid ${process.pid})`);
