#!/usr/bin/env node
// Bundles the extension and the CLI with esbuild, then type-checks with tsc (strict, no emit).
//   node scripts/build.mjs [--production] [--no-typecheck] [--watch]
import { build, context } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
};

/**
 * The entity model (a base64 string of ~0.7 MB) is its own file, dist/ner-model.js, which the analysis
 * bundle and the CLI both load from beside them: the .vsix ships it once, not once per bundle.
 */
const sharedModel = {
  name: 'shared-ner-model',
  setup(b) {
    b.onResolve({ filter: /[\\/]model-data$/ }, (a) =>
      a.importer.endsWith(path.join('src', 'core', 'ner', 'index.ts')) ? { path: './ner-model.js', external: true } : undefined,
    );
  },
};

const targets = [
  // The extension loads the analysis bundle on the first article (./analysis.js), not at activation.
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './analysis.js'] },
  { ...common, entryPoints: ['src/vscode/analysisModule.ts'], outfile: 'dist/analysis.js', plugins: [sharedModel] },
  { ...common, entryPoints: ['src/vscode/analysisWorker.ts'], outfile: 'dist/analysis-worker.js', external: ['./analysis.js'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [sharedModel] },
  { ...common, entryPoints: ['src/core/ner/model-data.ts'], outfile: 'dist/ner-model.js' },
];

if (args.has('--watch')) {
  for (const t of targets) await (await context(t)).watch();
  console.log('watching…');
} else {
  const t0 = Date.now();
  for (const t of targets) {
    const r = await build(t);
    fs.writeFileSync(path.join(root, t.outfile + '.meta.json'), JSON.stringify(r.metafile));
  }
  fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
  const size = (f) => (fs.statSync(path.join(root, f)).size / 1024).toFixed(0) + ' kB';
  console.log(`bundled in ${Date.now() - t0} ms: ${targets.map((t) => `${t.outfile} ${size(t.outfile)}`).join(', ')}`);
  if (!args.has('--no-typecheck')) {
    for (const p of ['.', 'src/core']) {
      const r = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', p], {
        cwd: root,
        stdio: 'inherit',
      });
      if (r.status !== 0) {
        console.error(`type check failed (${p})`);
        process.exit(1);
      }
    }
    console.log('type check ok');
  }
}
