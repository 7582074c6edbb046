/**
 * The entity registry: an optional, committed `entities.yaml` at the workspace root that says who is
 * who across the archive — canonical name, type, aliases, a description and links (e.g. a Wikidata
 * id). Hovers show its descriptions; names in it are recognised in every article and their other
 * names are folded onto the canonical one.
 *
 * Reading treats the file as untrusted, like the sidecar reader: size cap, conflict markers before
 * parsing, the YAML 1.2 core schema pinned, no directives, anchors/aliases, custom tags or duplicate
 * keys, unknown keys and wrong types reported with their line; nothing is half-loaded. Writing is
 * deterministic; edits go through the YAML Document API so the user's comments and order survive,
 * and every edited file is parsed again before it is handed back.
 */
import { isMap, isScalar, isSeq, stringify, type Document, type LineCounter, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseSafeYaml, Problems, safeForMessage as safe, scalar } from './safeYaml';
import type { Annotation } from './sidecar/model';
import { ENTITY_TYPES, type Analysis, type Entity, type EntityType } from './types';

export const REGISTRY_VERSION = 1;
export const REGISTRY_FILE = 'entities.yaml';
/** Registries above this size are refused. */
export const MAX_REGISTRY_BYTES = 2 * 1024 * 1024;
export const MAX_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_LINK_LENGTH = 500;

/** Link kinds the editor knows how to open; other keys are kept and shown as text only. */
export const KNOWN_LINKS = ['wikidata', 'wikipedia', 'website'] as const;

/**
 * Where the registry is, from the `newsAnnotator.registryPath` setting: the path's parts inside the
 * workspace folder. Absolute paths, `..`, and anything that is not a .yaml/.yml file are refused
 * (`ok: false`, and the parts of `entities.yaml`): an untrusted folder's setting must not choose
 * which file the registry commands rewrite.
 */
export function resolveRegistryPath(setting: string | undefined): { parts: string[]; ok: boolean } {
  const raw = (setting ?? '').trim() || REGISTRY_FILE;
  const parts = raw
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.');
  const ok =
    !/^(?:[a-z]:|\/|\\)/i.test(raw) && parts.length > 0 && !parts.some((p) => p === '..') && /\.ya?ml$/i.test(parts[parts.length - 1]!);
  return ok ? { parts, ok } : { parts: [REGISTRY_FILE], ok: false };
}
export type KnownLink = (typeof KNOWN_LINKS)[number];

export interface RegistryEntity {
  /** Canonical name. */
  name: string;
  type: EntityType;
  /** Other names of the same referent (sorted when written by us). */
  aliases: string[];
  description?: string;
  /** Link key → value (`wikidata: Q22686`, `wikipedia: https://…`, `website: https://…`, or any other key). */
  links: Record<string, string>;
  /** Where the entry's name is in the (LF-normalized) source, for Go to Definition. */
  nameRange?: { start: number; end: number };
}

export interface Registry {
  entities: RegistryEntity[];
}

export interface RegistryProblem {
  kind: 'conflict' | 'invalid' | 'too-large' | 'newer-version';
  /** One line, for the output channel (may quote short bits of the file). */
  message: string;
  line?: number;
  details: string[];
}

export type RegistryParse = { ok: true; registry: Registry } | { ok: false; problem: RegistryProblem };

