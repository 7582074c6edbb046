// Quotes: detection (marks, kinds, multi-paragraph parts, nicknames, apostrophes, unbalanced marks)
// and the speaker cascade, rule by rule, on invented sentences. Entity mentions are built by hand
// (see `people`) so the tests do not depend on which entity recogniser is in place.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findQuotes } from '../../src/core/quotes';
import type { Entity, EntityMention, Quote } from '../../src/core/types';

/** Mentions of the given people (full name, and surname/first name used alone), linked by canonical name. */
function people(text: string, names: string[], type: 'PER' | 'ORG' = 'PER'): { mentions: EntityMention[]; groups: Entity[] } {
  const mentions: EntityMention[] = [];
  const groups: Entity[] = [];
  for (const canonical of names) {
    const id = `${type}:${canonical}`;
    const words = canonical.split(' ');
    const forms = [canonical, ...(words.length > 1 ? [words[words.length - 1]!, words[0]!] : [])];
    const g: Entity = { id, type, canonical, aliases: [], roles: [], mentions: [] };
    groups.push(g);
    for (const f of forms) {
      const re = new RegExp(`\\b${f}\\b`, 'g');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const s = m.index;
        if (mentions.some((x) => x.start <= s && s < x.end)) continue;
        mentions.push({ start: s, end: s + f.length, type, text: f, confidence: 1, entityId: id, origin: 'model' });
        if (f !== canonical && !g.aliases.includes(f)) g.aliases.push(f);
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  mentions.forEach((m, i) => groups.find((g) => g.id === m.entityId)!.mentions.push(i));
  return { mentions, groups };
}

function quotes(text: string, names: string[] = []): Quote[] {
  const { mentions, groups } = people(text, names);
  return findQuotes(text, mentions, groups);
}

/** The single quote whose text contains `frag`. */
function q(qs: Quote[], frag: string): Quote {
  const found = qs.filter((x) => x.text.includes(frag));
  assert.equal(found.length, 1, `one quote containing ${JSON.stringify(frag)} in ${JSON.stringify(qs.map((x) => x.text))}`);
  return found[0]!;
}

function speakerText(text: string, x: Quote): string | null {
  return x.speaker ? text.slice(x.speaker.start, x.speaker.end) : null;
}

describe('quote detection', () => {
  test('straight and curly double quotes', () => {
    const t = 'She said "we will win" and he said “we will not.”';
    assert.deepEqual(
      quotes(t).map((x) => x.text),
      ['"we will win"', '“we will not.”'],
    );
  });

  test('a single-quoted headline quote', () => {
    const t = "'A great day': Mayor Ann Fisk praises the new bridge\n\nThe bridge opened on Monday.";
    const qs = quotes(t, ['Ann Fisk']);
    assert.equal(qs.length, 1);
    assert.equal(qs[0]!.text, "'A great day'");
    assert.equal(qs[0]!.kind, 'headline');
    assert.equal(qs[0]!.speaker?.name, 'Ann Fisk');
  });

  test('single quotes in the body are nested quotes, not quotes of their own', () => {
    const t = 'Headline\n\n“He told me ‘never again’ and left,” Fisk said. The ‘plan’ failed.';
    const qs = quotes(t, ['Ann Fisk']);
    assert.equal(qs.length, 1);
    assert.deepEqual(
      qs[0]!.nested?.map((s) => t.slice(s.start, s.end)),
      ['‘never again’'],
    );
  });

  test('apostrophes never open quotes', () => {
    const t = "Trump’s rivals liked the ’90s and rock 'n' roll; the voters' choice was Tom's.\n\n“Fine,” he said.";
    assert.deepEqual(
      quotes(t).map((x) => x.text),
      ['“Fine,”'],
    );
    const head = "Trump’s ’90s rock 'n' roll: the voters' choice\n\nBody.";
    assert.deepEqual(quotes(head), []);
  });

  test('nicknames in quotes are not quotes', () => {
    const t = 'Ahmed \'Mido\' Hossam scored twice\n\nDwayne "The Rock" Johnson and Ahmed “Mido” Hossam watched.';
    assert.deepEqual(quotes(t), []);
  });

  test('a quote over several paragraphs: one part per paragraph, same speaker', () => {
    const t = 'Headline\n\n“The first thing is money. We have none.\n\n“The second thing is time,” said Ann Fisk.\n\nThe end.';
    const qs = quotes(t, ['Ann Fisk']);
    assert.equal(qs.length, 2);
    assert.equal(qs[0]!.text, '“The first thing is money. We have none.');
    assert.equal(qs[1]!.text, '“The second thing is time,”');
    assert.equal(qs[0]!.group, qs[0]!.start);
    assert.equal(qs[1]!.group, qs[0]!.start);
    assert.deepEqual([qs[0]!.part, qs[1]!.part], [0, 1]);
    assert.equal(qs[0]!.kind, 'block');
    for (const x of qs) assert.equal(x.speaker?.name, 'Ann Fisk');
  });

  test('an unclosed quote ends at its paragraph and does not swallow the rest', () => {
    const t = 'Headline\n\nShe said “this never closes\n\nThe next paragraph is plain. “But this one closes,” he said.';
    const qs = quotes(t);
    assert.equal(qs.length, 2);
    assert.equal(qs[0]!.text, '“this never closes');
    assert.equal(qs[0]!.unclosed, true);
    assert.equal(qs[1]!.text, '“But this one closes,”');
  });

  test('stray and doubled marks never throw', () => {
    for (const t of [
      '"',
      '“',
      '”',
      '""',
      '“”',
      '" "',
      '5\'9" tall',
      '“a “b” c',
      '”odd”',
      "''",
      '‘',
      '\n“\n”\n',
      'x "y\n\n"z',
      '„Guten Tag“ «salut»',
    ]) {
      assert.doesNotThrow(() => quotes(t), t);
    }
  });

  test('a line of 50,000 unclosed marks gives 50,000 short quotes, without exhausting the stack', () => {
    const t = '“ab '.repeat(50000);
    const qs = findQuotes(t, [], []);
    assert.equal(qs.length, 50000);
    assert.equal(qs[0]!.text, '“ab');
    assert.ok(qs.every((x) => x.unclosed));
  });

  test('British style: single-quoted speech in a body without double quotes', () => {
    const t =
      "Council backs 'bold' plan for harbour\n\n" +
      "'We are delighted with the result,' said council leader Jane Morris.\n\n" +
      "Opposition leader Tom Reed said: 'It is a disgrace and the players' union agrees.'\n\n" +
      "The so-called 'harbour tax' would fund it. It's the council's plan and the residents' view that counts.\n\n" +
      "Local striker Ahmed 'Mido' Hossam backed it.\n\n" +
      "'The first thing is money. We have none.\n\n" +
      "'The second thing is time,' Ms Morris added.";
    const qs = quotes(t, ['Jane Morris', 'Tom Reed']);
    assert.deepEqual(
      qs.map((x) => x.text),
      [
        "'bold'",
        "'We are delighted with the result,'",
        "'It is a disgrace and the players' union agrees.'",
        "'harbour tax'",
        "'The first thing is money. We have none.",
        "'The second thing is time,'",
      ],
    );
    assert.equal(q(qs, 'delighted').speaker?.name, 'Jane Morris');
    assert.equal(q(qs, 'delighted').kind, 'direct');
    assert.equal(q(qs, 'disgrace').speaker?.name, 'Tom Reed');
    assert.equal(q(qs, 'harbour tax').kind, 'scare');
    const [first, second] = [q(qs, 'first thing'), q(qs, 'second thing')];
    assert.equal(first.group, first.start);
    assert.equal(second.group, first.start);
    assert.equal(first.speaker?.name, 'Jane Morris');
    assert.equal(second.speaker?.name, 'Jane Morris');
  });

  test('British style needs evidence: apostrophes alone, or double quotes in the body, keep single marks out', () => {
    // No passage closed after punctuation: the marks are apostrophes and scare quotes at most.
    assert.deepEqual(quotes("Headline\n\nThe voters' choice was Tom's and the 'experts' agreed."), []);
    // Double quotes in the body: single marks are nested or scare quotes, as before.
    const t = 'Headline\n\n"We won," she said. \'Fine,\' he said.';
    assert.deepEqual(
      quotes(t).map((x) => x.text),
      ['"We won,"'],
    );
    // A single-quoted passage left open inside a paragraph is dropped, not run to the end of the line.
    const open = "Headline\n\n'Yes,' she said. Then he said 'no and walked away.\n\nNext.";
    assert.deepEqual(
      quotes(open).map((x) => x.text),
      ["'Yes,'"],
    );
  });

  test('kinds: direct, partial, scare', () => {
    const t =
      'Headline\n\n“We will build the bridge by May,” Fisk said. Fisk said the plan was “on track and ' +
      'funded” for now. The “experts” disagree.';
    const qs = quotes(t, ['Ann Fisk']);
    assert.equal(q(qs, 'bridge').kind, 'direct');
    assert.equal(q(qs, 'on track').kind, 'partial');
    assert.equal(q(qs, 'experts').kind, 'scare');
  });
});

describe('speaker rules', () => {
  const names = ['Ann Fisk', 'Tom Okafor', 'Lena Berg'];
  const cases: [rule: string, text: string, frag: string, mention: string, name: string][] = [
    ['said-after', '“The budget is balanced,” said Ann Fisk, the city treasurer.', 'budget', 'Ann Fisk', 'Ann Fisk'],
    ['x-said-after', '“The budget is balanced,” Fisk told reporters on Monday.', 'budget', 'Fisk', 'Ann Fisk'],
    ['x-said-after', '“The budget is balanced,” Fisk, the city treasurer, said.', 'budget', 'Fisk', 'Ann Fisk'],
    ['colon-intro', 'Tom Okafor said: “We will appeal.”', 'appeal', 'Tom Okafor', 'Tom Okafor'],
    ['comma-intro', 'Okafor added, “We will appeal.”', 'appeal', 'Okafor', 'Tom Okafor'],
    ['according-to', 'The deal is “dead in the water,” according to Lena Berg.', 'dead', 'Lena Berg', 'Lena Berg'],
    ['verb-before', 'Berg said that the deal was “dead in the water” after the vote.', 'dead', 'Berg', 'Lena Berg'],
    ['verb-before', 'Berg called the deal “dead in the water.”', 'dead', 'Berg', 'Lena Berg'],
    ['verb-after', 'The deal is “dead in the water” now, as Berg explained to the council.', 'dead', 'Berg', 'Lena Berg'],
    ['colon-name', 'Markets - Lena Berg: “Prices will fall.”', 'Prices', 'Lena Berg', 'Lena Berg'],
    ['subject', 'Okafor held an “excellent” meeting with the council.', 'excellent', 'Okafor', 'Tom Okafor'],
  ];
  for (const [rule, body, frag, mention, name] of cases) {
    test(`${rule}: ${body}`, () => {
      const t = `Headline\n\n${body}`;
      const x = q(quotes(t, names), frag);
      assert.equal(x.rule, rule);
      assert.equal(speakerText(t, x), mention);
      assert.equal(x.speaker?.name, name);
      assert.ok(x.confidence > 0 && x.confidence <= 1);
    });
  }

  test('prev-colon: a paragraph ending in "X said:" introduces the next paragraph', () => {
    const t = 'Headline\n\nTom Okafor then told the crowd:\n\n“We will appeal, and we will win.”';
    const x = q(quotes(t, names), 'appeal');
    assert.equal(x.rule, 'prev-colon');
    assert.equal(x.speaker?.name, 'Tom Okafor');
  });

  test('prev-sentence: a quote standing alone after a sentence with a reporting verb', () => {
    const t = 'Headline\n\nLena Berg announced the lawsuit on Monday. “We are seeking a court order.”';
    const x = q(quotes(t, names), 'court order');
    assert.equal(x.rule, 'prev-sentence');
    assert.equal(x.speaker?.name, 'Lena Berg');
  });

  test('dash-after: a signature after the quote, on its line or the next', () => {
    const t = 'Headline\n\n“The bridge is late.” ― Lena Berg\n“So is the budget.”\n- Tom Okafor.';
    const qs = quotes(t, names);
    assert.equal(q(qs, 'bridge').rule, 'dash-after');
    assert.equal(q(qs, 'bridge').speaker?.name, 'Lena Berg');
    assert.equal(q(qs, 'budget').rule, 'dash-after');
    assert.equal(q(qs, 'budget').speaker?.name, 'Tom Okafor');
  });

  test('continuation: a run of quotes keeps its speaker', () => {
    const t = 'Headline\n\n“We are ready,” Fisk said.\n\n“Nobody else is.”';
    const qs = quotes(t, names);
    const x = q(qs, 'Nobody');
    assert.equal(x.rule, 'continuation');
    assert.equal(x.speaker?.name, 'Ann Fisk');
    assert.ok(x.confidence < q(qs, 'ready').confidence);
  });

  test('the headline’s speaker does not continue into the body, nor into quotes inside sentences', () => {
    const t = "Fisk backs 'new bridge'\n\n“Nobody asked us.”\n\nThe river has a “special status” here.";
    const qs = quotes(t, names);
    assert.equal(q(qs, 'new bridge').speaker?.name, 'Ann Fisk');
    assert.equal(q(qs, 'Nobody').speaker, null);
    assert.notEqual(q(qs, 'special status').speaker?.name, 'Ann Fisk');
  });

  test('the attribution of the second half of an interrupted quote', () => {
    const t = 'Headline\n\n“We are ready,” Fisk said, “and we have been for weeks.”';
    const qs = quotes(t, names);
    assert.equal(q(qs, 'ready').rule, 'x-said-after');
    assert.equal(q(qs, 'weeks').rule, 'comma-intro');
    assert.equal(q(qs, 'weeks').speaker?.name, 'Ann Fisk');
  });

  test('a quote ending a sentence is not attributed to the next sentence’s subject', () => {
    const t = 'Headline\n\nFisk said, “We are ready.” Okafor added that the plan was “a fantasy.”';
    const qs = quotes(t, names);
    assert.equal(q(qs, 'ready').speaker?.name, 'Ann Fisk');
    assert.equal(q(qs, 'fantasy').speaker?.name, 'Tom Okafor');
  });

  test('after `?` or `!`: an object after the verb, an aside with abbreviations, a group, a lone determiner', () => {
    const cases: [body: string, frag: string, mention: string][] = [
      ['“Do you think I will change?” Fisk asked reporters at the council.', 'change', 'Fisk'],
      ['“Perpetual motion!” Rep. Tom Okafor, D-Pa., said of the convention.', 'Perpetual', 'Rep. Tom Okafor'],
      ['“Hey, hey! Ho, ho! The levy has got to go!” some protesters chanted, three days later.', 'levy', 'some protesters'],
      ['“Fisk!” the audience screamed back.', 'Fisk!', 'the audience'],
      ['“The budget is a fraud,” read one.', 'fraud', 'one'],
      // A prepositional phrase between the subject and the verb.
      ['“We are a nation of lazy people,” Tom Okafor from the council said.', 'lazy', 'Tom Okafor from the council'],
      ['“She is the only one strong enough,” a voice-over in the ad states.', 'strong', 'a voice-over in the ad'],
      // Determiners alone name people, not a time.
      ['Yet another said, “The budget is a fraud.”', 'fraud', 'another'],
      ['Asked if she enjoys the job, Fisk confesses: “It would be more fun if I could win.”', 'fun', 'Fisk'],
      ['Some chanted “No levy! No levy!”', 'levy', 'Some'],
      ['“Not us, but we agree!” Okafor, the head of the council, Tweeted on Friday.', 'agree', 'Okafor'],
    ];
    for (const [body, frag, mention] of cases) {
      const t = `Headline\n\nThe rally went on for hours.\n\n${body}`;
      assert.equal(speakerText(t, q(quotes(t, names), frag)), mention, body);
    }
    const but = 'Headline\n\n“It depends,” Fisk says, but Okafor cautions that he sees “two different sides to it.”';
    assert.equal(speakerText(but, q(quotes(but, names), 'sides')), 'Okafor', 'a clause of its own after “, but”');
    const although = 'Headline\n\nFisk said on Friday that the vote would go ahead, although Okafor tweeted that he “rejects the count.”';
    assert.equal(speakerText(although, q(quotes(although, names), 'rejects')), 'Okafor', 'a clause of its own after “, although”');
    const passive = 'Headline\n\nThe new budget was described by Fisk as “the most important budget” in a decade.';
    assert.equal(speakerText(passive, q(quotes(passive, names), 'important')), 'Fisk', 'the agent of a passive reporting verb');
    const late = 'Headline\n\nThe promise to “take the city back” appeals to voters who miss the market, said Tom Okafor, a historian.';
    assert.equal(speakerText(late, q(quotes(late, names), 'city back')), 'Tom Okafor', 'an inverted `, said X` ending the sentence');
    const laughed =
      'Headline\n\nWhen Tom Okafor, the council’s spokesman was asked if Fisk would call a vote, he laughed and said, “We’ll see.”';
    assert.equal(
      speakerText(laughed, q(quotes(laughed, names), 'see')),
      'he',
      'the pronoun opening the main clause of `…, he laughed and said`',
    );
    const longIntro =
      'Headline\n\nAsked at a lunch on Friday whether she would want an even bigger job in a future council led by the mayor, ' +
      'Fisk thought for a moment and said that in the current climate, “it is kind of an advantage.”';
    assert.equal(speakerText(longIntro, q(quotes(longIntro, names), 'advantage')), 'Fisk', 'a long introductory clause');
    const butSaying = 'Headline\n\nBut Okafor has hit out at the decision of the council, saying: “The council has destroyed me.”';
    assert.equal(
      speakerText(butSaying, q(quotes(butSaying, names), 'destroyed')),
      'Okafor',
      'a conjunction opens the clause, not an introductory phrase',
    );
    for (const body of [
      '“We will have to cut costs,” the newspaper quoted chief executive Tom Okafor as saying.',
      'The Daily Courier quoted Tom Okafor, the chief executive, as saying that “costs will have to be cut.”',
    ]) {
      const t = `Headline\n\n${body}`;
      assert.equal(q(quotes(t, names), 'cut').speaker?.name, 'Tom Okafor', body);
    }
    // A conjunction before an introductory phrase (`soon after …,` still introduces the clause), and
    // a participle clause with its own subject (`– Fisk saying …`).
    const soon = 'Headline\n\nAnd soon after it was over, both leaders issued a statement – Fisk saying she was “very encouraged.”';
    assert.equal(speakerText(soon, q(quotes(soon, names), 'encouraged')), 'Fisk');
    const claiming = 'Headline\n\nIt is all well and good Tom Okafor claiming, that the party does not believe in “lies and spin”.';
    assert.equal(q(quotes(claiming, names), 'spin').speaker?.name, 'Tom Okafor');
    const pp = 'Headline\n\n“We are a nation of lazy people,” Tom Okafor from the council said.';
    assert.equal(q(quotes(pp, names), 'lazy').speaker?.name, 'Tom Okafor');
    // A participle after the quote is not an inverted verb: its object is not the speaker.
    for (const body of [
      'Fisk hailed the vote as “fantastic,” telling reporters that it was over.',
      'Fisk declared herself “delighted,” saying Okafor would be welcome.',
      // `with X telling …`: a clause of its own after another clause's reporting verb.
      'Okafor responded to the vote, with Fisk telling reporters she saw him as “directly responsible” for it.',
    ]) {
      const t = `Headline\n\n${body}`;
      assert.equal(speakerText(t, q(quotes(t, names), '“')), 'Fisk', body);
    }
    // `accuse`, `interject`, `tout`, `label`, `cite` report speech too.
    const accused = 'Headline\n\nOkafor accused Fisk of “running scared” of the debate.';
    assert.equal(speakerText(accused, q(quotes(accused, names), 'scared')), 'Okafor');
    const interjected = 'Headline\n\nFisk praised the plan, to which Okafor interjected: “It is just not true.”';
    assert.equal(speakerText(interjected, q(quotes(interjected, names), 'true')), 'Okafor');
    // An introducing participle's subject is its clause's, not the noun before it.
    const statement = 'Headline\n\nOkafor released a statement saying, “We will appeal.”';
    assert.equal(speakerText(statement, q(quotes(statement, names), 'appeal')), 'Okafor');
    // After `?`, `said that` starts a new sentence: the quote is not its content.
    const t = 'Headline\n\nFisk said: “Why should we pay?” Okafor said that the plan was sound.';
    assert.equal(q(quotes(t, names), 'pay').speaker?.name, 'Ann Fisk');
  });

  test('no speaker: confidence 0 and rule none', () => {
    const t = 'Headline\n\n“Nothing to see here.”';
    const x = q(quotes(t), 'Nothing');
    assert.equal(x.speaker, null);
    assert.equal(x.confidence, 0);
    assert.equal(x.rule, 'none');
  });
});

describe('who the speaker mention refers to', () => {
  test('he/she: the mention is the pronoun, the name the nearest person before it', () => {
    const t = 'Headline\n\nTom Okafor spoke after the vote. “We will appeal,” he said.';
    const x = q(quotes(t, ['Tom Okafor']), 'appeal');
    assert.equal(speakerText(t, x), 'he');
    assert.equal(x.speaker?.name, 'Tom Okafor');
    assert.deepEqual(x.speaker?.entityIds, ['PER:Tom Okafor']);
  });

  test('a pronoun after a run of quotes refers to the speaker, not to a person merely mentioned', () => {
    const t = 'Headline\n\n“Berg is wrong,” Okafor said.\n\n“We will appeal,” he added.';
    const x = q(quotes(t, ['Tom Okafor', 'Lena Berg']), 'appeal');
    assert.equal(x.speaker?.name, 'Tom Okafor');
  });

  test('a person reported speaking since the last quote is the one a pronoun refers to', () => {
    const t =
      'Headline\n\n“Berg is wrong,” Okafor said.\n\nThe city treasurer, Lena Berg, said the figures were ' +
      'sound. “We will publish them,” she said.';
    const x = q(quotes(t, ['Tom Okafor', 'Lena Berg']), 'publish');
    assert.equal(speakerText(t, x), 'she');
    assert.equal(x.speaker?.name, 'Lena Berg');
    // Merely mentioned since (not speaking): the previous speaker still wins.
    const u = 'Headline\n\n“Berg is wrong,” Okafor said.\n\nHe met Lena Berg on Monday. “We will appeal,” he added.';
    assert.equal(q(quotes(u, ['Tom Okafor', 'Lena Berg']), 'appeal').speaker?.name, 'Tom Okafor');
  });

  test('a pronoun is never a person the text titles otherwise (`Ms Kelly` is not `he`); no gender is guessed from names', () => {
    // The previous speaker (Kelly) is the usual pick; her title rules her out for `he`.
    const t =
      'Headline\n\nMs Kelly said the reforms would build on the old exams. Her comments did not impress Tom Okafor.\n\n' +
      '“She has no idea what to put in its place,” he said.';
    assert.equal(q(quotes(t, ['Ruth Kelly', 'Tom Okafor']), 'no idea').speaker?.name, 'Tom Okafor');
    // `she` with only men titled as such before it stays unresolved rather than naming one of them.
    const u = 'Headline\n\nLord Woolf said he wanted a principle. A spokeswoman for the department disagreed. “It is narrow,” she said.';
    const x = q(quotes(u, ['Woolf']), 'narrow');
    assert.equal(speakerText(u, x), 'she');
    assert.deepEqual(x.speaker?.entityIds, []);
    // Untitled people are not ruled out by the pronoun: Lena Berg may be `he` as far as the text says.
    const v = 'Headline\n\nLena Berg spoke after the vote. “We will appeal,” he said.';
    assert.equal(q(quotes(v, ['Lena Berg']), 'appeal').speaker?.name, 'Lena Berg');
  });

  test('a role phrase opening a sentence is the subject a pronoun after it refers to', () => {
    const t =
      'Headline\n\nThe film shows Tory leader Tom Okafor at home. The director, Lena Berg, spent a year with him.\n\n' +
      'The Tory leader was asked about his parents.\n\nHe replies: “What is the inference of that?”';
    assert.equal(q(quotes(t, ['Tom Okafor', 'Lena Berg']), 'inference').speaker?.name, 'Tom Okafor');
  });

  test('`the chancellor` is never the shadow chancellor, and a clause after `, and` is no apposition', () => {
    const t =
      'Headline\n\nChancellor Tom Okafor presented the budget. Tory shadow chancellor Lena Berg said taxes would rise.\n\n' +
      'The chancellor said the plans were “affordable”.';
    assert.equal(q(quotes(t, ['Tom Okafor', 'Lena Berg']), 'affordable').speaker?.name, 'Tom Okafor');
    const u =
      'Headline\n\nTom Okafor thanked his mother, Lena Berg, and thanked her for making him an actor.\n\n' +
      'The actor said his career began “by chance”.';
    assert.notEqual(q(quotes(u, ['Tom Okafor', 'Lena Berg']), 'chance').speaker?.name, 'Lena Berg');
  });

  test('a role phrase with the name in apposition as the subject: the name speaks', () => {
    const t = 'Headline\n\nIts regional organiser, Dave Kerr, said: “The fund is not a piggy bank.”';
    const x = q(quotes(t, ['Dave Kerr']), 'piggy');
    assert.equal(x.speaker?.name, 'Dave Kerr');
  });

  test('a speaker phrase never takes in a parenthetical holding a quote (found by the fuzz test)', () => {
    const t = "'We will win,' Ann Fisk('We will win,' )";
    const qs = quotes(t);
    assert.equal(qs.length, 2);
    assert.equal(speakerText(t, qs[0]!), 'Ann Fisk');
  });

  test('a quote inside a headline is not said by the noun it describes', () => {
    const t = "Campaigners vow to fight 'heartless' library closures\n\nThe council voted on Monday.";
    assert.equal(q(quotes(t), 'heartless').speaker?.name, 'Campaigners');
  });

  test('a name reached through a pronoun is less certain than a name in the text', () => {
    const t = 'Headline\n\nTom Okafor spoke first. “We will appeal,” he said. “We will win,” Okafor said.';
    const qs = quotes(t, ['Tom Okafor']);
    assert.equal(q(qs, 'appeal').rule, q(qs, 'win').rule);
    assert.ok(q(qs, 'appeal').confidence < q(qs, 'win').confidence);
  });

  test('a role noun refers to the person the text gave that role', () => {
    const t = 'Headline\n\nFinance Minister Lena Berg met Tom Okafor on Friday. “The talks went well,” the minister said.';
    const x = q(quotes(t, ['Lena Berg', 'Tom Okafor']), 'talks');
    assert.equal(speakerText(t, x), 'the minister');
    assert.equal(x.speaker?.name, 'Lena Berg');
  });

  test('a plural phrase refers to both people', () => {
    const t = 'Headline\n\nLena Berg met Tom Okafor, and the two leaders promised a “new chapter” in relations.';
    const x = q(quotes(t, ['Lena Berg', 'Tom Okafor']), 'chapter');
    assert.equal(speakerText(t, x), 'the two leaders');
    assert.equal(x.speaker?.name, 'Lena Berg and Tom Okafor');
    assert.deepEqual(x.speaker?.entityIds, ['PER:Lena Berg', 'PER:Tom Okafor']);
  });

  test('a relative pronoun: the mention is "who", the name its antecedent', () => {
    const t = 'Headline\n\nThe plan was backed by Ann Fisk, who said it was “long overdue.”';
    const x = q(quotes(t, ['Ann Fisk']), 'overdue');
    assert.equal(speakerText(t, x), 'who');
    assert.equal(x.speaker?.name, 'Ann Fisk');
  });

  test('an appositive left unclosed: the name before it is the speaker', () => {
    const t = 'Headline\n\nLena Berg, a spokeswoman for the Harbour Authority said: “The port is open.”';
    const x = q(quotes(t, ['Lena Berg']), 'port');
    assert.equal(speakerText(t, x), 'Lena Berg');
    assert.equal(x.speaker?.name, 'Lena Berg');
  });

  test('a role phrase followed by the name it introduces: the mention covers both', () => {
    const t = 'Headline\n\n“The figures do not add up,” said their group leader, Tom Okafor.';
    const x = q(quotes(t, ['Tom Okafor']), 'figures');
    assert.equal(speakerText(t, x), 'their group leader, Tom Okafor');
    assert.equal(x.speaker?.name, 'Tom Okafor');
  });

  test('a person named as a modifier is not the speaker: the head name is', () => {
    const t = 'Headline\n\nTom Okafor stayed home.\n\n“He was never on time,” said Okafor biographer Ruth Mell.';
    const x = q(quotes(t, ['Tom Okafor']), 'never');
    assert.equal(x.speaker?.name, 'Ruth Mell');
  });

  test('a non-person source keeps its own words', () => {
    const t = 'Headline\n\nThe ministry’s statement framed the talks calmly, noting that progress needed “patience.”';
    const x = q(quotes(t), 'patience');
    assert.equal(x.speaker?.name, 'The ministry’s statement');
    assert.deepEqual(x.speaker?.entityIds, []);
  });

  test('a name the recogniser missed is still found and linked by surname', () => {
    const t = 'Headline\n\n“We are ready,” Okafor said.';
    // No mentions at all: the span comes from the text, the name stays as written.
    const x = findQuotes(t, [], [])[0]!;
    assert.equal(speakerText(t, x), 'Okafor');
    assert.equal(x.speaker?.name, 'Okafor');
  });
});
