// Hostile text never turns into links, images, HTML or icons; trusted hover parts never contain it.
//
// Generated hostile strings (command links, autolinks, images, raw HTML, entities, fences, icons,
// bidi and zero-width characters, nested brackets and backslashes, arbitrary code units) are placed
// as article text, entity names and aliases, roles, quotes, speakers, cues, notes, figure units and
// values, registry names, descriptions and links, and file names. Every hover part is rendered by a
// CommonMark renderer with linkify and raw HTML on (stricter than VS Code, which disables HTML):
//   untrusted parts — only our own formatting tags, no <a>, <img> or any other element, and the
//     hostile text shown literally;
//   trusted parts — no hostile text at all (not even percent-encoded), only links to enabled
//     commands whose arguments pass the handlers' validators.
// The Topics tree's labels are checked to be one-line plain text with invisible characters revealed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { analyze } from '../../src/core/analyze';
import { parseEntityArg, parseRevealArg, parseTargetArg } from '../../src/core/commandArgs';
import { HOVER_ACTIONS, hoverCards, renderHover, type EntityFacts, type HoverAction, type HoverPart } from '../../src/core/hover';
import { escapeMarkdown, hasInvisible, iconSafeLabel, parseCommandHref, plainLabel } from '../../src/core/markdown';
import { annotationsFromAnalysis } from '../../src/core/sidecar/model';
import { buildTopicTree, flattenTree } from '../../src/core/topicTree';
import type { Analysis, EntityMention, Figure, Quote } from '../../src/core/types';

const md = new MarkdownIt({ html: true, linkify: true });

/** Every generated input starts with this, so its presence can be tracked through rendering. */
const MARK = 'Zq9Xtaint';

const PAYLOADS = [
  '[Run](command:workbench.action.terminal.new)',
  '[x](command:newsAnnotator.acceptAnnotation?%5B%7B%22doc%22%3A%22d0%22%7D%5D)',
  '<command:x?y>',
  '<https://evil.example/p>',
  'https://evil.example/a?b=c',
  'www.evil.example',
  'evil.example/path',
  'mail@evil.example',
  'mailto:mail@evil.example',
  '![x](https://tracker.example/p.png)',
  '![x][ref]\n\n[ref]: https://tracker.example/p.png',
  '[x][ref]\n[ref]: command:x',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="command:x">x</a>',
  '<details open ontoggle=alert(1)>',
  '<!-- comment -->',
  '<style>*{display:none}</style>',
  '<svg/onload=alert(1)>',
  '```\ncode\n```',
  '~~~js\nx\n~~~',
  '`code`',
  '$(zap)',
  '$(loading~spin)',
  '&#106;avascript:alert(1)',
  '&lt;script&gt;',
  '&amp;',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '[[x]](y)',
  '[x](<command:y>)',
  '[x](command:y "title")',
  '\\[x\\](command:y)',
  '\\\\',
  '](command:x)',
  '# heading',
  '> quote',
  '- list',
  '1. list',
  '---',
  '| a | b |\n|---|---|\n| c | d |',
  '    indented code',
  '\n\n\n',
  '*em* _u_ **b** ~~s~~',
  '\u202eevil\u202c',
  '\u2066isolated\u2069',
  'zero\u200bwidth\u200d',
  '\ufeffbom',
  '\u{e0041}\u{e0042}tag-smuggled',
  '%5Bx%5D(command%3Ay)',
  '\u0000nul\u0007bell\u001b[31m',
  '\u2028line\u2029para',
];
const PIECES = [
  ...'[]()<>!`*_~\\$&#;:/.@|{}="\' \n\t',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\u{e0000}',
  '\u{e0001}',
  '\u{e007f}',
  '\u2065',
  '\ufff9',
  '\u034f',
  '\u00ad',
  'command:',
  'https://',
  'www.',
  '$(',
  '](',
  '<img',
  '&#',
];

const hostile: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
    {
      weight: 4,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), {
          minLength: 1,
          maxLength: 8,
        })
        .map((a) => a.join('')),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  )
  .map((s) => MARK + s);

