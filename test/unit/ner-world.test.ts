// Names on world news (issue 16): misses and wrong spans the tagger made on non-Western newswire,
// rebuilt as invented sentences (no corpus text). Titles stay outside person names, organisation
// names never end with a connecting word, and names from African, South Asian, South-East Asian,
// Arab and Latin American copy are found with their type.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recognizeEntities } from '../../src/core/ner';

function tagged(text: string): string[] {
  return recognizeEntities(text).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);
}

function has(text: string, ...want: string[]): void {
  const got = tagged(text);
  for (const w of want) assert.ok(got.includes(w), `${w} in ${JSON.stringify(got)}`);
}

test('a title before a person is not part of the name', () => {
  has('Madam Abena Owusu-Mensah opened the new clinic on Monday.', 'PER:Abena Owusu-Mensah');
  has('Lt Gen Rakesh Varma reviewed the troops before the parade.', 'PER:Rakesh Varma');
  has('Thousands gathered in the square as Pope Francis spoke.', 'PER:Francis');
  has('Alhaji Musa Danladi, a grain trader, said prices had doubled since May.', 'PER:Musa Danladi');
});

test('an organisation name never ends with a connecting word', () => {
  for (const text of [
    'The Reserve Bank of Malawi raised its policy rate on Thursday.',
    'A spokesman for the National Agency for Road Safety of Benin declined to comment.',
    'She teaches economics at the Universidad de Cartagena and writes a weekly column.',
  ]) {
    const got = tagged(text);
    assert.ok(got.length > 0, text);
    for (const g of got) assert.doesNotMatch(g, /\s(?:of|for|de|and|the)$/, `${g} in ${text}`);
  }
  has('The Reserve Bank of Malawi raised its policy rate on Thursday.', 'ORG:Reserve Bank of Malawi');
});

test('names of many cultures are people, their towns places', () => {
  has('Chiamaka Okonkwo, a nurse in Enugu, said the ward had no power for three days.', 'PER:Chiamaka Okonkwo', 'LOC:Enugu');
  has('Farmers in Mymensingh told Rahima Khatun that the floods had ruined the rice crop.', 'LOC:Mymensingh', 'PER:Rahima Khatun');
  has('Siyabonga Dlamini, who runs a taxi association in Durban, welcomed the ruling.', 'PER:Siyabonga Dlamini', 'LOC:Durban');
  has('Kwabena Asante-Boateng, the district chief executive, visited Tamale on Friday.', 'PER:Kwabena Asante-Boateng', 'LOC:Tamale');
});

test('a known place inside a hyphenated compound is tagged on its own', () => {
  const text = 'The Nairobi-based lender said the Kenya-Uganda pipeline would be finished in 2027.';
  assert.deepEqual(tagged(text), ['LOC:Nairobi', 'LOC:Kenya', 'LOC:Uganda']);
  // a compound the tagger reads as one name stays whole
  has('Talks with Guinea-Bissau resumed in Dakar.', 'LOC:Guinea-Bissau');
});

test('no place is cut out of a longer name or a web address', () => {
  const text = 'The New York-based lender opened an office in the Nairobi-based group’s tower.';
  const got = tagged(text);
  assert.ok(!got.includes('LOC:York'), JSON.stringify(got));
  has(text, 'LOC:Nairobi');
  const page = 'https://www.example.com/news/4750/Kenya-signs-power-deal-with-Uganda\n\nKenya signed the deal on Monday.';
  const url = page.indexOf('\n');
  for (const m of recognizeEntities(page)) assert.ok(m.start > url, `${page.slice(m.start, m.end)} in the address`);
  has(page, 'LOC:Kenya');
});

test('nothing inside a URL is a name, whatever the tagger makes of its words', () => {
  for (const text of [
    'Source: https://www.example.com/news/4750/Kenya-signs-power-deal-with-Uganda\n\nKenya signed the deal.',
    'Read the ruling at https://courts.example.org/judgments/Ana-Melo-v-Porto-Harbour today.',
    'Details are on www.example.org/Kenya-Uganda-Power-Deal and in the annex.',
  ]) {
    const url = /\S*(?:https:\/\/|www\.)\S*/.exec(text)!;
    for (const m of recognizeEntities(text)) {
      assert.ok(m.end <= url.index || m.start >= url.index + url[0].length, `${text.slice(m.start, m.end)} in ${url[0]}`);
    }
  }
  // a slash alone is no URL
  has('Talks on the Kenya/Uganda border resumed in Nairobi.', 'LOC:Nairobi');
});

