// The annotation file's path is linear too (issue 12, item 6: a 5 MB line of one sentence repeated
// froze the editor in id assignment, where many annotations share their text and context). For the
// inputs that make many identical annotations, the path the editor takes on every save and open —
// ids, serialize, parse, place on the text — runs at n and 4n; the time may grow ×6 at most.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { annotationsFromAnalysis } from '../../src/core/sidecar/model';
import { buildSidecar, loadSidecar } from '../../src/core/sidecar/session';
import { serializeSidecar } from '../../src/core/sidecar/yaml';
import { normalizeText } from '../../src/core/text';
import { pathology } from './pathological';
import { MAX_RATIO, describe as describeScaling, measureScalingSteady } from './scaling-harness';

for (const name of ['repeated sentence', 'shared surname', 'dollar amounts', 'percentages run']) {
  test(`annotation file of "${name}": ids, write, read and placement grow linearly`, () => {
    const p = pathology(name);
    const prepare = (n: number) => {
      const text = normalizeText(p.make(n)).text;
      return { text, analysis: analyze(text), length: text.length };
    };
    const small = prepare(p.n);
    const large = prepare(4 * p.n);
    let annotations = 0;
    const roundTrip = (x: typeof small) => {
      const anns = annotationsFromAnalysis(x.analysis);
      // One in ten decided, as in an article under review: decisions carry their context.
      anns.forEach((a, i) => i % 10 === 0 && (a.status = 'accepted'));
      const src = serializeSidecar(buildSidecar('a.txt', x.analysis, anns));
      const back = loadSidecar(src, x.text);
      annotations = back.annotations.length;
      return back;
    };
    // The round trip allocates much (ids, YAML text, parsed records): at 15 ms a measurement, whether
    // a collection fell inside it swung "shared surname" between ×2.7 and ×6.6 for 4n. Measurements
    // of 60 ms or more each hold their share of collections: ×3.8–×5.0 in 13 runs here.
    const s = measureScalingSteady(small, large, (x) => x.length, roundTrip, { minMs: 60 });
    if (process.env.SCALING_VERBOSE) console.log(`sidecar ${name}: ${describeScaling(s)}, ${annotations} annotations at 4n`);
    assert.ok(annotations > 100, `the input makes many annotations (${annotations})`);
    assert.ok(s.ratio <= MAX_RATIO, `the annotation file of ${name} grows faster than its input: ${describeScaling(s)}`);
  });
}
