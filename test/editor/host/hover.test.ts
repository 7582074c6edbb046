// Hover cards through VS Code's own hover command: what a user sees when pointing at a word.
import assert from 'node:assert/strict';
import { closeAll, hoverCards, needReference, note, openArticle, positionOf, REFERENCE, wsUri } from './helpers';

describe('hover cards', () => {
  afterEach(closeAll);

  it('"Trump" in the reference article shows the person card of Donald Trump', async function () {
    needReference(this);
    const uri = wsUri(REFERENCE);
    const ed = await openArticle(uri);
    // Mid-sentence mentions, with and without the first name, and the possessive.
    for (const needle of [
      'President Trump hails',
      'Donald Trump held',
      'of Trump’s planned',
      'call, Trump highlighted',
      'expect Trump and Xi',
    ]) {
      const at = needle.indexOf('Trump') + 2;
      const cards = await hoverCards(uri, positionOf(ed.document, needle, 0, at));
      const person = cards.find((c) => c.header.startsWith('$(person) **Person**'));
      assert.ok(person, `a Person card on "Trump" in "${needle}": ${JSON.stringify(cards)}`);
      assert.match(person.body, /^\*\*Donald Trump\*\*/, 'canonical name first, in bold');
    }
    // How many of all the mentions carry the card (sentence-initial ones are harder for the analyzer).
    const text = ed.document.getText();
    let mentions = 0;
    let carded = 0;
    for (let i = text.indexOf('Trump'); i >= 0; i = text.indexOf('Trump', i + 1)) {
      mentions++;
      const cards = await hoverCards(uri, ed.document.positionAt(i + 2));
      if (cards.some((c) => c.header.includes('**Person**') && c.body.startsWith('**Donald Trump**'))) carded++;
    }
    note(`"Trump": ${carded} of ${mentions} mentions show the Donald Trump card`);
  });

  it('"Xi Jinping" shows a person card', async function () {
    needReference(this);
    const uri = wsUri(REFERENCE);
    const ed = await openArticle(uri);
    const cards = await hoverCards(uri, positionOf(ed.document, 'Xi Jinping', 0, 3));
    const person = cards.find((c) => c.header.includes('**Person**'));
    assert.ok(person, JSON.stringify(cards));
    assert.match(person.body, /\*\*Xi Jinping\*\*/);
  });

  it('"$11 billion" shows a money figure card', async function () {
    needReference(this);
    const uri = wsUri(REFERENCE);
    const ed = await openArticle(uri);
    const cards = await hoverCards(uri, positionOf(ed.document, '$11 billion', 0, 2));
    const money = cards.find((c) => c.header.startsWith('$(') && c.header.includes('**Money**'));
    assert.ok(money, `a Money card: ${JSON.stringify(cards)}`);
    assert.match(money.body, /11 billion/);
  });

  it('sample article: a person, an amount of money and a quote have their cards', async () => {
    const uri = wsUri('port-strike.txt');
    const ed = await openArticle(uri);
    const person = await hoverCards(uri, positionOf(ed.document, 'Giulia Ferraro', 0, 3));
    assert.ok(
      person.some((c) => c.header.includes('**Person**') && /\*\*Giulia Ferraro\*\*/.test(c.body)),
      JSON.stringify(person),
    );
    const money = await hoverCards(uri, positionOf(ed.document, '€310 million', 0, 2));
    assert.ok(
      money.some((c) => c.header.includes('**Money**') && /310 million/.test(c.body)),
      JSON.stringify(money),
    );
    const quote = await hoverCards(uri, positionOf(ed.document, 'Our members have waited', 0, 8));
    assert.ok(
      quote.some((c) => c.header.startsWith('$(quote)') && /Speaker: \*\*Giulia Ferraro\*\*/.test(c.body)),
      JSON.stringify(quote),
    );
  });

  it('no card between annotations (and one on the name right before them: the provider is there)', async () => {
    const uri = wsUri('port-strike.txt');
    const ed = await openArticle(uri);
    const before = await hoverCards(uri, positionOf(ed.document, 'Porto Vellano on Friday', 0, 2));
    assert.ok(
      before.some((c) => c.body.startsWith('**Porto Vellano**')),
      `a card on the port's name: ${JSON.stringify(before)}`,
    );
    assert.deepEqual(await hoverCards(uri, positionOf(ed.document, 'walked off the job', 0, 2)), []);
  });
});
