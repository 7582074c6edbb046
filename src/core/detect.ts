/**
 * Is this plain-text file a news article? Used to annotate articles with no configuration while
 * leaving licences, requirement lists, logs and notes alone.
 */

export interface Detection {
  article: boolean;
  /** Why (for the output channel). */
  reason: string;
}

/** File names that are never articles, whatever they contain. */
const NOT_ARTICLE_STEMS = [
  'licen[cs]e|copying|notice|authors|contributors|changelog|changes|history|news|readme|todo|install',
  String.raw`requirements(?:[-_.][\w-]+)?|constraints|dev-requirements|robots|humans|security|third[-_]party[-_]notices`,
  'cmakelists|version|manifest',
].join('|');
const NOT_ARTICLE_NAMES = new RegExp(String.raw`^(?:${NOT_ARTICLE_STEMS})(?:\.txt)?$`, 'i');
const NOT_ARTICLE_SUFFIXES = /\.(?:log|out|err|lock|csv|tsv)\.txt$|[-_.](?:log|logs|output|requirements|deps)\.txt$/i;
/** Log lines: a date and time or a clock time at the start, a log level. */
const LOG_LINE = new RegExp(
  [
    String.raw`^\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}`,
    String.raw`^\d{2}:\d{2}:\d{2}`,
    String.raw`^\[(?:INFO|WARN|ERROR|DEBUG)\]`,
    String.raw`\b(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE)\b[:\]]`,
  ].join('|'),
);
/** Code or configuration lines: version pins, `key=value`, a trailing brace or semicolon, code keywords and tags, task-list items. */
const CODE_LINE = new RegExp(
  [
    String.raw`^[\w.-]+\s*(?:==|>=|<=|~=|!=)\s*[\w.*]+`,
    String.raw`^[\w.-]+\s*=\s*\S`,
    String.raw`[{};]\s*$`,
    String.raw`^(?:import|def|class|function|#include|<\?|<\w+[ >])`,
    String.raw`^[-*]\s+\[[ x]\]`,
  ].join('|'),
);

/**
 * Decides from the file name and the first 20k characters. An article has a few paragraphs of
 * sentences (capitalised words, full stops, common function words) and little code-like or
 * log-like structure (key=value, timestamps at line starts, brackets, `==` pins).
 */
export function detectArticle(fileName: string, text: string): Detection {
  const base = fileName.replace(/^.*[\\/]/, '');
  if (NOT_ARTICLE_NAMES.test(base)) return { article: false, reason: `file name ${base} is never an article` };
  if (NOT_ARTICLE_SUFFIXES.test(base)) return { article: false, reason: `file name ${base} looks like a log or data file` };
  const head = text.slice(0, 20000);
  if (/\u0000/.test(head)) return { article: false, reason: 'binary content' };
  const lines = head.split('\n');
  const nonBlank = lines.filter((l) => l.trim());
  if (nonBlank.length < 2) return { article: false, reason: 'fewer than two lines of text' };
  if (
    /\b(?:permission is hereby granted|licensed under the apache|gnu general public license|THE SOFTWARE IS PROVIDED "AS IS")/i.test(head)
  ) {
    return { article: false, reason: 'licence text' };
  }
  let codeish = 0;
  let logish = 0;
  let prose = 0;
  for (const l of nonBlank) {
    const t = l.trim();
    if (LOG_LINE.test(t)) logish++;
    if (CODE_LINE.test(t)) codeish++;
    const words = t.match(/\p{L}+/gu) ?? [];
    if (words.length >= 8 && /[.!?”"’']\s*$|[.!?]\s/.test(t) && /\b(?:the|a|an|of|to|in|and|on|for|with|said|is|was|has|have)\b/i.test(t))
      prose++;
  }
  if (logish / nonBlank.length > 0.3) return { article: false, reason: 'looks like a log' };
  if (codeish / nonBlank.length > 0.3) return { article: false, reason: 'looks like code or configuration' };
  if (prose < 2) return { article: false, reason: 'fewer than two paragraphs of prose' };
  if (prose / nonBlank.length < 0.4) return { article: false, reason: 'mostly not prose' };
  return { article: true, reason: `${prose} prose paragraphs` };
}
