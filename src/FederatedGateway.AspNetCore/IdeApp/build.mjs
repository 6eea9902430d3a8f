// Bundles the IDE (GraphiQL + the query-plan panel) and Monaco's web workers into dist/, which
// FederatedGateway.AspNetCore embeds as resources. Run by the project's MSBuild target (IdeApp.targets)
// after `npm ci`; `node build.mjs` works on its own too. Everything the page needs ends up in dist/:
// the IDE must run without internet access.
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const outdir = 'dist';
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  target: ['es2022'],
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

// The page script and its stylesheet (ide.js + ide.css); fonts referenced by CSS become files next to them.
await build({
  ...common,
  entryPoints: { ide: 'src/main.jsx' },
  outdir,
  format: 'iife',
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl', '.png': 'dataurl' },
  assetNames: '[name]-[hash]',
});

// The operators' dashboard (dashboard.js + dashboard.css, uPlot charts), served by the gateway at /dashboard.
await build({
  ...common,
  entryPoints: { dashboard: 'src/dashboard/main.jsx' },
  outdir,
  format: 'iife',
  jsx: 'automatic',
});

// Monaco's workers, as classic scripts loaded by src/monacoWorkers.js.
await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir,
  format: 'iife',
});

await writeFile(join(outdir, 'index.html'), await readFile('src/index.html'));
await writeFile(join(outdir, 'dashboard.html'), await readFile('src/dashboard/index.html'));

// Brotli copies, served to browsers that accept br (the bundle is a few MB).
for (const name of await readdir(outdir)) {
  if (/\.(js|css|html|ttf)$/.test(name)) {
    const content = await readFile(join(outdir, name));
    const compressed = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
    await writeFile(join(outdir, name + '.br'), compressed);
  }
}