const COMMANDS = Object.fromEntries(HOVER_ACTIONS.map((a) => [a, `newsAnnotator.fuzz.${a}`])) as Record<HoverAction, string>;
const ALLOWED_UNTRUSTED_TAGS = new Set(['p', 'strong', 'em', 'br']);
const EM_LABELS = new Set(['Registry:', 'Your note:']);
const ACTION_LABELS =
  /^(Accept|Reject|Change type|All mentions|Go to speaker|\d+ other articles?|Describe|Edit description|Wikidata|Wikipedia|Website)$/;

let iterations = 0;

/** Bidi controls, zero-width characters, BOM and tag characters, listed independently of the code under test. */
const INVISIBLE_CHECK = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff0-\ufffb\u{e0000}-\u{e0fff}]/u;

/** All HTML tag names in rendered output. */
function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The checks every hover must pass, whatever it was built from. */
function checkParts(parts: readonly HoverPart[]): void {
  for (const p of parts) {
    assert.ok(!INVISIBLE_CHECK.test(p.markdown), 'no invisible or bidi characters survive');
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/.test(p.markdown), 'no control characters');
    for (const line of p.markdown.split('  \n')) assert.ok(!line.includes('\n'), 'no line breaks of their own: nothing can start a block');
    const html = md.render(p.markdown);
    if (!p.trusted) {
      assert.equal(p.enabledCommands.length, 0);
      if (p.role === 'header') assert.ok(!p.markdown.includes(MARK), 'headers are our vocabulary only');
      else assert.equal(p.themeIcons, false, 'no theme icons where input text is');
      for (const t of tags(html)) assert.ok(ALLOWED_UNTRUSTED_TAGS.has(t), `unexpected <${t}> in ${JSON.stringify(p.markdown)}\n→ ${html}`);
      assert.equal((html.match(/<p>/g) ?? []).length, 1, `one paragraph: nothing starts a block of its own\n→ ${html}`);
      assert.ok(!/<[a-z][^>]*\s[a-z-]+=/i.test(html), `no attributes: ${html}`);
      for (const m of html.matchAll(/<em>(.*?)<\/em>/g)) assert.ok(EM_LABELS.has(m[1]!), `emphasis only from our template: ${m[1]}`);
      if (p.role === 'header') assert.ok(p.themeIcons);
    } else {
      assert.equal(p.role, 'actions');
      const both = [p.markdown, safeDecode(p.markdown), safeDecode(safeDecode(p.markdown))];
      for (const v of both) assert.ok(!v.toLowerCase().includes(MARK.toLowerCase()), `input text in a trusted part: ${p.markdown}`);
      for (const t of tags(html)) assert.ok(['p', 'a', 'br'].includes(t), `<${t}> in a trusted part`);
      const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)];
      assert.equal(links.length, (html.match(/<a /g) ?? []).length);
      assert.ok(links.length > 0);
      for (const [, href, label] of links) {
        const c = parseCommandHref(decodeEntities(href!));
        assert.ok(c, `a command link: ${href}`);
        assert.ok(p.enabledCommands.includes(c!.command), `${c!.command} is enabled`);
        assert.ok(ACTION_LABELS.test(label!.replace(/^\$\([a-z-]+\) /, '')), `label from our vocabulary: ${label}`);
        const args = c!.args as unknown[];
        assert.equal(args.length, 1);
        assert.ok(
          parseTargetArg(args[0]) || parseEntityArg(args[0]) || parseRevealArg(args[0]),
          `arguments pass the validators: ${JSON.stringify(args)}`,
        );
      }
    }
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function render(analysis: Analysis, anns: ReturnType<typeof annotationsFromAnalysis>, offset: number, facts?: EntityFacts): HoverPart[] {
  const cards = hoverCards(analysis, anns, offset, facts ? { entity: () => facts } : {});
  return renderHover(cards, { doc: 'd00112233aabbccdd', entityRef: () => 'n00112233aabbccdd', commands: COMMANDS });
}

test('escaped text renders literally: no element, no link, nothing dropped (property)', () => {
  fc.assert(
    fc.property(hostile, (s) => {
      iterations++;
      const html = md.render(escapeMarkdown(s, 10000));
      assert.deepEqual(
        [...new Set(tags(html))].filter((t) => t !== 'p'),
        [],
        html,
      );
      const text = decodeEntities(html.replace(/<\/?p>\n?/g, ''));
      assert.equal(text.trim(), plainLabel(s, 10000).trim() === '' ? '' : plainLabel(s, 10000));
      assert.ok(!iconSafeLabel(s).includes('$('));
    }),
    { numRuns: 3000 },
  );
});

