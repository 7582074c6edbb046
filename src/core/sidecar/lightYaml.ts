/**
 * A linear-time reader for the subset of YAML that annotation files are written in — block mappings
 * and sequences, one-line flow collections, plain / single-quoted / double-quoted one-line scalars,
 * comments — with the YAML 1.2 core schema. It reads what `serializeSidecar` writes, what earlier
 * versions wrote and what most tools write (`yaml`'s and PyYAML's default block style), in one pass,
 * at tens of megabytes per second.
 *
 * It never guesses: anything outside the subset (anchors, aliases, tags, directives, block scalars,
 * multi-line scalars, explicit keys, tabs in indentation, several documents) makes it return
 * `undefined`, and the caller falls back to the full YAML parser, which also gives the precise error.
 * A unit test checks that whenever this reader answers, it answers exactly what the full parser does.
 */

export interface LScalar {
  t: 's';
  v: string | number | boolean | null;
  line: number;
}
export interface LMap {
  t: 'm';
  /** Keys in file order (duplicates kept: the validator reports them). */
  keys: string[];
  keyLines: number[];
  values: LNode[];
  line: number;
}
export interface LSeq {
  t: 'q';
  items: LNode[];
  line: number;
}
export type LNode = LScalar | LMap | LSeq;

/** Thrown inside the reader when the input leaves the subset; never escapes {@link readLightYaml}. */
class Unsupported extends Error {}
function unsupported(reason: string): Unsupported {
  return new Unsupported(reason);
}
/** Deeper nesting is left to the full parser (which refuses it): annotation files need four levels. */
const MAX_DEPTH = 32;

/** Plain scalars the core schema reads as something other than a string. */
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** The value of a plain scalar in the YAML 1.2 core schema. */
export function coreScalar(s: string): string | number | boolean | null {
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
    case '+.Inf':
    case '+.INF':
      return Infinity;
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return -Infinity;
    case '.nan':
    case '.NaN':
    case '.NAN':
      return NaN;
  }
  const c = s.charCodeAt(0);
  // Only strings that start like a number can be one.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (CORE_INT.test(s)) return Number(s);
    if (CORE_OCT.test(s)) return parseInt(s.slice(2), 8);
    if (CORE_HEX.test(s)) return parseInt(s.slice(2), 16);
    if (CORE_FLOAT.test(s)) return Number(s);
  }
  return s;
}

/**
 * Reads a YAML document in the subset (LF line endings, no BOM). Returns undefined when the text
 * leaves the subset. An empty document is `null`.
 */
export function readLightYaml(src: string, why?: { line: number; reason: string }): LNode | null | undefined {
  let reader: Reader | undefined;
  try {
    reader = new Reader(src);
    return reader.document();
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    if (why) {
      why.line = reader?.line ?? 1;
      why.reason = e.message;
    }
    return undefined;
  }
}

class Reader {
  /** Start offset of the current line. */
  private pos = 0;
  /** 1-based number of the current line. */
  private lineNo = 1;

  get line(): number {
    return this.lineNo;
  }
  /** The current line's text (without its LF) and indentation; -1 at the end. */
  private text = '';
  private indent = -1;

  constructor(private readonly src: string) {
    if (src.includes('\r')) throw unsupported('carriage returns');
    this.load();
    this.skipBlank();
  }

  /** Loads the line at `pos`. */
  private load(): void {
    if (this.pos >= this.src.length) {
      this.text = '';
      this.indent = -1;
      return;
    }
    let end = this.src.indexOf('\n', this.pos);
    if (end < 0) end = this.src.length;
    this.text = this.src.slice(this.pos, end);
    let i = 0;
    while (i < this.text.length && this.text.charCodeAt(i) === 32) i++;
    if (this.text.charCodeAt(i) === 9 && !isBlankOrComment(this.text)) throw unsupported('a tab in indentation');
    this.indent = i;
  }

  private next(): void {
    const end = this.src.indexOf('\n', this.pos);
    this.pos = end < 0 ? this.src.length : end + 1;
    this.lineNo++;
    this.load();
  }

  /** Moves past blank and comment-only lines. */
  private skipBlank(): void {
    while (this.indent >= 0 && isBlankOrComment(this.text)) this.next();
  }

  document(): LNode | null {
    if (this.indent < 0) return null;
    const t = this.text.slice(this.indent);
    if (t.startsWith('%') || t === '---' || t.startsWith('--- ') || t === '...') throw unsupported('a directive or document marker');
    const node = this.block(this.indent);
    this.skipBlank();
    if (this.indent >= 0) throw unsupported('something left over (a dedent below the root, a second document)');
    return node;
  }

