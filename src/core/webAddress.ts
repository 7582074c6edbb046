/**
 * What a web address is, for every stage that must not read one as prose: nothing inside a URL is
 * a name (`ner/index.ts`) or a topic keyphrase (`topics/sections.ts`).
 */

/**
 * The run of non-space characters around `text[s, e)`, looked for at most 300 characters on each
 * side (a web address or file name; ordinary names stop at the next space).
 */
export function nonSpaceRun(text: string, s: number, e: number): string {
  let a = s;
  while (a > 0 && a > s - 300 && !isRunBreak(text.charCodeAt(a - 1))) a--;
  let b = e;
  while (b < text.length && b < e + 300 && !isRunBreak(text.charCodeAt(b))) b++;
  return text.slice(a, b);
}

/** A space, tab or line break: what ends a run of non-space characters here. */
export function isRunBreak(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** A host name followed by a path, without a scheme: `pic.twitter.com/…`, `bbc.co.uk/news`. */
const HOST_AND_PATH = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}\//;

/**
 * Whether a run of non-space characters is a URL: it holds `://`, starts with `www.`, or is a host
 * name and a path (`https://example.com/news/Kenya-signs-deal`, `pic.twitter.com/x1Y2` name nobody).
 */
export function isUrlRun(run: string): boolean {
  return run.includes('://') || run.slice(0, 4).toLowerCase() === 'www.' || HOST_AND_PATH.test(run);
}

/** Whether `text[s, e)` lies in a URL (see {@link isUrlRun}). */
export function inUrl(text: string, s: number, e: number): boolean {
  return isUrlRun(nonSpaceRun(text, s, e));
}

/** Whether `text[s, e)` lies in a web address or a path: its run holds a `/`. */
export function inWebAddress(text: string, s: number, e: number): boolean {
  return nonSpaceRun(text, s, e).includes('/');
}

/** A host name written as a word: `breitbart.com`, `t.co`, `bbc.co.uk` (a lower-case top-level label). */
export function isHostName(word: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}$/.test(word);
}
