/**
 * Cold activation cost of the built extension, in a fresh Node process without source maps: load
 * dist/extension.js (module evaluation) and call activate() against a stand-in `vscode` module whose
 * members are no-ops. This measures our own start-up work (bundle parse, module init, registrations),
 * not VS Code's.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const CHILD = String.raw`
const Module = require('module');
const noop = new Proxy(function () {}, {
  get: (_t, p) => (p === Symbol.toPrimitive ? () => 0 : p === 'then' ? undefined : noop),
  apply: () => noop, construct: () => noop, set: () => true, defineProperty: () => true,
});
// The bundle reads vscode members by name, so the stand-in needs them as own properties.
const names = 'window workspace languages commands env extensions Uri Range Position Selection ThemeColor ThemeIcon EventEmitter ' +
  'TreeItem TreeItemCollapsibleState MarkdownString Hover Diagnostic DiagnosticSeverity CodeAction CodeActionKind DocumentSymbol ' +
  'SymbolKind StatusBarAlignment DecorationRangeBehavior OverviewRulerLane ProgressLocation EndOfLine TextEditorRevealType ' +
  'Disposable Location RelativePattern FileType CancellationTokenSource WorkspaceEdit TextEdit FileSystemError ViewColumn ' +
  'QuickPickItemKind ConfigurationTarget';
const stub = Object.fromEntries(names.split(' ').map((n) => [n, noop]));
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const t0 = performance.now();
const ext = require(process.argv[1]);
const t1 = performance.now();
ext.activate({
  subscriptions: [],
  workspaceState: { get: (_k, d) => d, update: async () => undefined },
  globalState: noop,
  extensionUri: noop,
  storageUri: undefined,
  extension: { packageJSON: { version: '0' } },
});
const t2 = performance.now();
console.log(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1 }));
`;

/** Median of several cold starts. */
export function benchActivation(extensionJs: string, runs = 5): { loadMs: number; activateMs: number } {
  const all: { loadMs: number; activateMs: number }[] = [];
  for (let i = 0; i < runs; i++)
    all.push(JSON.parse(execFileSync(process.execPath, ['-e', CHILD, path.resolve(extensionJs)], { encoding: 'utf8' })));
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { loadMs: med(all.map((x) => x.loadMs)), activateMs: med(all.map((x) => x.activateMs)) };
}

if (/(?:^|[\\/])activation\.c?[jt]s$/.test(process.argv[1] ?? '')) console.log(benchActivation(process.argv[2] || 'dist/extension.js'));