  private depth = 0;

  /** The block node whose first line is the current line, at indentation `n`. */
  private block(n: number): LNode {
    if (++this.depth > MAX_DEPTH) throw unsupported('nesting deeper than 32 levels');
    try {
      return this.blockAt(n);
    } finally {
      this.depth--;
    }
  }

  private blockAt(n: number): LNode {
    const t = this.text.slice(n);
    if (t === '-' || t.startsWith('- ')) return this.sequence(n);
    if (findKeyEnd(t) >= 0) return this.mapping(n);
    // A lone scalar or flow collection as the whole node.
    const line = this.lineNo;
    const node = inlineValue(t, line);
    this.next();
    this.skipBlank();
    return node;
  }

  private sequence(n: number): LSeq {
    const seq: LSeq = { t: 'q', items: [], line: this.lineNo };
    while (this.indent === n && (this.text.length === n + 1 ? this.text.charCodeAt(n) === 45 : this.text.startsWith('- ', n))) {
      const line = this.lineNo;
      // Content after "- " (more spaces allowed).
      let c = n + 1;
      while (c < this.text.length && this.text.charCodeAt(c) === 32) c++;
      const rest = this.text.slice(c);
      if (rest === '' || rest.startsWith('#')) {
        this.next();
        this.skipBlank();
        if (this.indent > n) seq.items.push(this.block(this.indent));
        else seq.items.push({ t: 's', v: null, line });
        continue;
      }
      if (rest === '-' || rest.startsWith('- ')) throw unsupported('a compact nested sequence');
      if (findKeyEnd(rest) >= 0) {
        // A compact mapping: "- key: value" then more keys at the column of "key".
        seq.items.push(this.mapping(c));
      } else {
        seq.items.push(this.value(rest, line, n));
        this.next();
        this.skipBlank();
      }
    }
    if (this.indent > n) throw unsupported('a line indented deeper than its parent expects');
    return seq;
  }

