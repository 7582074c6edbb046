import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { detectArticle } from '../../src/core/detect';

const root = path.resolve(__dirname, '../../..');

test('every sample article is detected as an article', () => {
  for (const f of fs.readdirSync(path.join(root, 'samples'))) {
    const d = detectArticle(f, fs.readFileSync(path.join(root, 'samples', f), 'utf8'));
    assert.ok(d.article, `${f}: ${d.reason}`);
  }
});

test('licences, requirement lists, logs, code and notes are not articles', () => {
  const cases: [string, string][] = [
    ['LICENSE.txt', fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')],
    ['COPYING', 'GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n'],
    ['requirements.txt', 'numpy==1.26.4\npandas>=2.1\nrequests~=2.31\n# tests\npytest==8.0.0\n'],
    ['notes/requirements-dev.txt', 'black==24.1.0\nruff==0.2.0\n'],
    ['server.log.txt', '2026-02-04 10:00:01 INFO started\n2026-02-04 10:00:02 WARN slow request\n2026-02-04 10:00:03 ERROR boom\n'],
    ['output.txt', '[INFO] building\n[INFO] done in 3 s\n[ERROR] one test failed: the reporter said nothing\n'],
    ['script.txt', 'import os\ndef main():\n    print("hi")\nclass Foo:\n    pass\n'],
    ['config.txt', 'port = 8080\nhost = localhost\ndebug = true\nname = "News"\n'],
    ['todo.txt', '- [ ] write the intro\n- [x] call the mayor\n- [ ] check the figures\n'],
    ['shopping.txt', 'eggs\nmilk\nbread\n'],
    ['empty.txt', ''],
  ];
  for (const [name, text] of cases) {
    const d = detectArticle(name, text);
    assert.equal(d.article, false, `${name} should not be an article (${d.reason})`);
  }
});

test('an article with CRLF line endings, a dateline and curly quotes is detected', () => {
  const text =
    'Storm closes port\r\n\r\nLISBON, 3 March 2026 – A storm closed the port of Lisbon on Tuesday, the ' +
    'harbour authority said, stranding dozens of ships.\r\n\r\n“We have never seen waves like this,” ' +
    'said the harbour master, João Silva. The port is expected to reopen on Thursday.\r\n';
  assert.ok(detectArticle('storm.txt', text).article);
});
