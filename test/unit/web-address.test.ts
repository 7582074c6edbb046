// Web addresses are not prose (src/core/webAddress.ts): nothing inside a URL is a name or a topic
// keyphrase, host names written as words are no keyphrases, and a source line that is only a URL
// (a clipped article's first line) is neither a section nor a headline. Invented text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { recognizeEntities } from '../../src/core/ner';
import { inUrl, isHostName, isUrlRun } from '../../src/core/webAddress';

test('what a URL is: a scheme, www. or a host name and a path', () => {
  for (const run of [
    'https://example.com/news/Kenya-signs-deal',
    'www.example.org',
    'pic.twitter.com/x1Y2zQ',
    'bbc.co.uk/news',
    '<a href="http://x.org">',
  ])
    assert.ok(isUrlRun(run), run);
  for (const run of ['and/or', 'U.S./Mexico', 'U.S/Mexico', '24/7', 'Kenya-based', 'example.com', '1/2']) assert.ok(!isUrlRun(run), run);
  for (const word of ['breitbart.com', 't.co', 'bbc.co.uk', 'Factcheck.org']) assert.ok(isHostName(word), word);
  for (const word of ['U.S', 'e.g', 'Ph.D', 'a.m', 'No.10', 'Mr']) assert.ok(!isHostName(word), word);
  const text = 'See pic.twitter.com/AbcDef and https://example.com/Nairobi-Talks today.';
  assert.ok(inUrl(text, text.indexOf('AbcDef'), text.indexOf('AbcDef') + 6));
  assert.ok(!inUrl(text, text.indexOf('today'), text.indexOf('today') + 5));
});

test('nothing in the path of a URL without a scheme is a name', () => {
  const names = (text: string) => recognizeEntities(text).map((m) => text.slice(m.start, m.end));
  assert.deepEqual(names('Amina Yusuf posted a photo, pic.twitter.com/Kenya, on Monday.'), ['Amina Yusuf']);
  assert.deepEqual(names('More at bbc.co.uk/news/world/Kenya/Nairobi.'), []);
  assert.deepEqual(names('Amina Yusuf flew from Kenya to Nigeria.'), ['Amina Yusuf', 'Kenya', 'Nigeria']);
});

const CLIPPED =
  'https://www.example-news.net/africa/2026/06/12/solar-plant-opens-in-kisumu-1234567\n\n' +
  'The county government of Kisumu opened a solar plant on Friday that will power 12,000 homes, ' +
  'officials said. The plant cost 2.1 billion shillings and was built in eighteen months.\n\n' +
  'Engineers said the panels would be cleaned by robots. Follow the project at www.kisumu-solar.example.org ' +
  'or pic.twitter.com/SolarKisumu and see https://t.co/aB3dE for the launch video.\n\n' +
  'Residents welcomed the plant but asked for lower tariffs, saying electricity prices had doubled since 2024.';

test('a source line that is only a URL is no section, and no label reads a web address', () => {
  const { sections } = analyze(CLIPPED);
  assert.ok(sections.length >= 1);
  assert.equal(sections[0]!.start, 0, 'the URL line goes with the section after it');
  assert.ok(!sections.some((s) => s.role === 'headline'), JSON.stringify(sections.map((s) => s.label)));
  for (const s of sections) {
    assert.ok(!/https?|www|t\.co|twitter|example|SolarKisumu|aB3dE/i.test(s.label), s.label);
    for (const k of s.keyphrases) assert.ok(!/https?|www|t\.co|twitter|example|aB3dE/i.test(k), k);
  }
});

test('a clipped article with its source URL, then a title: the title is the headline and the URL goes with it', () => {
  const text =
    'https://www.example-news.net/africa/2026/06/12/solar-plant-opens-in-kisumu-1234567\n\n' +
    'Kisumu opens its first solar plant\n\n' +
    CLIPPED.slice(CLIPPED.indexOf('The county'));
  const { sections } = analyze(text);
  assert.equal(sections[0]!.role, 'headline');
  assert.equal(sections[0]!.label, 'Kisumu opens its first solar plant');
  assert.equal(sections[0]!.start, 0);
  for (let k = 1; k < sections.length; k++) assert.ok(sections[k]!.start >= sections[k - 1]!.end, 'sections in order, not overlapping');
});

test('a byline after the source URL is no headline', () => {
  for (const byline of ['By Ama Mensah', 'AMA MENSAH']) {
    const text =
      'https://www.example-news.net/ghana/2026/06/12/market-fire-1234567\n\n' +
      byline +
      '\n\n' +
      CLIPPED.slice(CLIPPED.indexOf('The county'));
    const { sections } = analyze(text);
    assert.ok(!sections.some((s) => s.role === 'headline'), `${byline}: ${JSON.stringify(sections.map((s) => s.label))}`);
    assert.equal(sections[0]!.start, 0);
  }
});