const TOP_KEYS = ['version', 'entities'];
const ENTITY_KEYS = ['name', 'type', 'aliases', 'description', 'links'];
const LINK_KEY = /^[a-z][a-z0-9-]{0,31}$/;
const WIKIDATA = /^Q[1-9][0-9]{0,11}$/;
const HTTP_URL = /^https?:\/\/[^\s<>"'`]+$/;
const BAD_CHARS = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** Why a canonical name or alias is unusable (null: fine). */
export function nameProblem(name: string): string | null {
  if (!name.trim()) return 'a name must not be empty';
  if (name !== name.trim()) return 'a name must not start or end with spaces';
  if (name.length > MAX_NAME_LENGTH) return `a name must be at most ${MAX_NAME_LENGTH} characters`;
  if (BAD_CHARS.test(name)) return 'a name must be one line without control characters';
  return null;
}

/** Why a link value is unusable for its key (null: fine). */
export function linkProblem(key: string, value: string): string | null {
  if (!LINK_KEY.test(key)) return 'link names are lower-case letters, digits and dashes';
  if (!value || value.length > MAX_LINK_LENGTH || BAD_CHARS.test(value))
    return `a link must be one line of at most ${MAX_LINK_LENGTH} characters`;
  if (key === 'wikidata' && !WIKIDATA.test(value)) return 'a wikidata link is an item id such as Q22686';
  if ((key === 'wikipedia' || key === 'website') && !HTTP_URL.test(value)) return `a ${key} link must be an http(s) address`;
  return null;
}

/** The web address a known link opens, or null (values are validated again here). */
export function linkTarget(key: string, value: string): string | null {
  if (linkProblem(key, value)) return null;
  if (key === 'wikidata') return `https://www.wikidata.org/wiki/${value}`;
  if (key === 'wikipedia' || key === 'website') return value;
  return null;
}

/** Name comparison key: Unicode NFC, whitespace runs as one space, curly apostrophes straight. */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim();
}

function typedKey(type: string, name: string): string {
  return `${type}\u0000${nameKey(name)}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parses and validates a registry (LF-normalizing it first; offsets refer to the LF text). Never throws. */
export function parseRegistry(raw: string): RegistryParse {
  const y = parseSafeYaml(raw, MAX_REGISTRY_BYTES, 'registry');
  if (!y.ok) return y;
  return validate(y.doc.contents as Node | null, y.lc);
}

function validate(root: Node | null, lc: LineCounter): RegistryParse {
  const p = new Problems(lc);
  const done = (entities: RegistryEntity[]): RegistryParse => {
    if (!p.list.length) return { ok: true, registry: { entities } };
    const first = p.list[0]!;
    return {
      ok: false,
      problem: {
        kind: 'invalid',
        message: `${first.msg} (line ${first.line})`,
        line: first.line,
        details: p.list.map((x) => `line ${x.line}: ${x.msg}`),
      },
    };
  };
  if (root === null || scalar(root) === null || (isScalar(root) && root.value === null)) return done([]);
  if (!isMap(root)) {
    p.add(root, 'the registry must be a YAML mapping with version and entities');
    return done([]);
  }
  for (const item of root.items) {
    const k = String(scalar(item.key));
    if (!TOP_KEYS.includes(k)) p.add(item.key as Node, `unknown key '${safe(k)}'`);
  }
  const versionNode = root.get('version', true) as Node | undefined;
  const version = scalar(versionNode);
  if (version !== REGISTRY_VERSION) {
    if (typeof version === 'number' && Number.isInteger(version) && version > REGISTRY_VERSION) {
      return {
        ok: false,
        problem: {
          kind: 'newer-version',
          message: `written by a newer News Annotator (version ${version}); it is left untouched`,
          details: [],
        },
      };
    }
    p.add(versionNode ?? root, `version must be ${REGISTRY_VERSION}`);
  }
  const list = root.get('entities', true) as Node | undefined;
  const entities: RegistryEntity[] = [];
  if (list !== undefined && scalar(list) !== null) {
    if (!isSeq(list)) p.add(list, 'entities must be a list');
    else
      for (const n of list.items as Node[]) {
        const e = entity(n, p);
        if (e) entities.push(e);
      }
  }
  // One referent per (type, name): a name or alias may not belong to two entries of the same type.
  const owner = new Map<string, string>();
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) {
      const k = typedKey(e.type, n);
      const prev = owner.get(k);
      if (prev !== undefined && prev !== e.name)
        p.list.push({ line: 0, msg: `'${safe(n)}' (${e.type}) belongs to both '${safe(prev)}' and '${safe(e.name)}'` });
      else if (prev === undefined) owner.set(k, e.name);
    }
  }
  const seen = new Set<string>();
  for (const e of entities) {
    const k = typedKey(e.type, e.name);
    if (seen.has(k)) p.list.push({ line: 0, msg: `duplicate entry '${safe(e.name)}' (${e.type})` });
    seen.add(k);
  }
  return done(entities);
}

function entity(n: Node, p: Problems): RegistryEntity | null {
  if (!isMap(n)) {
    p.add(n, 'each entity must be a mapping with name and type');
    return null;
  }
  const before = p.list.length;
  for (const item of n.items) {
    const k = String(scalar(item.key));
    if (!ENTITY_KEYS.includes(k)) p.add(item.key as Node, `unknown key '${safe(k)}'`);
  }
  const nameNode = n.get('name', true) as Node | undefined;
  const name = scalar(nameNode);
  if (typeof name !== 'string') p.add(nameNode ?? n, 'name must be a string');
  else {
    const why = nameProblem(name);
    if (why) p.add(nameNode, why);
  }
  const typeNode = n.get('type', true) as Node | undefined;
  const type = scalar(typeNode);
  if (typeof type !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(type))
    p.add(typeNode ?? n, `type must be one of ${ENTITY_TYPES.join(', ')}`);
  const aliases: string[] = [];
  const aliasNode = n.get('aliases', true) as Node | undefined;
  if (aliasNode !== undefined && scalar(aliasNode) !== null) {
    if (!isSeq(aliasNode)) p.add(aliasNode, 'aliases must be a list of names');
    else
      for (const a of aliasNode.items as Node[]) {
        const v = scalar(a);
        if (typeof v !== 'string') p.add(a, 'each alias must be a string');
        else {
          const why = nameProblem(v);
          if (why) p.add(a, why);
          else if (v !== name && !aliases.includes(v)) aliases.push(v);
        }
      }
  }
  let description: string | undefined;
  const descNode = n.get('description', true) as Node | undefined;
  if (descNode !== undefined && scalar(descNode) !== null) {
    const v = scalar(descNode);
    if (typeof v !== 'string') p.add(descNode, 'description must be a string');
    else if (v.length > MAX_DESCRIPTION_LENGTH) p.add(descNode, `description must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
    else if (v.trim()) description = v;
  }
  const links: Record<string, string> = Object.create(null);
  const linkNode = n.get('links', true) as Node | undefined;
  if (linkNode !== undefined && scalar(linkNode) !== null) {
    if (!isMap(linkNode)) p.add(linkNode, 'links must be a mapping such as {wikidata: Q22686}');
    else
      for (const item of linkNode.items) {
        const k = String(scalar(item.key));
        const v = scalar(item.value);
        if (typeof v !== 'string') p.add((item.value ?? item.key) as Node, `link '${safe(k)}' must be a string`);
        else {
          const why = linkProblem(k, v);
          if (why) p.add((item.value ?? item.key) as Node, why);
          else links[k] = v;
        }
      }
  }
  if (p.list.length > before || typeof name !== 'string' || typeof type !== 'string') return null;
  const e: RegistryEntity = { name, type: type as EntityType, aliases, links: { ...links } };
  if (description !== undefined) e.description = description;
  if (nameNode?.range) e.nameRange = { start: nameNode.range[0], end: nameNode.range[1] };
  return e;
}

