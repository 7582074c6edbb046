/**
 * Small line-based edits between two versions of a file, so that a rename touching a few lines of a
 * sidecar or registry shows (and undoes) as those lines rather than as a whole-file replacement.
 */

/** Replace `[start, end)` of the old text (UTF-16 offsets) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Lines with their line terminators kept (`"a\nb"` → `["a\n", "b"]`). */
function lines(s: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', at)) {
    out.push(s.slice(at, i + 1));
    at = i + 1;
  }
  if (at < s.length) out.push(s.slice(at));
  return out;
}

/**
 * Edits turning `oldText` into `newText`, in order, non-overlapping, offsets into `oldText`.
 * Equal lines are skipped; after a difference the nearest resynchronisation within `lookahead` lines
 * is taken (any resynchronisation gives a correct result; this one keeps scattered one-line changes
 * and insertions small). Applying the edits to `oldText` always yields exactly `newText`.
 */
export function lineEdits(oldText: string, newText: string, lookahead = 8): TextEdit[] {
  if (oldText === newText) return [];
  const a = lines(oldText);
  const b = lines(newText);
  const offs: number[] = [0];
  for (const l of a) offs.push(offs[offs.length - 1]! + l.length);
  const out: TextEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    let di = a.length - i;
    let dj = b.length - j;
    search: for (let d = 1; d <= lookahead; d++) {
      for (let x = 0; x <= d; x++) {
        const y = d - x;
        if (i + x < a.length && j + y < b.length && a[i + x] === b[j + y]) {
          di = x;
          dj = y;
          break search;
        }
      }
    }
    out.push({ start: offs[i]!, end: offs[i + di]!, text: b.slice(j, j + dj).join('') });
    i += di;
    j += dj;
  }
  return out;
}

/** Applies non-overlapping edits given in increasing order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
