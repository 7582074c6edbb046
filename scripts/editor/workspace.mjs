// The temporary workspace the editor tests open: the repository's sample articles, a copy of the
// reference article (when the shared data folder is there; copied at test time, never committed),
// and files that are not articles (a licence, a requirements list, a log).
import fs from 'node:fs';
import path from 'node:path';
import { freshDir, referenceArticle, ROOT } from './paths.mjs';

export const REFERENCE_NAME = 'trump-xi-call.txt';

/** @returns {{ dir: string, reference: string | null, samples: string[] }} */
export function createWorkspace(dir) {
  freshDir(dir);
  const samples = fs
    .readdirSync(path.join(ROOT, 'samples'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const f of samples) fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(dir, f));
  const ref = referenceArticle();
  // Its content only: the shared folder is read-only, and a copy must not inherit that.
  if (ref) fs.writeFileSync(path.join(dir, REFERENCE_NAME), fs.readFileSync(ref));
  fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE.txt'));
  fs.mkdirSync(path.join(dir, 'notes'));
  fs.writeFileSync(
    path.join(dir, 'notes', 'requirements.txt'),
    'yaml==6.0.2\nrequests>=2.32\n# pinned for the newsroom scraper\nbeautifulsoup4==4.12.3\n',
  );
  fs.writeFileSync(
    path.join(dir, 'notes', 'server.log.txt'),
    '2026-10-03T09:14:02Z INFO  fetched 14 articles from the wire in 2.3 s\n2026-10-03T09:14:03Z WARN  ' +
      'retrying feed europe (HTTP 503)\n2026-10-03T09:14:09Z INFO  wrote 14 annotation files\n',
  );
  return { dir, reference: ref ? path.join(dir, REFERENCE_NAME) : null, samples: samples.map((f) => path.join(dir, f)) };
}
