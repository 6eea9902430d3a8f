// Sends the benchmark request once and checks the answer: HTTP 200, JSON, no "errors", and equal to the expected
// response after JSON normalisation (parse + stringify, so whitespace differences do not count, key order does).
// Prints one JSON line: {"ok":bool,"status":n,"bytes":n,"subgraph_requests":n,"ms":n,"reason":"..."}; exit 0 when ok.
//   node verify.mjs <gateway url> <subgraphs base url> <body.json> <expected-response.json>
import { readFileSync } from "node:fs";

const [gatewayUrl, subgraphsUrl, bodyPath, expectedPath] = process.argv.slice(2);
const body = readFileSync(bodyPath);
const expected = JSON.stringify(JSON.parse(readFileSync(expectedPath, "utf8")));
// BENCH_HEADER="Name: value" is sent as well, as the load generator sends it (see load.lua).
const headers = { "content-type": "application/json" };
const extraHeader = process.env.BENCH_HEADER ?? "";
if (extraHeader !== "") {
  const colon = extraHeader.indexOf(":");
  if (colon < 1) throw new Error("BENCH_HEADER must look like 'Name: value'");
  headers[extraHeader.slice(0, colon).trim().toLowerCase()] = extraHeader.slice(colon + 1).trim();
}
const total = async () => (await (await fetch(`${subgraphsUrl}/counters`)).json()).total;

const result = { ok: false, status: 0, bytes: 0, subgraph_requests: -1, ms: 0, reason: "" };
try {
  const before = await total();
  const started = performance.now();
  const res = await fetch(gatewayUrl, {
    method: "POST",
    headers,
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  result.ms = Math.round((performance.now() - started) * 10) / 10;
  // Let subgraph requests that are still being counted land before reading the counter again.
  await new Promise((resolve) => setTimeout(resolve, 100));
  result.subgraph_requests = (await total()) - before;
  result.status = res.status;
  result.bytes = Buffer.byteLength(text);
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = undefined;
  }
  if (res.status !== 200) result.reason = `HTTP ${res.status}: ${text.slice(0, 200)}`;
  else if (answer === undefined) result.reason = "the answer is not JSON";
  else if (answer.errors !== undefined) result.reason = `errors: ${JSON.stringify(answer.errors).slice(0, 300)}`;
  else if (JSON.stringify(answer) !== expected) result.reason = "the answer differs from expected-response.json";
  else result.ok = true;
} catch (error) {
  result.reason = String(error?.message ?? error);
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
