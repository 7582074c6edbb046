// package.json ↔ src/vscode/ids.ts, both ways, plus the manifest conventions.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Colors, Commands, ContextKeys, EXTENSION_ID, LANGUAGE_ID, SETTINGS_SECTION, Settings, Views } from '../../src/vscode/ids';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const c = pkg.contributes;
const sorted = (xs: Iterable<string>) => [...xs].sort();

test('extension id matches publisher.name', () => {
  assert.equal(EXTENSION_ID, `${pkg.publisher}.${pkg.name}`);
});

test('commands: code and manifest agree, each has a category and a title', () => {
  assert.deepEqual(sorted(c.commands.map((x: { command: string }) => x.command)), sorted(Object.values(Commands)));
  for (const cmd of c.commands) {
    assert.equal(cmd.category, 'News Annotator', `${cmd.command} category`);
    assert.ok(cmd.title && !cmd.title.startsWith('News Annotator'), `${cmd.command} title`);
    if (cmd.icon) assert.match(cmd.icon, /^\$\([a-z-]+\)$/, `${cmd.command} icon is a codicon`);
  }
});

test('every command referenced in menus and welcome views exists', () => {
  const known = new Set<string>(Object.values(Commands));
  for (const [menu, items] of Object.entries(c.menus as Record<string, { command: string }[]>)) {
    for (const it of items) assert.ok(known.has(it.command), `${menu}: ${it.command}`);
  }
  for (const w of c.viewsWelcome) for (const m of String(w.contents).matchAll(/command:([\w.]+)/g)) assert.ok(known.has(m[1]!), m[1]);
});

test('keybindings run our commands, only in articles', () => {
  const known = new Set<string>(Object.values(Commands));
  for (const k of c.keybindings) {
    assert.ok(known.has(k.command), k.command);
    assert.match(k.when, /newsAnnotator\.active/);
    assert.ok(k.key && k.mac);
  }
});

test('views and the container match', () => {
  assert.deepEqual(
    c.viewsContainers.activitybar.map((x: { id: string }) => x.id),
    [Views.container],
  );
  assert.deepEqual(sorted(c.views[Views.container].map((x: { id: string }) => x.id)), sorted([Views.topics, Views.legend, Views.sources]));
  assert.ok(fs.existsSync(path.join(root, c.viewsContainers.activitybar[0].icon)));
});

test('colours: code and manifest agree; each has a description and all theme defaults', () => {
  assert.deepEqual(sorted(c.colors.map((x: { id: string }) => x.id)), sorted(Object.values(Colors)));
  for (const col of c.colors) {
    assert.ok(col.description, col.id);
    for (const k of ['dark', 'light', 'highContrast', 'highContrastLight'])
      assert.match(col.defaults[k], /^#[0-9a-f]{6}([0-9a-f]{2})?$/i, `${col.id} ${k}`);
  }
});

test('settings: code and manifest agree; each has a description', () => {
  const props = c.configuration.properties as Record<string, { description?: string; markdownDescription?: string }>;
  assert.deepEqual(sorted(Object.keys(props)), sorted(Object.values(Settings).map((s) => `${SETTINGS_SECTION}.${s}`)));
  for (const [k, v] of Object.entries(props)) assert.ok(v.description || v.markdownDescription, k);
});

test('context keys in when-clauses are ours or VS Code built-ins', () => {
  const ours = new Set<string>(Object.values(ContextKeys));
  const builtins = new Set([
    'view',
    'viewItem',
    'editorHasSelection',
    'editorIsOpen',
    'editorTextFocus',
    'findWidgetVisible',
    'workspaceFolderCount',
    'false',
    'true',
  ]);
  const whens: string[] = [];
  for (const items of Object.values(c.menus as Record<string, { when?: string }[]>))
    for (const it of items) if (it.when) whens.push(it.when);
  for (const w of c.viewsWelcome) if (w.when) whens.push(w.when);
  for (const k of c.keybindings) whens.push(k.when);
  for (const w of whens) {
    for (const m of w.matchAll(/[A-Za-z][\w.]*/g)) {
      const key = m[0];
      if (key.startsWith('newsAnnotator.') && !Object.values(Views).includes(key as never))
        assert.ok(ours.has(key), `unknown context key ${key}`);
      else if (!key.startsWith('newsAnnotator.')) assert.ok(builtins.has(key), `unexpected identifier ${key} in ${w}`);
    }
  }
});

test('language, grammar and schema files exist; activation is lean', () => {
  assert.equal(c.languages[0].id, LANGUAGE_ID);
  for (const f of [c.languages[0].configuration, c.grammars[0].path, c.yamlValidation[0].url])
    assert.ok(fs.existsSync(path.join(root, f)), f);
  JSON.parse(fs.readFileSync(path.join(root, c.grammars[0].path), 'utf8'));
  assert.deepEqual(pkg.activationEvents, ['onLanguage:plaintext'], 'only what VS Code cannot infer');
  assert.ok(pkg.capabilities.untrustedWorkspaces && pkg.capabilities.virtualWorkspaces);
});

test('the bundled CLI is the package bin', () => {
  assert.equal(pkg.bin['news-annotator'], 'dist/cli.js');
});