// ---------------------------------------------------------------------------------------------
// Writing

const HEADER =
  '# News Annotator entity registry: who is who across the articles of this folder.\n' +
  '# Each entry: name (canonical), type (PER, ORG, LOC or MISC), aliases, description, links (e.g. wikidata: Q22686).\n';

const TYPE_ORDER: Record<string, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };

function compareEntities(a: RegistryEntity, b: RegistryEntity): number {
  return (TYPE_ORDER[a.type] ?? 9) - (TYPE_ORDER[b.type] ?? 9) || cmp(a.name, b.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function entityObject(e: RegistryEntity): Record<string, unknown> {
  const o: Record<string, unknown> = { name: e.name, type: e.type };
  if (e.aliases.length) o.aliases = [...e.aliases].sort(cmp);
  if (e.description) o.description = e.description;
  const keys = Object.keys(e.links).sort(cmp);
  if (keys.length) {
    const links: Record<string, string> = {};
    for (const k of keys) links[k] = e.links[k]!;
    o.links = links;
  }
  return o;
}

const STRINGIFY = { lineWidth: 0, indent: 2, indentSeq: true, aliasDuplicateObjects: false, version: '1.2' } as const;

/** Writes a registry from scratch: sorted by type then name, fixed key order, LF, final newline. */
export function serializeRegistry(reg: Registry): string {
  const body = { version: REGISTRY_VERSION, entities: [...reg.entities].sort(compareEntities).map(entityObject) };
  return HEADER + stringify(body, STRINGIFY);
}

/** A change to the registry, as made from a hover or by a rename. */
export type RegistryEdit =
  | {
      op: 'upsert';
      type: EntityType;
      name: string;
      /** undefined: leave as is; '' removes it. */
      description?: string;
      /** Merged into the entry's links; an empty value removes that link. */
      links?: Record<string, string>;
      /** Added to the entry's aliases. */
      addAliases?: string[];
    }
  | { op: 'rename'; type: EntityType; from: string; to: string };

export type RegistryEditResult = { ok: true; text: string; registry: Registry } | { ok: false; message: string };

/**
 * Applies an edit to the registry's source (null: there is no file yet) and returns the new source.
 * A file with problems is never rewritten. Comments and the user's order are kept; a new entry goes
 * where it sorts.
 */
export function editRegistry(src: string | null, edit: RegistryEdit): RegistryEditResult {
  const check = checkEdit(edit);
  if (check) return { ok: false, message: check };
  if (src === null || !src.trim()) {
    const reg: Registry = { entities: [] };
    const r = applyToModel(reg, edit);
    if (typeof r === 'string') return { ok: false, message: r };
    const text = serializeRegistry(r);
    const again = parseRegistry(text);
    return again.ok ? { ok: true, text, registry: again.registry } : { ok: false, message: again.problem.message };
  }
  const parsed = parseRegistry(src);
  if (!parsed.ok) return { ok: false, message: `the registry has problems and is not changed: ${parsed.problem.message}` };
  const modelCheck = applyToModel(parsed.registry, edit);
  if (typeof modelCheck === 'string') return { ok: false, message: modelCheck };
  const y = parseSafeYaml(src, MAX_REGISTRY_BYTES, 'registry');
  if (!y.ok) return { ok: false, message: y.problem.message };
  const doc = y.doc;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({ version: REGISTRY_VERSION, entities: [] }) as never;
  const root = doc.contents as unknown as YAMLMap;
  if (!root.has('version')) root.set('version', REGISTRY_VERSION);
  let seq = root.get('entities', true) as YAMLSeq | undefined;
  if (!isSeq(seq)) {
    seq = doc.createNode([]) as YAMLSeq;
    root.set('entities', seq);
  }
  const items = seq.items as YAMLMap[];
  const indexOf = (type: string, name: string) =>
    items.findIndex(
      (m) =>
        isMap(m) &&
        scalar(m.get('type', true)) === type &&
        typeof scalar(m.get('name', true)) === 'string' &&
        nameKey(scalar(m.get('name', true)) as string) === nameKey(name),
    );
  if (edit.op === 'rename') {
    const i = indexOf(edit.type, edit.from);
    if (i < 0) {
      insertSorted(doc, seq, entityObject(modelCheck.entities.find((e) => e.type === edit.type && e.name === edit.to)!));
    } else {
      const m = items[i]!;
      m.set('name', edit.to);
      const aliases = stringItems(m.get('aliases', true)).filter((a) => nameKey(a) !== nameKey(edit.to));
      if (!aliases.some((a) => nameKey(a) === nameKey(edit.from))) aliases.push(edit.from);
      m.set('aliases', doc.createNode(aliases.sort(cmp)));
    }
  } else {
    const i = indexOf(edit.type, edit.name);
    if (i < 0) {
      insertSorted(
        doc,
        seq,
        entityObject(modelCheck.entities.find((e) => e.type === edit.type && nameKey(e.name) === nameKey(edit.name))!),
      );
    } else {
      const m = items[i]!;
      if (edit.addAliases?.length) {
        const cur = stringItems(m.get('aliases', true));
        for (const a of edit.addAliases) if (a !== edit.name && !cur.includes(a)) cur.push(a);
        m.set('aliases', doc.createNode(cur));
      }
      if (edit.description !== undefined) {
        if (edit.description.trim()) m.set('description', edit.description);
        else m.delete('description');
      }
      if (edit.links) {
        const cur: Record<string, string> = {};
        const ln = m.get('links', true);
        if (isMap(ln)) for (const it of ln.items) cur[String(scalar(it.key))] = String(scalar(it.value));
        for (const [k, v] of Object.entries(edit.links)) {
          if (v) cur[k] = v;
          else delete cur[k];
        }
        const keys = Object.keys(cur).sort(cmp);
        if (keys.length) {
          const o: Record<string, string> = {};
          for (const k of keys) o[k] = cur[k]!;
          m.set('links', doc.createNode(o));
        } else m.delete('links');
      }
    }
  }
  let text = doc.toString(STRINGIFY);
  if (!text.endsWith('\n')) text += '\n';
  const again = parseRegistry(text);
  if (!again.ok) return { ok: false, message: `the edited registry would not be valid: ${again.problem.message}` };
  return { ok: true, text, registry: again.registry };
}

/** The string items of a (validated) YAML sequence node; [] for anything else. */
function stringItems(n: unknown): string[] {
  return isSeq(n) ? n.items.map((a) => scalar(a)).filter((v): v is string => typeof v === 'string') : [];
}

function insertSorted(doc: Document.Parsed, seq: YAMLSeq, o: Record<string, unknown>): void {
  const node = doc.createNode(o);
  const items = seq.items as YAMLMap[];
  const probe = { name: o.name as string, type: o.type as EntityType, aliases: [], links: {} };
  let at = items.length;
  for (let i = 0; i < items.length; i++) {
    const m = items[i]!;
    const name = scalar(m.get('name', true));
    const type = scalar(m.get('type', true));
    if (
      typeof name === 'string' &&
      typeof type === 'string' &&
      compareEntities(probe, { name, type: type as EntityType, aliases: [], links: {} }) < 0
    ) {
      at = i;
      break;
    }
  }
  seq.items.splice(at, 0, node as never);
}

function checkEdit(edit: RegistryEdit): string | null {
  if (!(ENTITY_TYPES as readonly string[]).includes(edit.type)) return 'unknown entity type';
  if (edit.op === 'rename') return nameProblem(edit.from) ?? nameProblem(edit.to);
  const why = nameProblem(edit.name);
  if (why) return why;
  if (edit.description !== undefined && edit.description.length > MAX_DESCRIPTION_LENGTH)
    return `a description must be at most ${MAX_DESCRIPTION_LENGTH} characters`;
  for (const [k, v] of Object.entries(edit.links ?? {})) {
    if (v === '') continue;
    const lp = linkProblem(k, v);
    if (lp) return lp;
  }
  for (const a of edit.addAliases ?? []) {
    const ap = nameProblem(a);
    if (ap) return ap;
  }
  return null;
}

/** Applies the edit to the parsed model (to validate it: clashes with other entries). Returns the new model or why not. */
function applyToModel(reg: Registry, edit: RegistryEdit): Registry | string {
  const entities = reg.entities.map((e) => ({ ...e, aliases: [...e.aliases], links: { ...e.links } }));
  if (edit.op === 'rename') {
    const e = entities.find((x) => x.type === edit.type && nameKey(x.name) === nameKey(edit.from));
    if (!e) entities.push({ name: edit.to, type: edit.type, aliases: [edit.from], links: {} });
    else {
      e.name = edit.to;
      e.aliases = e.aliases.filter((a) => nameKey(a) !== nameKey(edit.to));
      if (!e.aliases.some((a) => nameKey(a) === nameKey(edit.from))) e.aliases.push(edit.from);
    }
  } else {
    let e = entities.find((x) => x.type === edit.type && nameKey(x.name) === nameKey(edit.name));
    if (!e) entities.push((e = { name: edit.name, type: edit.type, aliases: [], links: {} }));
    for (const a of edit.addAliases ?? []) if (a !== e.name && !e.aliases.includes(a)) e.aliases.push(a);
    if (edit.description !== undefined) {
      if (edit.description.trim()) e.description = edit.description;
      else delete e.description;
    }
    for (const [k, v] of Object.entries(edit.links ?? {})) {
      if (v) e.links[k] = v;
      else delete e.links[k];
    }
  }
  const owner = new Map<string, string>();
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) {
      const k = typedKey(e.type, n);
      const prev = owner.get(k);
      if (prev !== undefined && prev !== e.name) return `'${safe(n)}' would belong to both '${safe(prev)}' and '${safe(e.name)}'`;
      owner.set(k, e.name);
    }
  }
  return { entities };
}

