// The entity registry (entities.yaml): strict safe parsing, deterministic writing, edits that keep
// comments, lookups, and agreement with its JSON Schema.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { editRegistry, linkTarget, parseRegistry, RegistryIndex, serializeRegistry, type Registry } from '../../src/core/registry';

const root = path.resolve(__dirname, '../../..');

const GOOD = `# who is who
version: 1
entities:
  - name: Donald Trump
    type: PER
    aliases: [Trump, President Trump]
    description: 47th president of the United States
    links:
      wikidata: Q22686
  # the Chinese leader
  - name: Xi Jinping
    type: PER
    aliases:
      - Xi
  - name: United States
    type: LOC
    aliases: [U.S., US, America]
`;

function ok(src: string): Registry {
  const r = parseRegistry(src);
  assert.ok(r.ok, r.ok ? '' : `${r.problem.message}\n${r.problem.details.join('\n')}`);
  return r.registry;
}

function bad(src: string, message: RegExp, line?: number): void {
  const r = parseRegistry(src);
  assert.ok(!r.ok, 'should be refused');
  assert.match(r.problem.message, message);
  if (line !== undefined) assert.equal(r.problem.line, line);
}

test('parses entries with aliases, description and links; name ranges point at the names', () => {
  const reg = ok(GOOD);
  assert.equal(reg.entities.length, 3);
  const trump = reg.entities[0]!;
  assert.deepEqual(
    { ...trump, nameRange: undefined },
    {
      name: 'Donald Trump',
      type: 'PER',
      aliases: ['Trump', 'President Trump'],
      description: '47th president of the United States',
      links: { wikidata: 'Q22686' },
      nameRange: undefined,
    },
  );
  assert.equal(GOOD.slice(trump.nameRange!.start, trump.nameRange!.end), 'Donald Trump');
  assert.deepEqual(ok('').entities, []);
  assert.deepEqual(ok('version: 1\nentities:\n').entities, []);
  // CRLF and a BOM give the same result (offsets refer to the LF text).
  assert.deepEqual(ok('\ufeff' + GOOD.replace(/\n/g, '\r\n')), reg);
});

test('lookups: by name or alias, per type; canonical names; all names', () => {
  const idx = new RegistryIndex(ok(GOOD));
  assert.equal(idx.resolve('PER', 'Trump')?.name, 'Donald Trump');
  assert.equal(idx.resolve('PER', 'President  Trump')?.name, 'Donald Trump', 'whitespace-insensitive');
  assert.equal(idx.resolve('LOC', 'Trump'), undefined, 'type matters');
  assert.equal(idx.canonical('LOC', 'U.S.'), 'United States');
  assert.equal(idx.canonical('ORG', 'Boeing'), 'Boeing');
  assert.deepEqual(idx.namesOf('PER', 'Xi'), ['Xi Jinping', 'Xi']);
});

