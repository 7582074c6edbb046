/**
 * Shows the keyword evidence behind the subjects of one article (for curating the keyword lists).
 *   node scripts/run-ts.mjs scripts/explain-subjects.ts FILE
 */
import fs from 'node:fs';
import { normalizeText } from '../src/core/text';
import { explainSubjects } from '../src/core/topics/subjects';

const file = process.argv[2];
if (!file) {
  console.error('usage: explain-subjects FILE');
  process.exit(2);
}
const by = new Map<string, string[]>();
for (const e of explainSubjects(normalizeText(fs.readFileSync(file, 'utf8')).text)) {
  const list = by.get(e.topic) ?? [];
  list.push(`${e.term}×${e.count}:${e.score.toFixed(1)}`);
  by.set(e.topic, list);
}
for (const [topic, list] of by) console.log(`${topic} | ${list.join(', ')}`);