  /**
   * A value that starts on the current line after a key or a list dash at column `n`: on this line,
   * or a quoted value continued on the lines below (earlier releases wrote those), which ends on
   * the line with its closing quote (the current line afterwards).
   */
  private value(rest: string, line: number, n: number): LNode {
    const q = rest.charCodeAt(0);
    if ((q !== 34 && q !== 39) || (q === 34 ? doubleQuotedEnd(rest, 0) : singleQuotedEnd(rest, 0)) >= 0) return inlineValue(rest, line);
    // Folding (YAML 1.2, 7.3): a line break between two lines of text reads as a space, each empty
    // line between them as a line break; spaces around a break are dropped; in double quotes a
    // backslash at the end of a line joins the lines with nothing between.
    const decode = (raw: string) => (q === 34 ? decodeDouble('"' + raw + '"', 0, raw.length + 1) : raw.replace(/''/g, "'"));
    let out = '';
    let piece = rest.slice(1);
    let first = true;
    let empty = 0;
    let joinNext = false;
    for (;;) {
      const close = q === 34 ? doubleQuotedEnd('"' + piece, 0) - 1 : singleQuotedEnd("'" + piece, 0) - 1;
      let content = close >= 1 ? piece.slice(0, close - 1) : piece;
      if (!first) content = content.replace(/^[ \t]+/, '');
      if (close < 1) {
        const escaped = q === 34 && /(^|[^\\])(\\\\)*\\$/.test(content);
        if (escaped) content = content.slice(0, -1);
        else content = content.replace(/[ \t]+$/, '');
        if (!first && content === '') {
          if (joinNext) throw unsupported('an empty line after an escaped line break');
          empty++;
        } else {
          if (!first) out += joinNext ? '' : empty ? '\n'.repeat(empty) : ' ';
          out += decode(content);
          empty = 0;
          joinNext = escaped;
        }
        first = false;
        this.next();
        if (this.indent < 0) throw unsupported('a quoted value that is never closed');
        if (this.indent <= n && !isSpaces(this.text)) throw unsupported('a quoted value continued at a lower indentation');
        // A tab before a continued line's text (or on an empty one) is not indentation in YAML: the
        // full parser decides (it refuses a tab-only line at the left margin, for one).
        if (/^ *\t/.test(this.text)) throw unsupported('a tab at the start of a quoted value’s next line');
        piece = this.text;
        continue;
      }
      if (content === '' && !joinNext && !empty) throw unsupported('a quoted value closed on a line of its own');
      out += (joinNext ? '' : empty ? '\n'.repeat(empty) : ' ') + decode(content);
      const tail = piece.slice(close);
      if (!isSpaces(tail) && !/^[ \t]+#/.test(tail)) throw unsupported('text after a closing quote');
      return { t: 's', v: out, line };
    }
  }

  /**
   * A block mapping whose keys sit at column `n`. Its first line may start at a lower indentation
   * (`- key: value` in a sequence).
   */
  private mapping(n: number): LMap {
    const map: LMap = { t: 'm', keys: [], keyLines: [], values: [], line: this.lineNo };
    do {
      const t = this.text.slice(n);
      const ke = findKeyEnd(t);
      if (ke < 0) throw unsupported('a line that is neither a key nor a list item');
      const line = this.lineNo;
      map.keys.push(keyText(t.slice(0, ke)));
      map.keyLines.push(line);
      let v = ke + 1;
      while (v < t.length && t.charCodeAt(v) === 32) v++;
      const rest = t.slice(v);
      if (rest === '' || rest.startsWith('#')) {
        // The value is on the following lines: a nested block, a sequence at the key's own column, or nothing.
        this.next();
        this.skipBlank();
        if (this.indent > n) map.values.push(this.block(this.indent));
        else if (this.indent === n && isSeqStart(this.text, n)) map.values.push(this.sequence(n));
        else map.values.push({ t: 's', v: null, line });
      } else {
        map.values.push(this.value(rest, line, n));
        this.next();
        this.skipBlank();
        if (this.indent > n) throw unsupported('a multi-line scalar or a bad indentation');
      }
    } while (this.indent === n && !isSeqStart(this.text, n));
    return map;
  }
}

/** YAML white space is spaces and tabs only (JavaScript's trim would also take U+FEFF, U+00A0, U+2028 …). */
function isSpaces(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

function trimSpacesEnd(s: string): string {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
  return e === s.length ? s : s.slice(0, e);
}

function isSeqStart(text: string, n: number): boolean {
  return text.length === n + 1 ? text.charCodeAt(n) === 45 : text.startsWith('- ', n);
}

function isBlankOrComment(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    return c === 35; // '#'
  }
  return true;
}

/**
 * Where the key of a block mapping entry ends (the index of its ':'), or -1 when the text is not a
 * `key: value` / `key:` line. Keys are plain or quoted scalars on one line.
 */
function findKeyEnd(t: string): number {
  const c0 = t.charCodeAt(0);
  if (c0 === 34 || c0 === 39) {
    const close = c0 === 34 ? doubleQuotedEnd(t, 0) : singleQuotedEnd(t, 0);
    if (close < 0) return -1;
    let i = close;
    while (i < t.length && t.charCodeAt(i) === 32) i++;
    if (t.charCodeAt(i) === 58 && (i + 1 === t.length || t.charCodeAt(i + 1) === 32)) return i;
    return -1;
  }
  if (c0 === 63 && (t.length === 1 || t.charCodeAt(1) === 32)) throw unsupported('explicit key');
  if (c0 === 123 || c0 === 91 || c0 === 35) return -1; // a flow collection or a comment
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 58 && (i + 1 === t.length || t.charCodeAt(i + 1) === 32)) return i;
    if (c === 35 && i > 0 && t.charCodeAt(i - 1) === 32) return -1; // a comment starts
  }
  return -1;
}

function keyText(k: string): string {
  const t = trimSpacesEnd(k);
  const c0 = t.charCodeAt(0);
  if (c0 === 34) return decodeDouble(t, 0, t.length - 1);
  if (c0 === 39) return t.slice(1, -1).replace(/''/g, "'");
  checkPlain(t, false);
  const v = coreScalar(t);
  // A key like `1` or `true` is not a string key: outside what annotation files use.
  if (typeof v !== 'string') throw unsupported('a key that is not a string');
  return v;
}

