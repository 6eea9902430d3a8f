// A GraphQL subgraph written in Node (graphql + @apollo/subgraph) that joins the Node ledger service's Account
// entity in both directions: each Customer points at an Account (the gateway finds the rest of it in the ledger,
// with the batch lookup the gateway's config declares), and Account gains riskTier here (the gateway asks this
// subgraph for it with _entities). One customer points at an account the ledger does not have.
//
//   node crm-subgraph.mjs [--port <n>]
//
// POST /graphql answers GraphQL over HTTP; GET /requests lists the request bodies received (JSON array), so a test
// can see what the gateway asked. Listens on 127.0.0.1 only (port 0 = any free port), prints
// "listening on 127.0.0.1:<port>" once ready, and exits when its standard input closes.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { parse, execute, validate } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';

const { values: args } = parseArgs({ options: { port: { type: 'string', default: '0' } } });

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    customers: [Customer!]!
  }

  type Customer @key(fields: "id") {
    id: ID!
    name: String!
    account: Account
  }

  type Account @key(fields: "id") {
    id: ID!
    riskTier: String!
  }
`);

const customers = [
  { id: 'c-1', name: 'Ada', accountId: 'acc-1' },
  { id: 'c-2', name: 'Grace', accountId: 'acc-404' },
  { id: 'c-3', name: 'Alan', accountId: 'acc-2' },
];
const riskTiers = { 'acc-1': 'low', 'acc-2': 'high' };

const resolvers = {
  Query: { customers: () => customers },
  Customer: {
    __resolveReference: (reference) => customers.find((c) => c.id === reference.id) ?? null,
    account: (customer) => ({ id: customer.accountId }),
  },
  Account: {
    __resolveReference: (reference) => ({ id: reference.id }),
    riskTier: (account) => riskTiers[account.id] ?? 'unrated',
  },
};

const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
const requests = [];
const MAX_BODY = 1024 * 1024;

async function answer(body) {
  let request;
  try {
    request = JSON.parse(body);
  } catch {
    return { status: 400, result: { errors: [{ message: 'the body is not JSON' }] } };
  }
  let document;
  try {
    document = parse(String(request?.query ?? ''));
  } catch (error) {
    return { status: 400, result: { errors: [{ message: error.message }] } };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) {
    return { status: 400, result: { errors: errors.map((e) => ({ message: e.message })) } };
  }
  const result = await execute({ schema, document, variableValues: request.variables, operationName: request.operationName });
  return { status: 200, result };
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/requests') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(requests));
    return;
  }
  if (req.method !== 'POST' || req.url !== '/graphql') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY) {
      res.writeHead(413).end();
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', async () => {
    if (size > MAX_BODY) return;
    const body = Buffer.concat(chunks).toString('utf8');
    requests.push(body);
    const { status, result } = await answer(body);
    res.writeHead(status, { 'content-type': 'application/graphql-response+json' });
    res.end(JSON.stringify(result));
  });
});

server.listen(Number(args.port), '127.0.0.1', () => {
  console.log(`listening on 127.0.0.1:${server.address().port}`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
