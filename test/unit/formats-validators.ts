// The formats' owners' validators from the shared folder (NEWS_ANNOTATOR_SHARED, default ../shared):
// brat's own annotation parser (python3) and the W3C Web Annotation test-suite schemas (ajv 6).
// Tests that need them are skipped, with the reason, when the folder or python3 is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, sharedDir } from '../../scripts/shared';

const validators = path.join(sharedDir(), 'validators');
const bratScript = path.join(validators, 'brat', 'validate_ann.py');
const w3cDir = path.join(validators, 'w3c');

function python(): string | null {
  for (const p of ['python3', 'python']) {
    const r = spawnSync(p, ['-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() === '3') return p;
  }
  return null;
}

/** Why the brat validator cannot run here, or null when it can. */
export function bratSkip(): string | false {
  if (!fs.existsSync(bratScript)) return `${bratScript} not found (set NEWS_ANNOTATOR_SHARED to the shared data folder)`;
  if (!python()) return 'python3 not found (brat’s own parser is Python)';
  return false;
}

/** Why the W3C validator cannot run here, or false when it can. */
export function w3cSkip(): string | false {
  if (!fs.existsSync(path.join(w3cDir, 'validate.mjs')))
    return `${w3cDir}/validate.mjs not found (set NEWS_ANNOTATOR_SHARED to the shared data folder)`;
  return false;
}

/**
 * Runs brat's parser on many .txt/.ann pairs in one Python process (one process per pair would take
 * minutes): returns, per pair, brat's errors ([] = brat loads it).
 */
export function bratValidate(pairs: { txt: string; ann: string }[]): string[][] {
  const py = python()!;
  const driver = `
import json, sys, runpy
sys.argv = ['validate_ann.py']
mod = runpy.run_path(${JSON.stringify(bratScript)}, run_name='validate_ann')
out = []
for txt, ann in json.load(sys.stdin):
    errors, warnings, doc = mod['validate'](txt, ann)
    out.append(errors)
print(json.dumps(out))
`;
  const r = spawnSync(py, ['-c', driver], {
    input: JSON.stringify(pairs.map((p) => [p.txt, p.ann])),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`brat validator failed to run: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}

/** Runs the brat validator script itself on one pair (as its README shows): exit status and output. */
export function bratValidateOne(txt: string, ann: string): { status: number; output: string } {
  const r = spawnSync(python()!, [bratScript, txt, ann], { encoding: 'utf8' });
  return { status: r.status ?? -1, output: r.stdout + r.stderr };
}

type W3cValidate = { validateValue(v: unknown): { where: string; kind: string; failures: { assertion: string; message: string }[] }[] };
let w3c: Promise<W3cValidate> | null = null;

/**
 * The W3C validator module. It imports `ajv`, which Node resolves from the script's folder: the
 * folder is copied under out/ so that it finds this project's ajv 6.15.0 (the shared folder has none).
 */
export function w3cValidator(): Promise<W3cValidate> {
  if (!w3c) {
    const dest = path.join(repoRoot(), 'out', 'validators', 'w3c');
    fs.rmSync(dest, { recursive: true, force: true });
    fs.cpSync(w3cDir, dest, { recursive: true, filter: (src) => !src.includes(`${path.sep}tests${path.sep}`) });
    w3c = import(pathToFileURL(path.join(dest, 'validate.mjs')).href) as Promise<W3cValidate>;
  }
  return w3c;
}

/** W3C failures of a value, as lines (empty: valid). */
export async function w3cFailures(value: unknown): Promise<string[]> {
  const v = await w3cValidator();
  return v.validateValue(value).flatMap((r) => r.failures.map((f) => `${r.where} (${r.kind}): ${f.assertion}: ${f.message}`));
}

/** Runs the W3C validator's command line on files, as its README shows. */
export function w3cValidateFiles(files: string[]): { status: number; output: string } {
  const dest = path.join(repoRoot(), 'out', 'validators', 'w3c', 'validate.mjs');
  const r = spawnSync(process.execPath, [dest, ...files], { encoding: 'utf8' });
  return { status: r.status ?? -1, output: r.stdout + r.stderr };
}
