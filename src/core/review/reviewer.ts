/**
 * The reviewer's name as recorded in `by:`: one line of visible text, at most
 * {@link MAX_REVIEWER_CHARS} characters, the same every time for the same input (no time stamp,
 * no machine name), so that two people's files merge cleanly.
 */

export const MAX_REVIEWER_CHARS = 100;

/**
 * Cleans a name from a setting or from `git config`: the first line, control and bidi-override
 * characters removed, spaces collapsed, cut at {@link MAX_REVIEWER_CHARS} (never inside a surrogate
 * pair). Null when nothing is left.
 */
export function cleanReviewer(raw: string): string | null {
  const line = raw.split(/\r?\n/)[0] ?? '';
  // C0/C1 controls, bidi embeddings/overrides/isolates, zero-width and BOM characters.
  let s = line
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length > MAX_REVIEWER_CHARS) {
    s = s.slice(0, MAX_REVIEWER_CHARS);
    const last = s.charCodeAt(s.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
    s = s.trim();
  }
  return s || null;
}