/** A value written on one line: flow collection, quoted or plain scalar, then optionally a comment. */
function inlineValue(rest: string, line: number): LNode {
  const c0 = rest.charCodeAt(0);
  let node: LNode;
  let end: number;
  if (c0 === 123 || c0 === 91) {
    const f = new Flow(rest, line);
    node = f.value();
    end = f.i;
  } else if (c0 === 34) {
    end = doubleQuotedEnd(rest, 0);
    if (end < 0) throw unsupported('a double-quoted value that does not end on its line');
    node = { t: 's', v: decodeDouble(rest, 0, end - 1), line };
  } else if (c0 === 39) {
    end = singleQuotedEnd(rest, 0);
    if (end < 0) throw unsupported('a single-quoted value that does not end on its line');
    node = { t: 's', v: rest.slice(1, end - 1).replace(/''/g, "'"), line };
  } else {
    const cut = rest.search(/ #|\t#/);
    const plain = trimSpacesEnd(cut < 0 ? rest : rest.slice(0, cut));
    checkPlain(plain, false);
    return { t: 's', v: coreScalar(plain), line };
  }
  // After a collection or a quoted scalar: only spaces and a comment.
  const tail = rest.slice(end);
  if (!isSpaces(tail) && !/^[ \t]+#/.test(tail)) throw unsupported('text after a closing quote or bracket');
  return node;
}

/**
 * Rejects plain scalars whose reading depends on YAML rules this reader does not implement: leading
 * indicators, anchors, tags, aliases, block-scalar and directive marks, `: ` inside, trailing spaces.
 */
function checkPlain(s: string, flow: boolean): void {
  const n = s.length;
  if (n === 0) return;
  const c0 = s.charCodeAt(0);
  if (c0 < 128 && START_INDICATOR[c0])
    throw unsupported('a value starting with a YAML indicator (anchor, alias, tag, block scalar, quote or bracket)');
  if ((c0 === 45 || c0 === 63 || c0 === 58) && (n === 1 || s.charCodeAt(1) === 32 || (flow && isFlowIndicator(s.charCodeAt(1))))) {
    throw unsupported('a value starting with - ? or : and a space');
  }
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 58 && (i + 1 === n || s.charCodeAt(i + 1) === 32)) throw unsupported('a value holding ": " or a final colon');
      if (c === 35 && s.charCodeAt(i - 1) === 32) throw unsupported('a value holding " #"');
      if (flow && isFlowIndicator(c)) throw unsupported('a flow value holding a comma or bracket');
    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) {
      throw unsupported('a tab or control character in a plain value');
    }
  }
}

/** First characters that give a plain scalar another meaning. */
const START_INDICATOR = new Uint8Array(128);
for (const ch of '&*!|>%@`\'"{}[],#') START_INDICATOR[ch.charCodeAt(0)] = 1;

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** Index just past the closing quote of a double-quoted scalar starting at `i`, or -1. */
function doubleQuotedEnd(t: string, i: number): number {
  for (let j = i + 1; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j + 1;
  }
  return -1;
}