interface World {
  name: string;
  alias: string;
  role: string;
  quote: string;
  speaker: string;
  cue: string;
  note: string;
  unit: string;
  dateValue: string;
  dateNote: string;
  rule: string;
  section: string;
  subject: string;
  regName: string;
  desc: string;
  linkKey: string;
  linkValue: string;
  file1: string;
  file2: string;
}

/** An analysis (and sidecar-like annotations) whose every text field is hostile. */
function hostileArticle(w: World): { analysis: Analysis; anns: ReturnType<typeof annotationsFromAnalysis> } {
  const parts: string[] = [];
  const place = (s: string) => {
    const start = parts.join('').length;
    parts.push(s);
    parts.push(' ¶ ');
    return { start, end: start + s.length };
  };
  const nameSpan = place(w.name);
  const aliasSpan = place(w.alias);
  const quoteSpan = place(`“${w.quote}”`);
  const cueSpan = place(w.cue);
  const speakerSpan = place(w.speaker);
  const moneySpan = place(`£40m ${w.unit}`);
  const dateSpan = place(`on ${w.dateNote}`);
  const text = parts.join('');
  const mention = (s: { start: number; end: number }): EntityMention => ({
    ...s,
    type: 'PER',
    text: text.slice(s.start, s.end),
    confidence: 0.7,
    entityId: 'PER:x',
    origin: 'model',
  });
  const figures: Figure[] = [
    { ...moneySpan, kind: 'money', text: text.slice(moneySpan.start, moneySpan.end), value: 4e7, unit: w.unit },
    {
      ...dateSpan,
      kind: 'date',
      text: text.slice(dateSpan.start, dateSpan.end),
      value: w.dateValue,
      unit: null,
      resolution: 'article-date',
      note: w.dateNote,
    },
  ];
  const quote: Quote = {
    ...quoteSpan,
    text: text.slice(quoteSpan.start, quoteSpan.end),
    kind: 'direct',
    speaker: { ...speakerSpan, name: w.speaker, entityIds: ['PER:x'] },
    confidence: 0.9,
    rule: w.rule,
    cue: { ...cueSpan, text: w.cue },
  };
  const analysis: Analysis = {
    text,
    entities: [mention(nameSpan), mention(aliasSpan)],
    entityGroups: [{ id: 'PER:x', type: 'PER', canonical: w.name, aliases: [w.alias], roles: [w.role, w.role], mentions: [0, 1] }],
    figures,
    figureRelations: [],
    quotes: [quote],
    subjects: [{ code: 'medtop:11000000', label: w.subject, score: 1 }],
    sections: [
      {
        id: 's0',
        label: w.section,
        role: 'headline',
        start: 0,
        end: text.length,
        subject: { code: 'x', label: w.subject, score: 1 },
        keyphrases: [w.role],
      },
    ],
    articleDate: { value: w.dateValue, source: 'dateline' },
  };
  const anns = annotationsFromAnalysis(analysis);
  for (const a of anns) {
    a.note = w.note;
    if (a.kind === 'figure') a.value = a.type === 'date' ? w.dateValue : a.value;
  }
  return { analysis, anns };
}

const world: fc.Arbitrary<World> = fc.record({
  name: hostile,
  alias: hostile,
  role: hostile,
  quote: hostile,
  speaker: hostile,
  cue: hostile,
  note: hostile,
  unit: hostile,
  dateValue: hostile,
  dateNote: hostile,
  rule: hostile,
  section: hostile,
  subject: hostile,
  regName: hostile,
  desc: hostile,
  linkKey: hostile,
  linkValue: hostile,
  file1: hostile,
  file2: hostile,
});