test('a known company named before a noun is the company; its product keeps MISC', () => {
  // the tagger alone types this Boeing MISC (as it did in the seed article)
  has('Ministers expect to sign agreements on Boeing aircraft deliveries during the visit.', 'ORG:Boeing');
  has('Officials said the deal covers Boeing aircraft and Airbus engines.', 'ORG:Boeing', 'ORG:Airbus');
  has('Airlines in Kenya ordered ten Boeing 737 Max jets last year.', 'MISC:Boeing 737 Max');
});

test('the country of a US$ amount is a place; other dollars name none', () => {
  has('The bridge cost an estimated US$3.6 billion and opened in June.', 'LOC:US');
  has('Revenue reached U.S.$12 million last year.', 'LOC:U.S.');
  for (const text of ['Tickets cost NT$1,200 each.', 'The prize was worth HK$2 million.', 'The fund raised $40 million.']) {
    assert.deepEqual(
      tagged(text).filter((g) => g.startsWith('LOC:')),
      [],
      text,
    );
  }
});

test('a currency written against an amount is its unit, not a name', () => {
  const text = 'The gum retails at $ 5 (Ksh 550) per kilogram in Nairobi.';
  assert.deepEqual(tagged(text), ['LOC:Nairobi']);
  // Only against an amount: the same letters elsewhere are left to the tagger.
  has('The SAR government said it would act.', 'ORG:SAR');
});

test('a one-word name that is the surname of a person named in full is that person', () => {
  // Without the rule the tagger read every lone `Trump` here as an organisation (the reading it gave
  // `Trump's view` spread through the article).
  const text =
    "Trump's east Europe problem\n\nDonald Trump openly admires the Russian president. Trump avoids condemning Moscow, and " +
    "Trump's advisers have ties to Kiev.\nWhat is Trump's view of NATO? In a March interview Trump declared that NATO was " +
    "obsolete. Trump's purely transactional approach worries allies.\nLeaders in Warsaw are in despair over Trump's " +
    'statements. They fear a Trump presidency. Meanwhile Trump continues to praise Moscow.\nThe Trump campaign did not ' +
    'respond. Trump has pooh-poohed the alliance before.';
  const trump = tagged(text).filter((g) => g.endsWith(':Trump'));
  assert.ok(trump.length >= 8, JSON.stringify(trump));
  assert.deepEqual(
    trump.filter((g) => g !== 'PER:Trump'),
    [],
  );
  // Not a word known as a place: the city keeps its type beside George Washington.
  has('A portrait of George Washington hangs in the museum. Officials in Washington said the loan was approved.', 'LOC:Washington');
});

test('a one-word name that is the first word of a company named in full is that company', () => {
  for (const [text, short] of [
    [
      'Shares in Cairn Energy plc rose 5% on Monday. Cairn said its Indian wells had found more oil than expected, and Cairn now ' +
        'expects to start production next year.',
      'Cairn',
    ],
    ['Jet Airways Ltd has ordered ten new planes. Jet said the order was worth $1bn. Analysts said Jet would need more pilots.', 'Jet'],
  ] as const) {
    const got = tagged(text).filter((g) => g.endsWith(`:${short}`));
    assert.equal(got.length, 2, JSON.stringify(got));
    assert.deepEqual(
      got.filter((g) => g !== `ORG:${short}`),
      [],
    );
  }
});

test('a name inside a compound is the name alone', () => {
  for (const [text, want] of [
    ['Analysts doubt anyone can outdo the Narendra Modi-led alliance in the north.', 'Narendra Modi'],
    ['The Tom Okafor-led union called the strike off on Friday.', 'Tom Okafor'],
    ['Shares of the Lagos-listed Dangote Cement rose 4 percent.', 'Dangote Cement'],
  ] as const) {
    const got = tagged(text);
    assert.ok(
      got.some((g) => g.endsWith(`:${want}`)),
      `${want} in ${JSON.stringify(got)}`,
    );
    for (const g of got) assert.doesNotMatch(g, /-(?:led|backed)/, `${g} in ${text}`);
  }
});
