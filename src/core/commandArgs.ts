/**
 * Arguments of commands that hover links and tree items run. A link's arguments can be forged (a
 * command URI is just text), so every handler validates the shape, the patterns and — in the editor
 * — that the document, annotation or entity is one it knows. Links carry opaque ids (`d…` for a
 * document, `n…` for an entity), never URIs or names, so no article or file name travels through
 * a trusted Markdown string.
 */
import { sha256 } from './hash';
import { KNOWN_LINKS, type KnownLink } from './registry';

/** Annotation ids as the sidecar allows them (content-derived ids are `e`/`f`/`q` + 10 hex digits). */
export const ANNOTATION_ID = /^[a-z][a-z0-9-]{0,63}$/;
export const DOC_REF = /^d[0-9a-f]{16}$/;
export const ENTITY_REF = /^n[0-9a-f]{16}$/;
/** Longest URI accepted in place of a document id (from menus and tests, not from hovers). */
const MAX_URI = 4096;

/** Opaque id of a document: stable for its URI, reveals nothing of it. */
export function docRef(uri: string): string {
  return 'd' + sha256('doc\u0000' + uri).slice(0, 16);
}

/** Opaque id of an entity (type and canonical name). */
export function entityRef(type: string, name: string): string {
  return 'n' + sha256(`entity\u0000${type}\u0000${name}`).slice(0, 16);
}

function plainObject(arg: unknown, allowed: readonly string[]): Record<string, unknown> | null {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg) || Object.getPrototypeOf(arg) !== Object.prototype) return null;
  const o = arg as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!allowed.includes(k)) return null;
  return o;
}

/** A document: an opaque `d…` id, or (from menus and tests) a URI string. */
function docOf(o: Record<string, unknown>): string | null {
  if (typeof o.doc === 'string' && o.uri === undefined) return DOC_REF.test(o.doc) ? o.doc : null;
  if (typeof o.uri === 'string' && o.doc === undefined) return o.uri.length <= MAX_URI && /^[a-z][a-z0-9+.-]*:/i.test(o.uri) ? o.uri : null;
  return null;
}

export interface TargetArg {
  /** Opaque document id or URI: resolve it against the open documents. */
  doc: string;
  /** Annotation id: look it up in that document. */
  id: string;
  /** For a disagreement: whose decision to keep. */
  take?: 'mine' | 'theirs';
}

/**
 * `{doc, id}` (or `{uri, id}`) naming an annotation; null when it is anything else. A `start` key
 * may ride along for the re-attach quick fix, which validates it against the annotation's candidates.
 */
export function parseTargetArg(arg: unknown): TargetArg | null {
  const o = plainObject(arg, ['doc', 'uri', 'id', 'start', 'take']);
  if (!o || typeof o.id !== 'string' || !ANNOTATION_ID.test(o.id)) return null;
  if (o.take !== undefined && o.take !== 'mine' && o.take !== 'theirs') return null;
  const doc = docOf(o);
  if (!doc) return null;
  return o.take ? { doc, id: o.id, take: o.take } : { doc, id: o.id };
}

export interface EntityArg {
  entity: string;
  link?: KnownLink;
}

/** `{entity}` or `{entity, link}` with an opaque entity id and a known link kind. */
export function parseEntityArg(arg: unknown): EntityArg | null {
  const o = plainObject(arg, ['entity', 'link']);
  if (!o || typeof o.entity !== 'string' || !ENTITY_REF.test(o.entity)) return null;
  if (o.link === undefined) return { entity: o.entity };
  return typeof o.link === 'string' && (KNOWN_LINKS as readonly string[]).includes(o.link)
    ? { entity: o.entity, link: o.link as KnownLink }
    : null;
}

export interface RevealArg {
  doc: string;
  start: number;
  end: number;
}

/** `{doc|uri, start, end}` with whole-number offsets, `0 ≤ start ≤ end`. */
export function parseRevealArg(arg: unknown): RevealArg | null {
  const o = plainObject(arg, ['doc', 'uri', 'start', 'end']);
  if (!o || !Number.isSafeInteger(o.start) || !Number.isSafeInteger(o.end)) return null;
  const start = o.start as number;
  const end = o.end as number;
  if (start < 0 || end < start) return null;
  const doc = docOf(o);
  return doc ? { doc, start, end } : null;
}
