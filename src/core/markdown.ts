/**
 * Making untrusted text (article words, names, file names, YAML values) inert in Markdown.
 *
 * Every ASCII punctuation character is backslash-escaped (CommonMark allows escaping all of them),
 * so no link, image, autolink (`https\://…`, `www\.…`, `a\@b`), HTML, emphasis, code span, heading or
 * list can form; whitespace runs collapse so no indented code block or hard break forms; invisible
 * and direction-changing characters are made visible (Trojan Source, CVE-2021-42574).
 */

/** Bidi controls, zero-width and other invisible format characters. */
const INVISIBLE = /[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]/g;

/** Replaces invisible and bidi control characters with a visible `⟦U+202E⟧` marker. */
export function revealInvisible(s: string): string {
  return s.replace(INVISIBLE, (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** True when the text holds bidi controls or invisible characters. */
export function hasInvisible(s: string): boolean {
  INVISIBLE.lastIndex = 0;
  const r = INVISIBLE.test(s);
  INVISIBLE.lastIndex = 0;
  return r;
}

/** Plain text for a one-line UI label (tree item, quick pick): invisible characters shown, whitespace collapsed, bounded. */
export function plainLabel(s: string, max = 120): string {
  const t = revealInvisible(s).replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** Escapes untrusted text for inclusion in Markdown as literal text on one line. */
export function escapeMarkdown(s: string, max = 400): string {
  return plainLabel(s, max).replace(/[!-/:-@[-`{-~]/g, (c) => '\\' + c);
}
