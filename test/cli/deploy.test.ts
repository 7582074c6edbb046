// Batch runs beyond one machine: the Kubernetes Indexed Job's own command, run here as N local
// "pods" over one manifest, must give exactly the single-machine output; the manifest and the
// Dockerfile are checked structurally (no Docker engine or cluster is needed, or used).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import YAML from 'yaml';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface Container {
  name: string;
  image: string;
  workingDir: string;
  command: string[];
  args: string[];
  env: { name: string; value: string }[];
  volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
}

function loadJob() {
  const job = YAML.parse(fs.readFileSync(path.join(root, 'deploy', 'k8s-indexed-job.yaml'), 'utf8'));
  const container = job.spec.template.spec.containers[0] as Container;
  const env = Object.fromEntries(container.env.map((e) => [e.name, e.value])) as Record<string, string>;
  return { job, container, env };
}

/** 48 articles (the samples, each also with its paragraphs rotated) in a folder, and a manifest of their paths. */
function archive(): { data: string; out: string; manifest: string; files: string[] } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'na-shards-'));
  const data = path.join(top, 'data');
  const out = path.join(top, 'out');
  fs.mkdirSync(path.join(data, 'articles'), { recursive: true });
  fs.mkdirSync(out);
  const samples = fs
    .readdirSync(path.join(root, 'samples'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const files: string[] = [];
  for (let v = 0; files.length < 48; v++) {
    for (const s of samples) {
      if (files.length === 48) break;
      const paras = fs.readFileSync(path.join(root, 'samples', s), 'utf8').split('\n\n');
      const rotated = [...paras.slice(v % paras.length), ...paras.slice(0, v % paras.length)].join('\n\n');
      const rel = `articles/${String(v).padStart(2, '0')}-${s}`;
      fs.writeFileSync(path.join(data, rel), rotated);
      files.push(rel);
    }
  }
  const manifest = path.join(data, 'manifest.txt');
  fs.writeFileSync(manifest, files.join('\n') + '\n');
  return { data, out, manifest, files };
}

/** Runs the container's command as a local process, with the Job's environment and paths mapped here. */
function pod(
  container: Container,
  env: Record<string, string>,
  index: number,
  a: { data: string; out: string; bin: string },
): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(container.command[0]!, [...container.command.slice(1), ...container.args], {
      cwd: a.data, // workingDir
      env: {
        ...process.env,
        ...env,
        MANIFEST: path.join(a.data, 'manifest.txt'),
        OUT_DIR: a.out,
        THREADS: '1',
        JOB_COMPLETION_INDEX: String(index),
        PATH: `${a.bin}${path.delimiter}${process.env.PATH}`,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, err }));
  });
}

