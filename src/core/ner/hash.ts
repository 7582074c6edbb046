/**
 * 32-bit hashing used by the tagger's features. Features are never strings at run time: each is
 * the hash of a template id and one or two token attributes (themselves hashes), looked up in the
 * model's open-addressing table. Training and tagging share this code, so the hashes must never
 * change without retraining the model.
 */

export const FNV_OFFSET = 0x811c9dc5 | 0;

/** One FNV-1a step. */
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV-1a of a whole string (UTF-16 code units). */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h | 0;
}

/** Murmur3-style finaliser of `h` combined with `x`. */
export function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Feature hash of a template and one value. */
export function f1(template: number, a: number): number {
  return mix(mix(template * 0x9e3779b1, a), 0x1b873593);
}

/** Feature hash of a template and two values. */
export function f2(template: number, a: number, b: number): number {
  return mix(mix(mix(template * 0x9e3779b1, a), b), 0x1b873593);
}
