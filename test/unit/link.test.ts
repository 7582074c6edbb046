// Name linking on hand-made mention lists (independent of the tagger), then end to end.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { entityId, linkEntities } from '../../src/core/entities/link';
import type { RecognizedMention } from '../../src/core/ner';
import { analyze } from '../../src/core/analyze';
import type { EntityType } from '../../src/core/types';

/** Mentions of the given surface forms, in order of appearance. */
function mentionsOf(text: string, spec: [string, EntityType][]): RecognizedMention[] {
  let from = 0;
  return spec.map(([s, type]) => {
    const start = text.indexOf(s, from);
    assert.ok(start >= 0, s);
    from = start + s.length;
    return { start, end: start + s.length, type, confidence: 0.9, origin: 'model' as const };
  });
}

function groupOf(r: ReturnType<typeof linkEntities>, surface: string) {
  const i = r.mentions.findIndex((m) => m.text === surface);
  assert.ok(i >= 0, surface);
  return r.groups.find((g) => g.id === r.mentions[i]!.entityId)!;
}

describe('linkEntities', () => {
  test('partial names of people link to the full name; roles before the name are kept', () => {
    const text =
      'U.S. President Donald Trump called Chinese President Xi Jinping. President Trump said Xi agreed; Trump’s aides were pleased.';
    const r = linkEntities(
      text,
      mentionsOf(text, [
        ['U.S.', 'LOC'],
        ['Donald Trump', 'PER'],
        ['Chinese', 'MISC'],
        ['Xi Jinping', 'PER'],
        ['Trump', 'PER'],
        ['Xi', 'PER'],
        ['Trump', 'PER'],
      ]),
    );
    const trump = groupOf(r, 'Donald Trump');
    assert.equal(trump.canonical, 'Donald Trump');
    assert.equal(trump.mentions.length, 3);
    assert.deepEqual(trump.aliases, ['Trump']);
    assert.ok(trump.roles.includes('U.S. President'), trump.roles.join('; '));
    assert.ok(trump.roles.includes('President'), trump.roles.join('; '));
    const xi = groupOf(r, 'Xi');
    assert.equal(xi.canonical, 'Xi Jinping');
    assert.equal(xi.id, entityId('PER', 'Xi Jinping'));
    assert.ok(xi.roles.includes('Chinese President'), xi.roles.join('; '));
    // Every mention has its group's id.
    for (const g of r.groups) for (const i of g.mentions) assert.equal(r.mentions[i]!.entityId, g.id);
  });

  test('the nearest earlier full name wins when a surname is shared', () => {
    const text = 'Joe Smith arrived. Later Anna Smith spoke, and Smith left.';
    const r = linkEntities(
      text,
      mentionsOf(text, [
        ['Joe Smith', 'PER'],
        ['Anna Smith', 'PER'],
        ['Smith', 'PER'],
      ]),
    );
    assert.equal(groupOf(r, 'Smith').canonical, 'Anna Smith');
  });

  test('aliases of places and organisations', () => {
    const text = 'The U.S. and the US Senate; the United States and America; the UK and Britain; the EU and the European Union.';
    const r = linkEntities(
      text,
      mentionsOf(text, [
        ['U.S.', 'LOC'],
        ['US', 'LOC'],
        ['United States', 'LOC'],
        ['America', 'LOC'],
        ['UK', 'LOC'],
        ['Britain', 'LOC'],
        ['EU', 'ORG'],
        ['European Union', 'ORG'],
      ]),
    );
    const us = groupOf(r, 'U.S.');
    assert.equal(us.canonical, 'United States');
    assert.equal(us.mentions.length, 4);
    assert.equal(groupOf(r, 'Britain').canonical, 'United Kingdom');
    assert.equal(groupOf(r, 'EU').id, groupOf(r, 'European Union').id);
    // A line-final "U.S" (the period split off, CoNLL-style) is the same place.
    const t2 = 'Talks with the U.S';
    const r2 = linkEntities(t2, mentionsOf(t2, [['U.S', 'LOC']]));
    assert.equal(r2.groups[0]!.canonical, 'United States');
  });

  test('acronyms link to the spelled-out organisation in the same article', () => {
    const text = 'The World Health Organization warned on Monday. WHO officials said more.';
    const r = linkEntities(
      text,
      mentionsOf(text, [
        ['World Health Organization', 'ORG'],
        ['WHO', 'ORG'],
      ]),
    );
    assert.equal(groupOf(r, 'WHO').canonical, 'World Health Organization');
    const t2 = 'The Kenya Wildlife Service said KWS rangers helped.';
    const r2 = linkEntities(
      t2,
      mentionsOf(t2, [
        ['Kenya Wildlife Service', 'ORG'],
        ['KWS', 'ORG'],
      ]),
    );
    assert.equal(groupOf(r2, 'KWS').canonical, 'Kenya Wildlife Service');
  });

  test('appositions give roles; clauses and lists do not', () => {
    const text =
      'Vladimir Putin, Russia’s president, met Recep Tayyip Erdogan, who said little, and Sergei Lavrov, ' +
      'the foreign minister. Putin, Xi and Modi posed.';
    const r = linkEntities(
      text,
      mentionsOf(text, [
        ['Vladimir Putin', 'PER'],
        ['Recep Tayyip Erdogan', 'PER'],
        ['Sergei Lavrov', 'PER'],
        ['Putin', 'PER'],
        ['Xi', 'PER'],
        ['Modi', 'PER'],
      ]),
    );
    assert.deepEqual(groupOf(r, 'Vladimir Putin').roles, ['Russia’s president']);
    assert.deepEqual(groupOf(r, 'Recep Tayyip Erdogan').roles, []);
    assert.deepEqual(groupOf(r, 'Sergei Lavrov').roles, ['foreign minister']);
  });

  test('a shadow minister’s role keeps the word that makes it another office', () => {
    const text = 'Tory shadow chancellor Lena Berg spoke after Chancellor Tom Okafor.';
    const r = linkEntities(
      text,
      mentionsOf(text, [
        ['Lena Berg', 'PER'],
        ['Tom Okafor', 'PER'],
      ]),
    );
    assert.deepEqual(groupOf(r, 'Lena Berg').roles, ['shadow chancellor']);
    assert.deepEqual(groupOf(r, 'Tom Okafor').roles, ['Chancellor']);
  });

  test('a lexicon canonical name is used as given', () => {
    const text = 'Ms Liz spoke.';
    const r = linkEntities(text, [{ start: 3, end: 6, type: 'PER', confidence: 1, origin: 'lexicon', canonical: 'Elizabeth Example' }]);
    assert.equal(r.groups[0]!.canonical, 'Elizabeth Example');
    assert.deepEqual(r.groups[0]!.aliases, ['Liz']);
  });

  test('groups come in order of first mention and types never merge', () => {
    const text = 'Jordan beat Jordan.';
    const r = linkEntities(
      text,
      mentionsOf(text, [
        ['Jordan', 'LOC'],
        ['Jordan', 'PER'],
      ]),
    );
    assert.equal(r.groups.length, 2);
    assert.equal(r.groups[0]!.type, 'LOC');
  });
});