// ---------------------------------------------------------------------------------------------
// Lookup

/** Fast lookup of a registry by any of an entry's names. */
export class RegistryIndex {
  private readonly byName = new Map<string, RegistryEntity>();
  constructor(readonly registry: Registry) {
    for (const e of registry.entities)
      for (const n of [e.name, ...e.aliases]) {
        const k = typedKey(e.type, n);
        if (!this.byName.has(k)) this.byName.set(k, e);
      }
  }

  /** The entry whose name or alias is `name` (same type), if any. */
  resolve(type: string, name: string): RegistryEntity | undefined {
    return this.byName.get(typedKey(type, name));
  }

  /** The canonical name the registry gives `name`, or `name` itself. */
  canonical(type: string, name: string): string {
    return this.resolve(type, name)?.name ?? name;
  }

  /** Every name of the referent (canonical first), or just `[name]` when the registry does not know it. */
  namesOf(type: string, name: string): string[] {
    const e = this.resolve(type, name);
    return e ? [e.name, ...e.aliases] : [name];
  }

  get size(): number {
    return this.registry.entities.length;
  }
}

export const EMPTY_REGISTRY = new RegistryIndex({ entities: [] });

// ---------------------------------------------------------------------------------------------
// Folding the registry onto an article

/**
 * Gives every linked entity of an analysis the registry's canonical name when the registry knows
 * any of its names; the article's own name becomes an alias. Groups that turn out to be the same
 * referent ("Trump" and "Donald Trump" when the registry lists both) are merged: their mentions and
 * quote speakers then carry the first group's id. Ids of unaffected groups do not change.
 */
