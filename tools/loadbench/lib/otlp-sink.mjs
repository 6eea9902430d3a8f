// A local OTLP/HTTP sink for the telemetry run: accepts every export (traces, metrics, logs), counts what it got,
// and answers 200 with an empty protobuf body, so the gateway's exporter does all its work and nothing is kept.
//   OTLP_SINK_PORT=21400 node otlp-sink.mjs     GET /counters gives {"requests":n,"bytes":n}
import { createServer } from "node:http";

const port = Number(process.env.OTLP_SINK_PORT ?? "21400");
let requests = 0;
let bytes = 0;
createServer((req, res) => {
  if (req.method === "GET" && req.url === "/counters") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ requests, bytes }));
    return;
  }
  req.on("data", (chunk) => (bytes += chunk.length));
  req.on("end", () => {
    requests++;
    res.setHeader("content-type", "application/x-protobuf");
    res.end();
  });
}).listen(port, "127.0.0.1");