test('hostile or malformed YAML is refused with a clear message and a line', () => {
  bad('<<<<<<< HEAD\nversion: 1\n=======\nversion: 1\n>>>>>>> other\n', /conflict markers \(line 1\)/, 1);
  bad('%YAML 1.1\n---\nversion: 1\n', /directives/, 1);
  bad('version: 1\nentities:\n  - &a {name: A, type: PER}\n  - *a\n', /anchors|aliases/);
  bad('version: 1\nentities:\n  - !!js/function "x" \n', /tag/i);
  bad('version: 1\nversion: 1\n', /not valid YAML: .*(duplicate|unique)/i);
  bad(`version: 1\nentities: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /nested|not valid|must be/);
  bad('version: 1\nentities:\n  - name: A\n    type: PERSON\n', /type must be one of PER, ORG, LOC, MISC \(line 4\)/, 4);
  bad('version: 1\nentities:\n  - name: A\n    type: PER\n    colour: red\n', /unknown key 'colour' \(line 5\)/, 5);
  bad('version: 1\nentities:\n  - name: "A\\nB"\n    type: PER\n', /one line/);
  bad('version: 1\nentities:\n  - name: A\n    type: PER\n    links: {wikidata: "javascript:alert(1)"}\n', /item id such as Q22686/);
  bad('version: 1\nentities:\n  - name: A\n    type: PER\n    links: {website: "javascript:alert(1)"}\n', /http\(s\) address/);
  bad('version: 1\nentities:\n  - name: A\n    type: PER\n    links: {__proto__: "x"}\n', /link names are lower-case/);
  bad('version: 1\nentities:\n  - {name: A, type: PER}\n  - {name: A, type: PER}\n', /duplicate entry 'A' \(PER\)/);
  bad(
    'version: 1\nentities:\n  - {name: A, type: PER, aliases: [X]}\n  - {name: B, type: PER, aliases: [X]}\n',
    /'X' \(PER\) belongs to both 'A' and 'B'/,
  );
  bad('version: 2\n', /newer News Annotator/);
  bad('version: 1\nentities: 5\n', /entities must be a list/);
  bad('- a\n- b\n', /must be a YAML mapping/);
  bad('x'.repeat(3 * 1024 * 1024), /larger than 2 MB/);
  // YAML 1.1 booleans are strings under the pinned core schema: a person called "No" is fine.
  assert.equal(ok('version: 1\nentities:\n  - {name: "No", type: PER, aliases: [yes]}\n').entities[0]!.aliases[0], 'yes');
});

test('no prototype pollution from keys', () => {
  const r = parseRegistry('version: 1\nentities:\n  - name: A\n    type: PER\n    __proto__: {polluted: true}\n');
  assert.ok(!r.ok);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('writing is deterministic: sorted by type then name, fixed key order, LF, final newline; it reads back', () => {
  const reg = ok(GOOD);
  const text = serializeRegistry(reg);
  assert.equal(text, serializeRegistry({ entities: [...reg.entities].reverse() }));
  assert.ok(text.endsWith('\n') && !text.includes('\r'));
  assert.match(
    text,
    new RegExp(
      String.raw`- name: Donald Trump\n {4}type: PER\n {4}aliases:\n {6}- President Trump\n {6}- Trump\n` +
        String.raw` {4}description: 47th president of the United States\n {4}links:\n {6}wikidata: Q22686\n`,
    ),
  );
  assert.ok(text.indexOf('name: Xi Jinping') < text.indexOf('name: United States'), 'people before places');
  const again = ok(text);
  assert.equal(serializeRegistry(again), text);
});

test('edits: add an entity where it sorts, keep comments, update description and links, rename', () => {
  const add = editRegistry(GOOD, {
    op: 'upsert',
    type: 'PER',
    name: 'Vladimir Putin',
    description: 'President of Russia',
    links: { wikidata: 'Q7747' },
  });
  assert.ok(add.ok, add.ok ? '' : add.message);
  assert.match(add.text, /# who is who\n/);
  assert.match(add.text, /# the Chinese leader\n/);
  assert.ok(
    add.text.indexOf('Vladimir Putin') > add.text.indexOf('Donald Trump') &&
      add.text.indexOf('Vladimir Putin') < add.text.indexOf('Xi Jinping'),
  );
  assert.equal(add.registry.entities.find((e) => e.name === 'Vladimir Putin')!.links.wikidata, 'Q7747');

  const desc = editRegistry(add.text, {
    op: 'upsert',
    type: 'PER',
    name: 'Xi Jinping',
    description: 'President of China',
    links: { wikipedia: 'https://en.wikipedia.org/wiki/Xi_Jinping' },
  });
  assert.ok(desc.ok);
  const xi = desc.registry.entities.find((e) => e.name === 'Xi Jinping')!;
  assert.equal(xi.description, 'President of China');
  assert.deepEqual(xi.aliases, ['Xi']);
  const clear = editRegistry(desc.text, { op: 'upsert', type: 'PER', name: 'Xi Jinping', description: '', links: { wikipedia: '' } });
  assert.ok(clear.ok);
  assert.equal(clear.registry.entities.find((e) => e.name === 'Xi Jinping')!.description, undefined);
  assert.deepEqual(clear.registry.entities.find((e) => e.name === 'Xi Jinping')!.links, {});

  const ren = editRegistry(GOOD, { op: 'rename', type: 'PER', from: 'Donald Trump', to: 'Donald J. Trump' });
  assert.ok(ren.ok);
  const t = ren.registry.entities.find((e) => e.name === 'Donald J. Trump')!;
  assert.deepEqual(t.aliases.sort(), ['Donald Trump', 'President Trump', 'Trump']);
  assert.equal(t.description, '47th president of the United States');
  // Renaming to one of its aliases swaps them.
  const swap = editRegistry(GOOD, { op: 'rename', type: 'PER', from: 'Xi Jinping', to: 'Xi' });
  assert.ok(swap.ok);
  assert.deepEqual(swap.registry.entities.find((e) => e.name === 'Xi')!.aliases, ['Xi Jinping']);
  // Renaming an entity the registry does not know creates it with the old name as an alias.
  const fresh = editRegistry(null, { op: 'rename', type: 'ORG', from: 'Boeing', to: 'The Boeing Company' });
  assert.ok(fresh.ok);
  assert.deepEqual(fresh.registry.entities, [
    { name: 'The Boeing Company', type: 'ORG', aliases: ['Boeing'], links: {}, nameRange: fresh.registry.entities[0]!.nameRange },
  ]);
  // Same edit, same bytes.
  assert.equal(
    editRegistry(GOOD, {
      op: 'upsert',
      type: 'PER',
      name: 'Vladimir Putin',
      description: 'President of Russia',
      links: { wikidata: 'Q7747' },
    }).ok && add.text,
    add.text,
  );
});

test('edits that would break the registry are refused; a broken file is never rewritten', () => {
  const clash = editRegistry(GOOD, { op: 'rename', type: 'PER', from: 'Xi Jinping', to: 'Trump' });
  assert.ok(!clash.ok);
  assert.match(clash.message, /'Trump' would belong to both/);
  assert.ok(!editRegistry(GOOD, { op: 'upsert', type: 'PER', name: 'A', links: { wikidata: 'not an id' } }).ok);
  assert.ok(!editRegistry(GOOD, { op: 'upsert', type: 'PER', name: ' padded ' }).ok);
  assert.ok(!editRegistry(GOOD, { op: 'upsert', type: 'XYZ' as never, name: 'A' }).ok);
  const broken = editRegistry('<<<<<<< HEAD\nversion: 1\n', { op: 'upsert', type: 'PER', name: 'A' });
  assert.ok(!broken.ok);
  assert.match(broken.message, /has problems and is not changed/);
});

test('links: only validated ids and http(s) addresses become web addresses', () => {
  assert.equal(linkTarget('wikidata', 'Q22686'), 'https://www.wikidata.org/wiki/Q22686');
  assert.equal(linkTarget('wikidata', 'Q1/../../x'), null);
  assert.equal(linkTarget('website', 'https://example.org/a?b=c'), 'https://example.org/a?b=c');
  assert.equal(linkTarget('website', 'command:workbench.action.terminal.new'), null);
  assert.equal(linkTarget('website', 'file:///etc/passwd'), null);
  assert.equal(linkTarget('isni', '0000 0001'), null, 'unknown kinds are text only');
});

test('the JSON Schema describes the same fields, types and patterns as the parser', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/entities.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties).sort(), ['entities', 'version']);
  const item = schema.properties.entities.items;
  assert.deepEqual(Object.keys(item.properties).sort(), ['aliases', 'description', 'links', 'name', 'type']);
  assert.deepEqual(item.properties.type.enum, ['PER', 'ORG', 'LOC', 'MISC']);
  assert.equal(item.additionalProperties, false);
  assert.deepEqual(item.required.sort(), ['name', 'type']);
  assert.equal(new RegExp(item.properties.links.properties.wikidata.pattern).test('Q22686'), true);
  assert.equal(new RegExp(item.properties.links.properties.wikidata.pattern).test('X1'), false);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.ok(
    pkg.contributes.yamlValidation.some(
      (v: { fileMatch: string | string[]; url: string }) =>
        [v.fileMatch].flat().includes('entities.yaml') && v.url === './schemas/entities.schema.json',
    ),
  );
});
