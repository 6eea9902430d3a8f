// Makes what the authorization benchmark needs, into <out-dir>:
//   jwks.json       a fresh RSA signing key's public half (the gateway's JwksFile)
//   token.txt       an RS256 token of that key: issuer https://loadbench.local, audience loadbench, scope bench:read,
//                   valid for a day
//   supergraph.graphql  the benchmark supergraph with @requiresScopes(scopes: [["bench:read"]]) on ten fields of the
//                   benchmark query, so every request runs the JWT check and ten field authorization checks
// and prints the gateway settings that use them (one VAR=value per line).
//
//   node auth-fixture.mjs <out-dir> <bench supergraph>
import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [outDir, supergraphPath] = process.argv.slice(2);
if (!outDir || !supergraphPath) {
  console.error("usage: node auth-fixture.mjs <out-dir> <bench supergraph>");
  process.exit(2);
}

const ISSUER = "https://loadbench.local";
const AUDIENCE = "loadbench";
const SCOPE = "bench:read";

// The ten protected fields: every one is selected by the benchmark query, none is an entity key.
const PROTECTED = [
  ["Query", "users"],
  ["Query", "topProducts"],
  ["User", "name"],
  ["User", "username"],
  ["User", "reviews"],
  ["Review", "body"],
  ["Review", "author"],
  ["Product", "name"],
  ["Product", "inStock"],
  ["Product", "reviews"],
];

mkdirSync(outDir, { recursive: true });

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = randomUUID();
const jwk = { ...publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };
writeFileSync(join(outDir, "jwks.json"), JSON.stringify({ keys: [jwk] }, null, 2));

const base64url = (value) => Buffer.from(value).toString("base64url");
const now = Math.floor(Date.now() / 1000);
const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
const payload = base64url(
  JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: "loadbench", scope: SCOPE, iat: now, nbf: now - 60, exp: now + 86400 }),
);
const signature = sign("sha256", Buffer.from(`${header}.${payload}`), privateKey).toString("base64url");
writeFileSync(join(outDir, "token.txt"), `${header}.${payload}.${signature}`);

writeFileSync(join(outDir, "supergraph.graphql"), protect(readFileSync(supergraphPath, "utf8")));

for (const line of [
  `Gateway__Authentication__Jwt__0__Issuer=${ISSUER}`,
  `Gateway__Authentication__Jwt__0__Audiences__0=${AUDIENCE}`,
  `Gateway__Authentication__Jwt__0__JwksFile=${join(outDir, "jwks.json")}`,
  "Gateway__Authentication__Required=true",
]) {
  console.log(line);
}

// Adds the requiresScopes link, its directive and scalar, and the directive on each protected field.
function protect(sdl) {
  const link = '  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)\n';
  const joinLink = /(  @link\(url: "https:\/\/specs\.apollo\.dev\/join\/[^\n]*\n)/;
  if (!joinLink.test(sdl)) throw new Error("the supergraph has no join @link to add the requiresScopes link after");
  let out = sdl.replace(joinLink, `$1${link}`);
  out +=
    "\ndirective @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n" +
    "\nscalar requiresScopes__Scope\n";
  for (const [type, field] of PROTECTED) {
    const body = new RegExp(`(\\ntype ${type}\\b[^{]*\\{)([^}]*)\\}`);
    const match = out.match(body);
    if (!match) throw new Error(`type ${type} not found in the supergraph`);
    const line = new RegExp(`(\\n  ${field}(\\([^)]*\\))?: [^\\n]*)`);
    if (!line.test(match[2])) throw new Error(`field ${type}.${field} not found in the supergraph`);
    const fields = match[2].replace(line, `$1 @requiresScopes(scopes: [["${SCOPE}"]])`);
    out = out.replace(body, `${match[1]}${fields}}`);
  }
  return out;
}