test('the Indexed Job manifest: Indexed completions, shards = completions, the CLI image, --shard auto, part-INDEX.jsonl', () => {
  const { job, container, env } = loadJob();
  assert.equal(job.apiVersion, 'batch/v1');
  assert.equal(job.kind, 'Job');
  assert.equal(job.spec.completionMode, 'Indexed');
  assert.ok(job.spec.completions >= 1 && job.spec.parallelism >= 1 && job.spec.parallelism <= job.spec.completions);
  assert.equal(Number(env.NEWS_ANNOTATOR_SHARDS), job.spec.completions, 'NEWS_ANNOTATOR_SHARDS = completions');
  assert.equal(job.spec.template.spec.restartPolicy, 'Never');
  assert.equal(container.image, `${pkg.name}:${pkg.version}`);
  const script = container.args.join('\n');
  assert.match(script, /news-annotator analyze --json --files-from "\$MANIFEST" --shard auto/);
  assert.match(script, /part-\$JOB_COMPLETION_INDEX/);
  assert.match(script, /\.jsonl\.tmp"[\s\S]*mv "\$part\.jsonl\.tmp" "\$part\.jsonl"/, 'a part appears only when complete');
  const mounts = Object.fromEntries(container.volumeMounts.map((m) => [m.name, m]));
  const volumes = new Set(job.spec.template.spec.volumes.map((v: { name: string }) => v.name));
  for (const m of container.volumeMounts) assert.ok(volumes.has(m.name), m.name);
  assert.equal(mounts.archive?.mountPath, container.workingDir);
  assert.ok(mounts.archive?.readOnly, 'the archive is mounted read-only');
  assert.equal(mounts.annotations?.mountPath, env.OUT_DIR);
  assert.ok(env.MANIFEST!.startsWith(container.workingDir + '/'));
});

test('the Dockerfile: Node base images, npm ci + npm pack, the tarball installed globally, the CLI as entrypoint, not root', () => {
  const lines = fs
    .readFileSync(path.join(root, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const instr = lines.map((l) => {
    const [op, ...rest] = l.trim().split(/\s+/);
    return { op: op!.toUpperCase(), arg: rest.join(' ') };
  });
  const froms = instr.filter((i) => i.op === 'FROM');
  assert.ok(froms.length >= 1);
  for (const f of froms) assert.match(f.arg, /^node:(\d+)-[\w-]+(?: AS \w+)?$/, f.arg);
  const major = Number(/^node:(\d+)/.exec(froms.at(-1)!.arg)![1]);
  assert.ok(major >= Number(/\d+/.exec(pkg.engines.node)![0]), `Node ${major} meets engines.node ${pkg.engines.node}`);
  const known = new Set(['FROM', 'WORKDIR', 'COPY', 'RUN', 'USER', 'ENTRYPOINT', 'CMD', 'ENV', 'ARG', 'LABEL']);
  for (const i of instr) assert.ok(known.has(i.op), `instruction ${i.op}`);
  const runs = instr
    .filter((i) => i.op === 'RUN')
    .map((i) => i.arg)
    .join('\n');
  assert.match(runs, /npm ci\b/);
  assert.match(runs, /npm pack\b/);
  assert.match(runs, new RegExp(`npm install -g .*${pkg.name}-\\*\\.tgz`));
  for (const c of instr.filter((i) => i.op === 'COPY' && !i.arg.startsWith('--from'))) {
    for (const src of c.arg.split(/\s+/).slice(0, -1))
      if (src !== '.') assert.ok(fs.existsSync(path.join(root, src)), `COPY source ${src}`);
  }
  assert.deepEqual(JSON.parse(instr.find((i) => i.op === 'ENTRYPOINT')!.arg), ['news-annotator']);
  assert.equal(instr.at(-1)!.op === 'CMD' || instr.at(-1)!.op === 'ENTRYPOINT', true);
  assert.equal(instr.filter((i) => i.op === 'USER').at(-1)?.arg, 'node', 'runs as the unprivileged node user');
  const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
  for (const p of ['node_modules', '.git', '.editor-test', 'dist']) assert.ok(ignored.includes(p), `.dockerignore: ${p}`);
});

test('the cloud recipes name the index variables the CLI reads', () => {
  const doc = fs.readFileSync(path.join(root, 'deploy', 'README.md'), 'utf8');
  for (const v of [
    'JOB_COMPLETION_INDEX',
    'AWS_BATCH_JOB_ARRAY_INDEX',
    'CLOUD_RUN_TASK_INDEX',
    'CLOUD_RUN_TASK_COUNT',
    'NEWS_ANNOTATOR_SHARDS',
  ])
    assert.ok(doc.includes(v), v);
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout;
  for (const v of [
    'JOB_COMPLETION_INDEX',
    'AWS_BATCH_JOB_ARRAY_INDEX',
    'CLOUD_RUN_TASK_INDEX',
    'NEWS_ANNOTATOR_SHARDS',
    'CLOUD_RUN_TASK_COUNT',
  ])
    assert.ok(help.includes(v), `--help names ${v}`);
});

test(
  'N pods running the Job command over one manifest: the union of the parts is the ' + 'single-machine output, nothing missing or twice',
  async () => {
    const { job, container, env } = loadJob();
    const a = archive();
    // `news-annotator` on PATH, as in the image.
    const bin = path.join(path.dirname(a.out), 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(cli, path.join(bin, 'news-annotator'));
    const single = spawnSync(process.execPath, [cli, 'analyze', '--json', '--files-from', a.manifest], { cwd: a.data, encoding: 'utf8' });
    assert.equal(single.status, 0, single.stderr);
    const expected = single.stdout.split('\n').filter(Boolean);
    assert.equal(expected.length, a.files.length);
    assert.deepEqual(
      expected.map((l) => JSON.parse(l).file),
      a.files,
      'the single run: one record per manifest line, in order',
    );

    for (const n of [job.spec.completions as number, 3]) {
      for (const f of fs.readdirSync(a.out)) fs.rmSync(path.join(a.out, f));
      const results = await Promise.all(
        Array.from({ length: n }, (_, i) => pod(container, { ...env, NEWS_ANNOTATOR_SHARDS: String(n) }, i, { ...a, bin })),
      );
      results.forEach((r, i) => assert.equal(r.code, 0, `pod ${i}: ${r.err}`));
      const parts = fs
        .readdirSync(a.out)
        .filter((f) => f.endsWith('.jsonl'))
        .sort();
      assert.deepEqual(parts, Array.from({ length: n }, (_, i) => `part-${i}.jsonl`).sort(), 'one complete part per index, no .tmp left');
      const lines = parts.flatMap((p) => fs.readFileSync(path.join(a.out, p), 'utf8').split('\n').filter(Boolean));
      const files = lines.map((l) => JSON.parse(l).file as string);
      assert.equal(new Set(files).size, files.length, `${n} shards: no article twice`);
      assert.deepEqual([...lines].sort(), [...expected].sort(), `${n} shards: the union is the single-machine output`);
      assert.ok(parts.filter((p) => fs.statSync(path.join(a.out, p)).size > 0).length >= Math.min(n, 3), 'the work is spread');
    }
  },
);