/**
 * The linking rules for partial names, written out plainly (every name compared with every other):
 * what the indexed implementation must reproduce exactly.
 */
function plainCanonicals(text: string, found: readonly RecognizedMention[]): string[] {
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const forms = found.map((m) =>
    text
      .slice(m.start, m.end)
      .replace(/[’']s?$/u, '')
      .trim(),
  );
  const out = forms.slice();
  const personStarts = new Map<string, number[]>();
  found.forEach((m, i) => {
    if (m.type === 'PER') personStarts.set(forms[i]!, [...(personStarts.get(forms[i]!) ?? []), m.start]);
  });
  found.forEach((m, i) => {
    const w = words(forms[i]!);
    if (!w.length) return;
    if (m.type === 'PER') {
      let best: string | null = null;
      let bestScore = -Infinity;
      for (const [g, starts] of personStarts) {
        const cw = words(g);
        if (cw.length <= w.length) continue;
        const tail = cw.slice(-w.length).join(' ') === w.join(' ');
        if (!tail && !(w.length === 1 && cw[0] === w[0])) continue;
        const before = starts.filter((s) => s <= m.start).pop();
        const after = starts.find((s) => s > m.start)!;
        const score = (tail ? 1000 : 0) + cw.length * 10 - (before !== undefined ? (m.start - before) / 1e6 : 5 + (after - m.start) / 1e6);
        if (score > bestScore) [best, bestScore] = [g, score];
      }
      if (best) out[i] = best;
    } else if (m.type === 'ORG' && !/^\p{Lu}{2,6}$/u.test(forms[i]!)) {
      let pick: string | null = null;
      for (const [j, o] of found.entries()) {
        const cw = words(forms[j]!);
        if (
          o.type === 'ORG' &&
          cw.length > w.length &&
          cw.slice(-w.length).join(' ') === w.join(' ') &&
          (!pick || cw.length > words(pick).length)
        )
          pick = forms[j]!;
      }
      if (pick) out[i] = pick;
    }
  });
  return out;
}

describe('linkEntities: partial names', () => {
  // (Scores never tie here: mention starts are distinct, and a before/after tie would need mentions
  // five million characters apart.)
  test('link as the plain rule says, on random mixes of full, partial and shared names', () => {
    const NAMES = [
      'Xi',
      'Xi Jinping',
      'Jinping',
      'Trump',
      'Donald Trump',
      'Melania Trump',
      'Donald J Trump',
      'J Trump',
      'Trump Tower',
      'Ann Lee',
      'Lee',
      'Bo Lee',
      'Ann',
      'Ann Bo Lee',
      'Lee Ann',
    ];
    const ORGS = ['Bank', 'World Bank', 'Central Bank', 'European Central Bank', 'Bank of England', 'England'];
    const piece = fc.oneof(
      fc.constantFrom(...NAMES).map((n) => [n, 'PER'] as const),
      fc.constantFrom(...ORGS).map((n) => [n, 'ORG'] as const),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(40), { minLength: 40, maxLength: 40 }),
        (spec, gaps) => {
          let text = '';
          const found: RecognizedMention[] = [];
          spec.forEach(([name, type], i) => {
            text += 'x'.repeat(gaps[i]!) + ' ';
            found.push({ start: text.length, end: text.length + name.length, type, confidence: 0.9, origin: 'model' });
            text += name + ' said.';
          });
          const r = linkEntities(text, found);
          const want = plainCanonicals(text, found);
          assert.deepEqual(
            r.mentions.map((m) => m.entityId),
            found.map((m, i) => entityId(m.type, want[i]!)),
          );
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe('linkEntities: a run of names tagged as one very long name', () => {
  test('is not given to the short mentions around it (their records would repeat it each time)', () => {
    const long = 'Xi '.repeat(400).trim(); // 1,199 characters, one "name"
    const text = `${long} said. Xi said. Xi Jinping said. Xi said.`;
    const r = linkEntities(
      text,
      mentionsOf(text, [
        [long, 'PER'],
        ['Xi', 'PER'],
        ['Xi Jinping', 'PER'],
        ['Xi', 'PER'],
      ]),
    );
    assert.deepEqual(
      r.mentions.map((m) => r.groups.find((g) => g.id === m.entityId)!.canonical.length),
      [long.length, 10, 10, 10],
    );
    // The same for organisations and acronyms: `Bank` does not become a 1,600-character name.
    const org = 'Alpha Beta '.repeat(150) + 'Bank';
    const t2 = `${org} said. The Bank said. AB said.`;
    const r2 = linkEntities(
      t2,
      mentionsOf(t2, [
        [org, 'ORG'],
        ['Bank', 'ORG'],
        ['AB', 'ORG'],
      ]),
    );
    assert.deepEqual(
      r2.mentions.slice(1).map((m) => m.entityId),
      ['ORG:Bank', 'ORG:AB'],
    );
  });
});

describe('analyze: entities end to end', () => {
  test('one referent per person and place, with roles for the hover', () => {
    const text =
      'U.S. President Donald Trump held a call with Chinese President Xi Jinping on Wednesday.\n\nTrump ' +
      'said Xi agreed to buy more U.S. soybeans. The United States and China will meet again.';
    const a = analyze(text);
    const byName = (n: string) => a.entityGroups.find((g) => g.canonical === n);
    assert.equal(byName('Donald Trump')?.mentions.length, 2);
    assert.equal(byName('Xi Jinping')?.mentions.length, 2);
    assert.ok(byName('Donald Trump')!.roles.includes('U.S. President'));
    assert.ok(byName('Xi Jinping')!.roles.includes('Chinese President'));
    assert.equal(byName('United States')?.mentions.length, 3);
  });
});