function singleQuotedEnd(t: string, i: number): number {
  for (let j = i + 1; j < t.length; j++) {
    if (t.charCodeAt(j) === 39) {
      if (t.charCodeAt(j + 1) === 39) j++;
      else return j + 1;
    }
  }
  return -1;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** Decodes the double-quoted scalar whose quotes are at `open` and `close`. */
function decodeDouble(t: string, open: number, close: number): string {
  const body = t.slice(open + 1, close);
  if (/[\u0000-\u0008\u000a-\u001f]/.test(body)) throw unsupported('a line break or control character in a quoted value');
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) throw unsupported('a backslash at the end of a quoted value');
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = body.slice(i + 1, i + 1 + len);
    if (!len || hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw unsupported('an unknown escape in a quoted value');
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) throw unsupported('an escape beyond Unicode');
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** A one-line flow collection. */
class Flow {
  i = 0;
  constructor(
    private readonly t: string,
    private readonly line: number,
  ) {}

  private ws(): void {
    while (this.t.charCodeAt(this.i) === 32) this.i++;
  }

  private depth = 0;

  value(): LNode {
    if (++this.depth > MAX_DEPTH) throw unsupported('nesting deeper than 32 levels');
    try {
      return this.valueAt();
    } finally {
      this.depth--;
    }
  }

  private valueAt(): LNode {
    this.ws();
    const c = this.t.charCodeAt(this.i);
    if (c === 123) return this.map();
    if (c === 91) return this.seq();
    return { t: 's', v: this.scalar(false), line: this.line };
  }

  private map(): LMap {
    const m: LMap = { t: 'm', keys: [], keyLines: [], values: [], line: this.line };
    this.i++;
    this.ws();
    if (this.t.charCodeAt(this.i) === 125) {
      this.i++;
      return m;
    }
    for (;;) {
      this.ws();
      const k = this.scalar(true);
      if (typeof k !== 'string') throw unsupported('a key that is not a string');
      this.ws();
      if (this.t.charCodeAt(this.i) !== 58) throw unsupported('a flow key without a colon');
      this.i++;
      const after = this.t.charCodeAt(this.i);
      // `key:value` is a plain key only when quoted (JSON style); a plain key needs a space.
      if (after !== 32 && after !== 44 && after !== 125 && !this.quotedBefore)
        throw unsupported('a flow key and value without a space between');
      this.ws();
      m.keys.push(k);
      m.keyLines.push(this.line);
      const n = this.t.charCodeAt(this.i);
      if (n === 44 || n === 125) m.values.push({ t: 's', v: null, line: this.line });
      else m.values.push(this.value());
      this.ws();
      const d = this.t.charCodeAt(this.i);
      this.i++;
      if (d === 125) return m;
      if (d !== 44) throw unsupported('a flow mapping not closed on its line');
      this.ws();
      if (this.t.charCodeAt(this.i) === 125) {
        this.i++;
        return m;
      }
    }
  }

  private seq(): LSeq {
    const s: LSeq = { t: 'q', items: [], line: this.line };
    this.i++;
    this.ws();
    if (this.t.charCodeAt(this.i) === 93) {
      this.i++;
      return s;
    }
    for (;;) {
      this.ws();
      const c = this.t.charCodeAt(this.i);
      if (c === 44 || c === 93) throw unsupported('an empty item in a flow list');
      const v = this.value();
      this.ws();
      // `[a: b]` (a single-pair mapping inside a sequence) is outside the subset.
      if (this.t.charCodeAt(this.i) === 58) throw unsupported('a key: value pair inside a flow list');
      s.items.push(v);
      const d = this.t.charCodeAt(this.i);
      this.i++;
      if (d === 93) return s;
      if (d !== 44) throw unsupported('a flow list not closed on its line');
      this.ws();
      if (this.t.charCodeAt(this.i) === 93) {
        this.i++;
        return s;
      }
    }
  }

  private quotedBefore = false;

  /** A scalar inside a flow collection (a key when `key`). */
  private scalar(key: boolean): string | number | boolean | null {
    const c = this.t.charCodeAt(this.i);
    this.quotedBefore = false;
    if (c === 34) {
      const end = doubleQuotedEnd(this.t, this.i);
      if (end < 0) throw unsupported('a double-quoted value that does not end on its line');
      const v = decodeDouble(this.t, this.i, end - 1);
      this.i = end;
      this.quotedBefore = true;
      return v;
    }
    if (c === 39) {
      const end = singleQuotedEnd(this.t, this.i);
      if (end < 0) throw unsupported('a single-quoted value that does not end on its line');
      const v = this.t.slice(this.i + 1, end - 1).replace(/''/g, "'");
      this.i = end;
      this.quotedBefore = true;
      return v;
    }
    // Plain: up to a flow indicator, or ': ' for a key.
    let j = this.i;
    for (; j < this.t.length; j++) {
      const d = this.t.charCodeAt(j);
      if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break;
      if (d === 58) {
        const n = this.t.charCodeAt(j + 1);
        if (j + 1 === this.t.length || n === 32 || n === 44 || n === 91 || n === 93 || n === 123 || n === 125) break;
      }
      if (d === 35 && j > this.i && this.t.charCodeAt(j - 1) === 32) throw unsupported('a comment inside a collection');
    }
    const raw = trimSpacesEnd(this.t.slice(this.i, j));
    this.i = j;
    if (raw === '' && !key) throw unsupported('an empty flow value');
    checkPlain(raw, true);
    const v = coreScalar(raw);
    if (key && typeof v !== 'string') throw unsupported('a key that is not a string');
    return v;
  }
}

/** A plain scalar's value in the core schema, or undefined when its reading needs rules outside the subset. */
export function plainScalar(raw: string, flow: boolean): string | number | boolean | null | undefined {
  try {
    checkPlain(raw, flow);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  return coreScalar(raw);
}

/**
 * The quoted scalar that starts at `i` of `t` (a one-line double- or single-quoted value): its value
 * and the index after its closing quote, or undefined when it is not a one-line quoted value of the subset.
 */
export function quotedScalar(t: string, i: number): { value: string; end: number } | undefined {
  const q = t.charCodeAt(i);
  const end = q === 34 ? doubleQuotedEnd(t, i) : q === 39 ? singleQuotedEnd(t, i) : -1;
  if (end < 0) return undefined;
  if (q === 39) {
    const body = t.slice(i + 1, end - 1);
    return { value: body.indexOf("'") < 0 ? body : body.replace(/''/g, "'"), end };
  }
  try {
    return { value: decodeDouble(t, i, end - 1), end };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
