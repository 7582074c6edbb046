/**
 * Making untrusted text (article words, names, file names, YAML values) inert in Markdown and in
 * plain-text UI labels, and building command links the way VS Code does.
 *
 * Every ASCII punctuation character is backslash-escaped (CommonMark allows escaping all of them),
 * so no link, image, autolink (`https\://…`, `www\.…`, `a\@b`), HTML, entity (`\&#106;`), emphasis,
 * code span, heading, list or theme icon (`\$\(zap\)`) can form; whitespace runs and control
 * characters collapse to one space so no indented code block, fence or hard break forms; invisible
 * and direction-changing characters are made visible (Trojan Source, CVE-2021-42574).
 */

/**
 * Bidi controls, zero-width and other invisible characters: every format character (`\p{Cf}`:
 * U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF, interlinear annotation marks, …) and every
 * default-ignorable code point (combining grapheme joiner, Hangul fillers, variation selectors, the
 * whole U+E0000 tag block used for "ASCII smuggling", unassigned ones included).
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Control characters, line/paragraph separators and whitespace runs: one space in a one-line label. */
const SPACES = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Replaces invisible and bidi control characters with a visible `⟦U+202E⟧` marker. */
export function revealInvisible(s: string): string {
  return s.replace(INVISIBLE, (c) => `⟦U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** True when the text holds bidi controls or invisible characters. */
export function hasInvisible(s: string): boolean {
  INVISIBLE.lastIndex = 0;
  const r = INVISIBLE.test(s);
  INVISIBLE.lastIndex = 0;
  return r;
}

/**
 * Cuts to at most `max` UTF-16 units with an ellipsis, at the end of a word: the text ends at the
 * last whitespace that keeps at least half of the room (trailing spaces and `,;:` dropped). Only a
 * single word longer than half the room (a URL, a path) is cut inside, and never inside a surrogate pair.
 */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = Math.max(0, max - 1);
  if (!WORD_END.test(s[cut] ?? '')) {
    let k = cut - 1;
    while (k > 0 && !WORD_END.test(s[k]!)) k--;
    if (k > 0 && k >= cut / 2) cut = k;
  }
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  const kept = s.slice(0, cut);
  return (kept.replace(TRAILING, '') || kept) + '…';
}

/** A character after which a word has ended. */
const WORD_END = /\s/;
/** What a cut line should not end with before its ellipsis. */
const TRAILING = /[\s,;:]+$/;

/** Cuts to at most `max` UTF-16 units with an ellipsis in the middle (file paths keep their name and extension). */
export function shortenMiddle(s: string, max: number): string {
  if (s.length <= max) return s;
  const tail = Math.floor((max - 1) / 2);
  return (
    shorten(s.slice(0, s.length - tail), max - tail).replace(/…$/, '') + '…' + s.slice(s.length - tail).replace(/^[\udc00-\udfff]/, '')
  );
}

/** Plain text for a one-line UI label (tree item, tooltip): invisible characters shown, whitespace collapsed, bounded. */
export function plainLabel(s: string, max = 120): string {
  // Most labels are printable ASCII words with single spaces: nothing to reveal or collapse.
  if (s.length <= max && SIMPLE.test(s)) return s;
  return shorten(revealInvisible(s).replace(SPACES, ' ').trim(), max);
}

/** Printable ASCII words separated by single spaces (no leading/trailing space). */
const SIMPLE = /^[!-~]+(?: [!-~]+)*$/;

/**
 * A label for places that render `$(icon)` syntax in plain strings (quick picks, status bar): like
 * {@link plainLabel}, with `$(` broken up so an article or file name cannot show one of our icons.
 */
export function iconSafeLabel(s: string, max = 120): string {
  return plainLabel(s, max).replace(/\$\(/g, '$\u2009(');
}

/** Escapes untrusted text for inclusion in Markdown as literal text on one line. */
export function escapeMarkdown(s: string, max = 400): string {
  return plainLabel(s, max).replace(/[!-/:-@[-`{-~]/g, (c) => '\\' + c);
}

/**
 * A `command:` link target exactly as VS Code builds it:
 * `Uri.from({ scheme: 'command', path: id, query: encodeURIComponent(JSON.stringify(args)) }).toString()`.
 * `Uri.toString` encodes the query once more (`%` → `%25`, and `!'()*`, which `encodeURIComponent`
 * leaves alone), so nothing in the arguments can close the Markdown link destination.
 */
export function commandHref(command: string, args: readonly unknown[]): string {
  if (!/^[A-Za-z][\w.-]*$/.test(command)) throw new Error('invalid command id');
  const query = encodeURIComponent(JSON.stringify(args));
  return `command:${command}?${encodeURIComponent(query).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())}`;
}

/** Reverses {@link commandHref} (for tests and for validating what a hover link would send). */
export function parseCommandHref(href: string): { command: string; args: unknown } | null {
  const m = /^command:([A-Za-z][\w.-]*)(?:\?(.*))?$/.exec(href);
  if (!m) return null;
  try {
    return { command: m[1]!, args: m[2] === undefined ? [] : JSON.parse(decodeURIComponent(decodeURIComponent(m[2]))) };
  } catch {
    return null;
  }
}
