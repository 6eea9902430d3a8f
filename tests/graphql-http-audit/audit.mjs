// Runs the graphql-http server audit (GraphQL-over-HTTP spec conformance) against a running endpoint.
//
//   node audit.mjs http://127.0.0.1:5000/graphql
//
// Prints one line per audit (status, id, name, reason) and exits non-zero when any MUST audit fails
// (graphql-http reports failed MUSTs as status "error"; failed SHOULDs as "warn", failed MAYs as "notice").
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const results = await auditServer({ url });
const order = { error: 0, warn: 1, notice: 2, ok: 3 };
results.sort((a, b) => order[a.status] - order[b.status] || a.id.localeCompare(b.id));

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status]++;
  const reason = result.status === 'ok' ? '' : `  -- ${result.reason}`;
  console.log(`${result.status.padEnd(6)} ${result.id}  ${result.name}${reason}`);
}

const mustFailures = results.filter((r) => r.status === 'error');
console.log(
  `\n${results.length} audits: ${counts.ok} ok, ${counts.error} MUST failed, ${counts.warn} SHOULD failed, ${counts.notice} MAY failed`,
);
process.exit(mustFailures.length > 0 ? 1 : 0);