test('hovers over hostile names, quotes, figures, notes, registry entries and file names (property)', () => {
  fc.assert(
    fc.property(world, fc.boolean(), (w, sidecarOnly) => {
      iterations++;
      const { analysis, anns } = hostileArticle(w);
      const facts: EntityFacts = {
        registry: {
          name: w.regName,
          description: w.desc,
          aliases: [w.alias],
          links: { wikidata: w.linkValue, website: w.linkValue, [w.linkKey]: w.linkValue },
        },
        otherArticles: { count: 7, sample: [w.file1, w.file2] },
      };
      let seen = 0;
      for (const a of anns) {
        for (const off of [a.start, (a.start + a.end) >> 1]) {
          const parts = render(
            sidecarOnly ? ({ ...analysis, entities: [], entityGroups: [], figures: [], quotes: [] } as Analysis) : analysis,
            anns,
            off,
            facts,
          );
          checkParts(parts);
          seen += parts.length;
          // What the user wrote is shown (escaped), not dropped: the entity card names the entity.
          if (a.kind === 'entity') assert.ok(parts.some((p) => p.role === 'body' && md.render(p.markdown).includes(MARK)));
        }
      }
      assert.ok(seen > 0);
    }),
    { numRuns: 400 },
  );
});

test('hovers over a real analysis of hostile article text (property)', () => {
  const sentence = fc
    .tuple(hostile, hostile, hostile)
    .map(([a, b, c]) => `President Fiona McLeod said "${a}" on Tuesday, and ${b} paid £40m to Glenmouth Council. ${c}\n\n`);
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), (ss) => {
      iterations++;
      const text = 'Headline ' + ss.join('');
      const analysis = analyze(text);
      const anns = annotationsFromAnalysis(analysis);
      for (const a of anns) checkParts(render(analysis, anns, a.start, { otherArticles: { count: 1, sample: [ss[0]!] } }));
      for (const n of flattenTree(buildTopicTree(analysis, anns))) checkLabel(n);
    }),
    { numRuns: 150 },
  );
});

function checkLabel(n: { label: string; description: string; tooltip: string }): void {
  for (const s of [n.label, n.description, n.tooltip]) {
    assert.ok(!INVISIBLE_CHECK.test(s) && !hasInvisible(s), `invisible characters revealed: ${JSON.stringify(s)}`);
    assert.ok(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s), 'one line, no control characters');
    assert.ok(s.length <= 300);
  }
}

test('Topics tree labels are plain one-line text with invisible characters revealed (property)', () => {
  fc.assert(
    fc.property(world, (w) => {
      iterations++;
      const { analysis, anns } = hostileArticle(w);
      const nodes = flattenTree(buildTopicTree(analysis, anns));
      assert.ok(nodes.length >= 3);
      for (const n of nodes) checkLabel(n);
    }),
    { numRuns: 300 },
  );
  const { analysis, anns } = hostileArticle({
    ...Object.fromEntries(Object.keys({} as World).map((k) => [k, 'x'])),
    name: 'Ali\u202eecilA',
    alias: 'a',
    role: 'r',
    quote: 'q',
    speaker: 's',
    cue: 'c',
    note: 'n',
    unit: 'u',
    dateValue: '2026',
    dateNote: 'd',
    rule: 'r',
    section: 'Sec\u200btion',
    subject: 's',
    regName: 'r',
    desc: 'd',
    linkKey: 'k',
    linkValue: 'v',
    file1: 'f',
    file2: 'g',
  });
  const labels = flattenTree(buildTopicTree(analysis, anns)).map((n) => n.label);
  assert.ok(labels.includes('Ali⟦U+202E⟧ecilA'), labels.join(' | '));
  assert.ok(labels.includes('Sec⟦U+200B⟧tion'));
});

