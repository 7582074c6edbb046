/**
 * Reading YAML from an untrusted file without evaluating anything (annotation files, the entity
 * registry): a size cap; git conflict markers found line by line before parsing (an indented
 * `=======` inside a block scalar would otherwise parse); no directives (`%YAML 1.1` would change the
 * schema); the core schema; unique keys; no anchors or aliases (billion laughs); no custom tags;
 * bounded nesting. Problems come with their line.
 */
import { isAlias, isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

export interface YamlProblem {
  kind: 'conflict' | 'invalid' | 'too-large';
  /** One line, safe for the output channel (it may quote short bits of the file). */
  message: string;
  /** 1-based line of the first problem, when known. */
  line?: number;
  /** All problems found, each `line N: message`. */
  details: string[];
}

export type SafeYaml = { ok: true; doc: Document.Parsed; lc: LineCounter; src: string } | { ok: false; problem: YamlProblem };

/** Deepest nesting accepted (our files need four levels). */
const MAX_DEPTH = 32;

/** Line numbers (1-based) of git conflict markers (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`). */
export function conflictMarkerLines(src: string): number[] {
  const out: number[] = [];
  const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^(?:<{7}|>{7}|\|{7})(?: |$)|^={7}\r?$/.test(lines[i]!)) out.push(i + 1);
  }
  return out;
}

/** Parses untrusted YAML text (BOM removed, line endings normalized to LF). Never throws. */
export function parseSafeYaml(raw: string, maxBytes: number, what: string): SafeYaml {
  const fail = (kind: YamlProblem['kind'], message: string, line?: number, details: string[] = []): SafeYaml => ({
    ok: false,
    problem: line === undefined ? { kind, message, details } : { kind, message, line, details },
  });
  if (raw.length > maxBytes) return fail('too-large', `the ${what} file is larger than ${maxBytes / 1048576} MB`);
  let src = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  src = src.replace(/\r\n?/g, '\n');
  const conflicts = conflictMarkerLines(src);
  if (conflicts.length) {
    return fail(
      'conflict',
      `unresolved git conflict markers (line ${conflicts[0]}); resolve the merge first`,
      conflicts[0],
      conflicts.map((l) => `line ${l}: conflict marker`),
    );
  }
  const directive = /^%/m.exec(src);
  if (directive) {
    const line = src.slice(0, directive.index).split('\n').length;
    return fail('invalid', `YAML directives (%YAML, %TAG) are not allowed (line ${line})`, line);
  }
  const lc = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(src, {
      lineCounter: lc,
      schema: 'core',
      version: '1.2',
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      stringKeys: true,
    });
  } catch (e) {
    return fail('invalid', e instanceof RangeError ? 'the YAML is too deeply nested' : 'the YAML could not be parsed');
  }
  const errs = [...doc.errors, ...doc.warnings];
  if (errs.length) {
    const first = (m: string) => m.split('\n')[0]!.slice(0, 200);
    const line = lc.linePos(errs[0]!.pos[0]).line;
    return fail(
      'invalid',
      `not valid YAML: ${first(errs[0]!.message)} (line ${line})`,
      line,
      errs.map((e) => `line ${lc.linePos(e.pos[0]).line}: ${first(e.message)}`),
    );
  }
  let bad: { node: Node; why: string } | null = null;
  try {
    visit(doc, {
      Alias(_k, n) {
        bad = { node: n as unknown as Node, why: 'YAML aliases (*name) are not allowed' };
        return visit.BREAK;
      },
      Node(_k, n, path) {
        if (path.length > MAX_DEPTH) {
          bad = { node: n, why: 'the YAML is too deeply nested' };
          return visit.BREAK;
        }
        if (!isAlias(n) && (n as { anchor?: string }).anchor) {
          bad = { node: n, why: 'YAML anchors (&name) are not allowed' };
          return visit.BREAK;
        }
        if (n.tag && !/^tag:yaml\.org,2002:(?:str|int|float|bool|null|map|seq)$/.test(n.tag)) {
          bad = { node: n, why: 'custom YAML tags are not allowed' };
          return visit.BREAK;
        }
        return undefined;
      },
    });
  } catch {
    return fail('invalid', 'the YAML is too deeply nested');
  }
  if (bad) {
    const b = bad as { node: Node; why: string };
    const line = lc.linePos(b.node.range?.[0] ?? 0).line;
    return fail('invalid', `${b.why} (line ${line})`, line);
  }
  return { ok: true, doc, lc, src };
}

/** Validation problems with the line of the node they are about. */
export class Problems {
  readonly list: { line: number; msg: string }[] = [];
  constructor(private readonly lc: LineCounter) {}
  add(node: Node | null | undefined, msg: string): void {
    const off = node?.range?.[0];
    this.list.push({ line: off === undefined ? 0 : this.lc.linePos(off).line, msg });
  }
}

/** Makes a user-controlled string safe for a one-line message (no newlines, bounded). */
export function safeForMessage(s: string): string {
  return s.replace(/[\u0000-\u001f\u2028\u2029]/g, ' ').slice(0, 60);
}

/** A node's plain value: collections as themselves, scalars as their value, nothing as undefined. */
export function scalar(n: unknown): unknown {
  if (!n) return undefined;
  if (isMap(n) || isSeq(n) || isAlias(n)) return n;
  return (n as { value?: unknown }).value;
}
