// The varied traffic's check: sends every operation of the operations file once (in file order, one at a time) and
// compares each answer with the recorded one: HTTP 200, JSON, and the same "data" and the same presence of "errors"
// after JSON normalisation (error texts differ between gateways, so they are not compared); the answers file keeps
// the SHA-256 of that per operation.
// Prints one JSON line: {"ok":bool,"operations":n,"mismatches":n,"bytes":n,"ms":n,"reason":"..."}; exit 0 when ok.
//   node verify-varied.mjs <gateway url> <operations.jsonl> <answers.jsonl>
//   RECORD=1 node verify-varied.mjs ...   writes <answers.jsonl> from this gateway's answers instead
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const [gatewayUrl, operationsPath, answersPath] = process.argv.slice(2);
const bodies = readFileSync(operationsPath, "utf8").split("\n").filter((line) => line.trim() !== "");
const record = process.env.RECORD === "1";
const expected = record ? [] : readFileSync(answersPath, "utf8").split("\n").filter((line) => line.trim() !== "");
const headers = { "content-type": "application/json" };
const extraHeader = process.env.BENCH_HEADER ?? "";
if (extraHeader !== "") {
  const colon = extraHeader.indexOf(":");
  if (colon < 1) throw new Error("BENCH_HEADER must look like 'Name: value'");
  headers[extraHeader.slice(0, colon).trim().toLowerCase()] = extraHeader.slice(colon + 1).trim();
}

const shape = (answer) => JSON.stringify({ data: answer.data ?? null, errors: answer.errors !== undefined });
const digest = (text) => createHash("sha256").update(text).digest("hex");
const result = { ok: false, operations: bodies.length, mismatches: 0, bytes: 0, ms: 0, reason: "" };
const recorded = [];
try {
  if (!record && expected.length !== bodies.length) throw new Error(`${answersPath} has ${expected.length} answers for ${bodies.length} operations`);
  const started = performance.now();
  for (let i = 0; i < bodies.length; i++) {
    const res = await fetch(gatewayUrl, { method: "POST", headers, body: bodies[i], signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    result.bytes += Buffer.byteLength(text);
    let answer;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = undefined;
    }
    const got = res.status === 200 && answer !== undefined ? shape(answer) : `HTTP ${res.status}: ${text.slice(0, 200)}`;
    if (record) {
      if (res.status !== 200 || answer === undefined) throw new Error(`operation ${i + 1}: ${got}`);
      recorded.push(digest(got));
    } else if (digest(got) !== expected[i]) {
      result.mismatches++;
      if (result.reason === "") result.reason = `operation ${i + 1} (line ${i + 1} of ${operationsPath}): ${got.slice(0, 300)}`;
    }
  }
  result.ms = Math.round(performance.now() - started);
  if (record) writeFileSync(answersPath, recorded.join("\n") + "\n");
  result.ok = result.mismatches === 0;
} catch (error) {
  result.reason = String(error?.message ?? error);
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
