/**
 * Notifications render Markdown links, so they carry fixed text only (see the guard in
 * test/unit/security-sources.test.ts): no name, file name or error text from an article, an
 * annotation file or git. The one thing they may say besides: how many, through {@link count}.
 */

/** A count for a notification: digits only, whatever it is given. */
export function count(n: number): string {
  return Number.isFinite(n) ? String(Math.max(0, Math.trunc(n))) : '0';
}
