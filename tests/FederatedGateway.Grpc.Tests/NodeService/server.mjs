// The ledger service of the gRPC tests, written in Node as a service the gateway's owners do not control:
// @grpc/grpc-js + @grpc/proto-loader, with server reflection from @grpc/reflection (its replies carry no
// dependency lists), and no FederatedGateway options in its proto.
//
//   node server.mjs [--port <n>] [--reflection both|v1|v1alpha|none] [--dependencies sent|withheld]
//
// --dependencies withheld makes reflection answer each question with the one file asked for, never the files it
// uses (so a client has to ask for those by symbol).
// Listens on 127.0.0.1 only (port 0 = any free port) and prints "listening on 127.0.0.1:<port>" once ready.
// Exits when its standard input closes, so a test process that dies takes the server with it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    reflection: { type: 'string', default: 'both' },
    dependencies: { type: 'string', default: 'sent' },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
const definition = protoLoader.loadSync('ledger/v1/ledger.proto', {
  includeDirs: [path.join(here, 'protos')],
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const ledger = grpc.loadPackageDefinition(definition).ledger.v1;

const money = (units, nanos = 0) => ({ currencyCode: 'EUR', units: String(units), nanos });
const accounts = new Map([
  ['acc-1', {
    id: 'acc-1', owner: 'Ada', balance: money(1250, 500000000), version: '9007199254740993', sequence: '18446744073709551615',
    status: 'ACCOUNT_STATUS_ACTIVE', openedAt: { seconds: '1704164645', nanos: 0 }, statementPeriod: { seconds: '2592000', nanos: 0 },
    nickname: { value: 'main' }, overdraftLimit: { value: '-50000' },
    metadata: { fields: { tier: { stringValue: 'gold' }, score: { numberValue: 7.5 }, flags: { listValue: { values: [{ boolValue: true }] } } } },
    limits: { daily: '1000', monthly: '20000' }, email: 'ada@example.test',
  }],
  ['acc-2', {
    id: 'acc-2', owner: 'Grace', balance: money(-75), version: '2', sequence: '3',
    status: 'ACCOUNT_STATUS_FROZEN', openedAt: { seconds: '1719792000', nanos: 250000000 }, statementPeriod: { seconds: '604800', nanos: 0 },
    nickname: null, overdraftLimit: null, metadata: { fields: {} }, limits: {}, phone: '0044-20-0000',
  }],
  ['acc-3', {
    id: 'acc-3', owner: 'Linus', balance: money(0), version: '1', sequence: '1',
    status: 'ACCOUNT_STATUS_UNSPECIFIED', openedAt: null, statementPeriod: null,
    nickname: null, overdraftLimit: null, metadata: null, limits: {},
  }],
]);
const entries = [
  { id: 'e-1', accountId: 'acc-1', amount: money(1000), kind: 'ENTRY_KIND_CREDIT', bookedAt: { seconds: '1704164645', nanos: 0 } },
  { id: 'e-2', accountId: 'acc-1', amount: money(250, 500000000), kind: 'ENTRY_KIND_CREDIT', bookedAt: { seconds: '1704251045', nanos: 0 } },
  { id: 'e-3', accountId: 'acc-2', amount: money(-75), kind: 'ENTRY_KIND_DEBIT', bookedAt: { seconds: '1719792000', nanos: 0 } },
  { id: 'e-4', accountId: 'acc-9', amount: money(5), kind: 'ENTRY_KIND_CREDIT', bookedAt: { seconds: '1719792060', nanos: 0 } },
];
const entriesOf = (accountId) => entries.filter(e => !accountId || e.accountId === accountId);

const service = {
  GetAccount(call, callback) {
    const account = accounts.get(call.request.id);
    if (account) {
      callback(null, account);
    } else {
      callback({ code: grpc.status.NOT_FOUND, details: `no account "${call.request.id}"` });
    }
  },
  BatchGetAccounts(call, callback) {
    callback(null, { accounts: call.request.ids.map(id => accounts.get(id)).filter(Boolean) });
  },
  ListEntries(call, callback) {
    const size = call.request.pageSize > 0 ? call.request.pageSize : entries.length;
    callback(null, { entries: entriesOf(call.request.accountId).slice(0, size) });
  },
  WatchEntries(call) {
    const limit = call.request.limit > 0 ? call.request.limit : 3;
    const feed = entriesOf(call.request.accountId);
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= limit || call.cancelled) {
        clearInterval(timer);
        call.end();
        return;
      }
      call.write({ ...feed[sent % feed.length], id: `w-${sent + 1}` });
      sent++;
    }, 20);
    call.on('cancelled', () => clearInterval(timer));
  },
};

const server = new grpc.Server();
server.addService(ledger.Ledger.service, service);
const reflection = new ReflectionService(definition);
if (args.dependencies === 'withheld') {
  reflection.v1.getFileDependencies = () => [];
  reflection.v1Alpha.getFileDependencies = () => [];
} else if (args.dependencies !== 'sent') {
  throw new Error(`--dependencies must be sent or withheld, not "${args.dependencies}"`);
}
switch (args.reflection) {
  case 'both': reflection.addToServer(server); break;
  case 'v1': reflection.v1.addToServer(server); break;
  case 'v1alpha': reflection.v1Alpha.addToServer(server); break;
  case 'none': break;
  default: throw new Error(`--reflection must be both, v1, v1alpha or none, not "${args.reflection}"`);
}

server.bindAsync(`127.0.0.1:${args.port}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(`cannot listen on 127.0.0.1:${args.port}: ${error.message}`);
    process.exit(2);
  }
  console.log(`listening on 127.0.0.1:${port}`);
});

process.stdin.on('end', () => server.tryShutdown(() => process.exit(0)));
process.stdin.resume();