test('command argument validators accept only our shapes (property)', () => {
  assert.deepEqual(parseTargetArg({ doc: 'd0123456789abcdef', id: 'e0123456789' }), { doc: 'd0123456789abcdef', id: 'e0123456789' });
  assert.deepEqual(parseTargetArg({ uri: 'file:///a.txt', id: 'e0123456789' }), { doc: 'file:///a.txt', id: 'e0123456789' });
  assert.equal(parseTargetArg({ doc: 'd0123456789abcdef', id: 'e0123456789', extra: 1 }), null);
  assert.deepEqual(
    parseTargetArg({ uri: 'file:///a.txt', id: 'e0123456789', start: 5 }),
    { doc: 'file:///a.txt', id: 'e0123456789' },
    'the re-attach quick fix adds a start',
  );
  assert.equal(parseTargetArg({ doc: 'd0123456789abcdef', uri: 'file:///a', id: 'e0123456789' }), null);
  assert.equal(parseTargetArg({ doc: '../../etc/passwd', id: 'e0123456789' }), null);
  assert.equal(parseTargetArg({ uri: 'x'.repeat(5000), id: 'e0123456789' }), null);
  assert.equal(parseTargetArg(JSON.parse('{"__proto__": {"x": 1}, "doc": "d0123456789abcdef", "id": "e0"}')), null);
  assert.equal(parseTargetArg([{ doc: 'd0123456789abcdef', id: 'e0' }]), null);
  assert.deepEqual(parseEntityArg({ entity: 'n0123456789abcdef', link: 'wikidata' }), { entity: 'n0123456789abcdef', link: 'wikidata' });
  assert.equal(parseEntityArg({ entity: 'n0123456789abcdef', link: 'javascript' }), null);
  assert.equal(parseEntityArg({ entity: 'Donald Trump' }), null);
  assert.deepEqual(parseRevealArg({ doc: 'd0123456789abcdef', start: 1, end: 4 }), { doc: 'd0123456789abcdef', start: 1, end: 4 });
  for (const bad of [
    { start: -1, end: 2 },
    { start: 3, end: 2 },
    { start: 1.5, end: 2 },
    { start: '1', end: 2 },
    { start: 1, end: 2 ** 60 },
  ])
    assert.equal(parseRevealArg({ doc: 'd0123456789abcdef', ...bad }), null);
  fc.assert(
    fc.property(fc.anything(), (x) => {
      iterations++;
      const t = parseTargetArg(x);
      if (t) assert.ok(/^(d[0-9a-f]{16}|[a-z][a-z0-9+.-]*:.*)$/is.test(t.doc) && /^[a-z][a-z0-9-]{0,63}$/.test(t.id));
      const e = parseEntityArg(x);
      if (e) assert.match(e.entity, /^n[0-9a-f]{16}$/);
      const r = parseRevealArg(x);
      if (r) assert.ok(r.start >= 0 && r.end >= r.start);
    }),
    { numRuns: 2000 },
  );
});

test('fuzz iterations', () => {
  // Reported in the issue note; the properties above ran this many generated cases.
  assert.ok(iterations >= 5000, String(iterations));
  console.log(`security fuzz: ${iterations} generated cases`);
});

test('regression: a name with nothing visible left after escaping does not render as a rule (found by the fuzz test)', () => {
  const ss = [
    'President Fiona McLeod said "Zq9Xtaint[Run](command:workbench.action.terminal.new)" on Tuesday, ' +
      'and Zq9Xtaint[V\u0000nul\u0007bell\u001b[31m[Run](command:workbench.action.terminal.new) paid £40m ' +
      'to Glenmouth Council. Zq9Xtaint\n\n',
    'President Fiona McLeod said "Zq9Xtaint[Run](command:workbench.action.terminal.new)" on Tuesday, ' +
      'and Zq9Xtaint[Run](command:workbench.action.terminal.new) paid £40m to Glenmouth Council. ' +
      'Zq9Xtaint[Run](command:workbench.action.terminal.new)\n\n',
  ];
  const text = 'Headline ' + ss.join('');
  const analysis = analyze(text);
  const anns = annotationsFromAnalysis(analysis);
  assert.ok(anns.length > 0);
  for (const a of anns) checkParts(render(analysis, anns, a.start, { otherArticles: { count: 1, sample: [ss[0]!] } }));
  assert.doesNotMatch(
    md.render(
      renderHover(
        hoverCards(
          null,
          [
            {
              id: 'e0000000000',
              kind: 'entity',
              type: 'PER',
              start: 0,
              end: 1,
              text: '\u0007',
              prefix: '',
              suffix: '',
              status: 'suggested',
              origin: 'model',
              anchor: 'ok',
            },
          ],
          0,
        ),
        { doc: 'd00112233aabbccdd', entityRef: () => 'n00112233aabbccdd', commands: COMMANDS },
      )
        .map((p) => p.markdown)
        .join('\n\n'),
    ),
    /<hr/,
  );
});
