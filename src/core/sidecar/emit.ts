/**
 * Writing YAML scalars and one-line flow mappings, deterministically and fast, in the exact subset
 * that `lightYaml.ts` reads back (a unit test checks both readers agree on everything written here).
 */
import { coreScalar } from './lightYaml';

/** Characters that never appear unescaped in what we write (controls, line and paragraph separators, BOM, non-characters, surrogates). */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
/** A plain scalar in a flow collection: a safe first character, no flow indicators, comments or `: `. */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^,[\]{}#\t]*$/;

/** A string as a YAML scalar that reads back as exactly that string in block and flow context. */
export function yamlString(s: string): string {
  if (
    PLAIN.test(s) &&
    !s.endsWith(' ') &&
    !s.endsWith(':') &&
    !s.includes(': ') &&
    !NEEDS_ESCAPE.test(s) &&
    typeof coreScalar(s) === 'string'
  ) {
    return s;
  }
  if (!NEEDS_ESCAPE.test(s) || !hasUnpairedOrControl(s)) return `'${s.replace(/'/g, "''")}'`;
  return doubleQuoted(s);
}

/** True when the string holds something a single-quoted scalar cannot carry (paired surrogates are fine). */
function hasUnpairedOrControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return true;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) return true;
  }
  return false;
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c >= 0xd800 && c <= 0xdbff && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      out += s[i]! + s[i + 1]!;
      i++;
    } else if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0xfeff ||
      c === 0xfffe ||
      c === 0xffff ||
      (c >= 0xd800 && c <= 0xdfff)
    ) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else out += s[i];
  }
  return out + '"';
}

export type FlowValue = string | number | boolean | null | readonly FlowValue[] | { readonly [k: string]: FlowValue | undefined };

/** A value in flow style on one line (`{a: 1, b: [2, 3]}`); keys in the object's own order, undefined values left out. */
export function flow(v: FlowValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return yamlString(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('only finite numbers are written');
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return '[' + v.map(flow).join(', ') + ']';
  let out = '';
  for (const k in v as Record<string, FlowValue | undefined>) {
    const x = (v as Record<string, FlowValue | undefined>)[k];
    if (x === undefined) continue;
    out += (out ? ', ' : '') + (/^[a-zA-Z][a-zA-Z0-9]*$/.test(k) && typeof coreScalar(k) === 'string' ? k : yamlString(k)) + ': ' + flow(x);
  }
  return '{' + out + '}';
}
