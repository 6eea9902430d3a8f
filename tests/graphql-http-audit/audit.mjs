// Runs the graphql-http server audit (GraphQL-over-HTTP spec conformance) against a running endpoint.
//
//   npm ci && node audit.mjs http://127.0.0.1:4000/graphql
//
// Prints the results as JSON on stdout:
//   { "url": ..., "summary": { "total", "ok", "mustFailed", "shouldFailed", "mayFailed" },
//     "results": [ { "id", "name", "status", "reason"? } ] }
// and a readable list on stderr. Exits 1 when any MUST audit fails (graphql-http reports failed MUSTs as status
// "error", failed SHOULDs as "warn", failed MAYs as "notice"), 2 on bad usage or when the server cannot be reached.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

let results;
try {
  results = await auditServer({ url });
} catch (error) {
  console.error(`audit could not run against ${url}: ${error?.stack ?? error}`);
  process.exit(2);
}

const order = { error: 0, warn: 1, notice: 2, ok: 3 };
results.sort((a, b) => order[a.status] - order[b.status] || a.id.localeCompare(b.id));

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
const report = [];
for (const result of results) {
  counts[result.status]++;
  const entry = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    entry.reason = result.reason;
    if (result.response) {
      entry.response = { status: result.response.status, contentType: result.response.headers.get('content-type') };
      try {
        entry.response.body = await result.response.text();
      } catch {
        // the body may have been read by the audit already
      }
    }
  }

  report.push(entry);
  console.error(`${result.status.padEnd(6)} ${result.id}  ${result.name}${entry.reason ? `  -- ${entry.reason}` : ''}`);
}

const summary = {
  total: results.length,
  ok: counts.ok,
  mustFailed: counts.error,
  shouldFailed: counts.warn,
  mayFailed: counts.notice,
};
console.error(
  `${summary.total} audits: ${summary.ok} ok, ${summary.mustFailed} MUST failed, ${summary.shouldFailed} SHOULD failed, ${summary.mayFailed} MAY failed`,
);
console.log(JSON.stringify({ url, summary, results: report }, null, 2));
process.exit(summary.mustFailed > 0 ? 1 : 0);