export function applyRegistry(analysis: Analysis, reg: RegistryIndex): void {
  if (!reg.size) return;
  const byTarget = new Map<string, Entity>();
  const mergedInto = new Map<string, string>();
  const keep: Entity[] = [];
  for (const g of analysis.entityGroups) {
    const entry = reg.resolve(g.type, g.canonical) ?? g.aliases.map((a) => reg.resolve(g.type, a)).find((x) => x);
    if (!entry) {
      keep.push(g);
      continue;
    }
    const k = typedKey(g.type, entry.name);
    const into = byTarget.get(k);
    if (into) {
      for (const n of [g.canonical, ...g.aliases]) if (n !== into.canonical && !into.aliases.includes(n)) into.aliases.push(n);
      for (const r of g.roles) if (!into.roles.includes(r)) into.roles.push(r);
      into.mentions.push(...g.mentions);
      into.mentions.sort((a, b) => analysis.entities[a]!.start - analysis.entities[b]!.start);
      into.aliases.sort(cmp);
      mergedInto.set(g.id, into.id);
      continue;
    }
    if (g.canonical !== entry.name) {
      if (!g.aliases.includes(g.canonical)) g.aliases.push(g.canonical);
      g.aliases = g.aliases.filter((a) => a !== entry.name).sort(cmp);
      g.canonical = entry.name;
    }
    byTarget.set(k, g);
    keep.push(g);
  }
  if (!mergedInto.size) return;
  analysis.entityGroups = keep;
  for (const m of analysis.entities) m.entityId = mergedInto.get(m.entityId) ?? m.entityId;
  for (const q of analysis.quotes) {
    if (!q.speaker) continue;
    q.speaker.entityIds = [...new Set(q.speaker.entityIds.map((id) => mergedInto.get(id) ?? id))];
  }
}

/** Sets the `entity` of entity annotations whose name the registry files under another canonical name. Returns how many changed. */
export function canonicalizeAnnotations(annotations: Annotation[], reg: RegistryIndex): number {
  if (!reg.size) return 0;
  let n = 0;
  for (const a of annotations) {
    if (a.kind !== 'entity') continue;
    const entry = reg.resolve(a.type, a.entity ?? a.text);
    if (entry && a.entity !== entry.name && !(a.entity === undefined && a.text === entry.name)) {
      a.entity = entry.name;
      n++;
    }
  }
  return n;
}
