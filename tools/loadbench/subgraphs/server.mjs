// One HTTP server for the four benchmark subgraphs: POST /accounts, /products, /inventory, /reviews.
//   GET /health     200 once listening
//   GET /counters   {"accounts":n,"products":n,"inventory":n,"reviews":n,"total":n}: POSTs received since start
//                   (the harness diffs two readings to get subgraph requests per client request)
// Env:
//   SUBGRAPH_HOST (127.0.0.1), SUBGRAPH_PORT (21100)
//   SUBGRAPH_MEMO (1)        reuse the serialized answer of an identical (path, body) request, so the
//                            subgraphs spend little CPU and the gateway stays the bottleneck (answers are
//                            deterministic, so this changes no byte the gateway sees)
//   SUBGRAPH_DELAY_MS (0)    wait this long before every answer (simulates slower services)
import http from "node:http";
import { parse, validate, execute } from "graphql";
import { buildSubgraphs } from "./subgraphs.mjs";

const host = process.env.SUBGRAPH_HOST ?? "127.0.0.1";
const port = Number(process.env.SUBGRAPH_PORT ?? 21100);
const memoOn = (process.env.SUBGRAPH_MEMO ?? "1") !== "0";
const delayMs = Number(process.env.SUBGRAPH_DELAY_MS ?? 0);
const MEMO_LIMIT = 5000;
const DOCUMENT_LIMIT = 500;

const schemas = buildSubgraphs();
const counters = Object.fromEntries([...schemas.keys()].map((name) => [name, 0]));
const documents = new Map([...schemas.keys()].map((name) => [name, new Map()]));
const memo = new Map();

function documentFor(name, query) {
  const cache = documents.get(name);
  let entry = cache.get(query);
  if (entry === undefined) {
    try {
      const document = parse(query);
      const errors = validate(schemas.get(name), document);
      entry = errors.length > 0 ? { errors: errors.map((e) => ({ message: e.message })) } : { document };
    } catch (error) {
      entry = { errors: [{ message: String(error?.message ?? error) }] };
    }
    if (cache.size >= DOCUMENT_LIMIT) cache.clear();
    cache.set(query, entry);
  }
  return entry;
}

async function answer(name, raw) {
  let request;
  try {
    request = JSON.parse(raw);
  } catch {
    return { status: 400, body: '{"errors":[{"message":"the body is not JSON"}]}', reusable: false };
  }
  if (typeof request?.query !== "string") {
    return { status: 400, body: '{"errors":[{"message":"no query in the body"}]}', reusable: false };
  }
  const prepared = documentFor(name, request.query);
  if (prepared.errors) {
    return { status: 200, body: JSON.stringify({ errors: prepared.errors }), reusable: false };
  }
  const result = await execute({
    schema: schemas.get(name),
    document: prepared.document,
    variableValues: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
    contextValue: {},
  });
  return { status: 200, body: JSON.stringify(result), reusable: result.errors === undefined };
}

function reply(res, status, body) {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, { "content-type": "application/json", "content-length": bytes.length });
  res.end(bytes);
}

const server = http.createServer((req, res) => {
  const path = req.url.split("?", 1)[0];
  const name = path.slice(1);
  if (req.method === "GET" && path === "/health") return reply(res, 200, '{"ok":true}');
  if (req.method === "GET" && path === "/counters") {
    let total = 0;
    for (const n of Object.values(counters)) total += n;
    return reply(res, 200, JSON.stringify({ ...counters, total }));
  }
  if (req.method !== "POST" || !schemas.has(name)) return reply(res, 404, '{"errors":[{"message":"no such subgraph"}]}');
  counters[name]++;
  const parts = [];
  req.on("data", (part) => parts.push(part));
  req.on("end", async () => {
    const raw = Buffer.concat(parts).toString("utf8");
    const key = memoOn ? `${name}\n${raw}` : undefined;
    let out = key === undefined ? undefined : memo.get(key);
    if (out === undefined) {
      const fresh = await answer(name, raw);
      out = { status: fresh.status, body: Buffer.from(fresh.body) };
      if (key !== undefined && fresh.reusable) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(key, out);
      }
    }
    if (delayMs > 0) setTimeout(() => reply(res, out.status, out.body), delayMs);
    else reply(res, out.status, out.body);
  });
});

server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.listen(port, host, () => {
  console.log(`benchmark subgraphs on http://${host}:${port}/{${[...schemas.keys()].join(",")}} memo=${memoOn} delay=${delayMs}ms`);
});
const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
