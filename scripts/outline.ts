/**
 * Prints the topic outline of article files (subjects, then sections with label, subject and keyphrases).
 *   node scripts/run-ts.mjs scripts/outline.ts FILE...
 */
import fs from 'node:fs';
import { analyze } from '../src/core/analyze';
import { normalizeText } from '../src/core/text';

for (const file of process.argv.slice(2)) {
  const a = analyze(normalizeText(fs.readFileSync(file, 'utf8')).text);
  console.log(`== ${file}`);
  console.log(
    `subjects: ${a.subjects
      .slice(0, 4)
      .map((s) => `${s.label} ${s.score}${s.subtopics ? ` (${s.subtopics.map((x) => x.label).join(', ')})` : ''}`)
      .join('; ')}`,
  );
  for (const s of a.sections) {
    const first = a.text.slice(s.start, Math.min(s.end, s.start + 50)).replace(/\n/g, ' ');
    console.log(
      `  ${s.role.padEnd(8)} ${s.label}  [${s.subject ? s.subject.label.split(',')[0] : '—'}]  ` +
        `{${s.keyphrases.slice(0, 4).join(', ')}}  “${first}…”`,
    );
  }
}
