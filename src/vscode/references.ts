/**
 * Entities as symbols across the workspace: Find All References (Shift+F12) lists every mention in
 * every indexed article; Rename (F2) changes an entity's canonical name in the registry and in the
 * `entity:` fields of the annotation files — never the article text; Go to Definition (F12) opens
 * its registry entry. Names come from the workspace index and the registry (see workspaceIndex.ts).
 */
import * as vscode from 'vscode';
import { annotationsAt, isLive } from '../core/sidecar/model';
import { lineEdits } from '../core/lineDiff';
import { editRegistry, nameKey, nameProblem } from '../core/registry';
import type { Annotation } from '../core/sidecar/model';
import { sidecarPathFor } from '../core/sidecar/yaml';
import { normalizeText } from '../core/text';
import type { EntityType } from '../core/types';
import { renameInSidecar } from '../core/workspaceIndex';
import type { ArticleManager, ArticleState } from './articles';
import { OffsetMapper } from './ranges';
import { readText, type WorkspaceKnowledge } from './knowledge';

/** An entity mention the cursor is on, with every name the entity goes by. */
export interface EntityTarget {
  state: ArticleState;
  ann: Annotation;
  type: EntityType;
  /** Canonical name (the registry's when it knows the entity). */
  name: string;
  /** The canonical name, the registry's aliases and the article's name for it. */
  names: string[];
}

/** The innermost live entity annotation at `offset` of an open article. */
export function entityTarget(state: ArticleState, offset: number, knowledge: WorkspaceKnowledge): EntityTarget | null {
  const ann = annotationsAt(state.annotations, offset)
    .filter((a) => a.kind === 'entity')
    .pop();
  if (!ann || !['PER', 'ORG', 'LOC', 'MISC'].includes(ann.type)) return null;
  const type = ann.type as EntityType;
  const own = ann.entity ?? ann.text;
  const name = knowledge.registry.canonical(type, own);
  const names = knowledge.namesOf(type, name);
  if (!names.some((n) => nameKey(n) === nameKey(own))) names.push(own);
  return { state, ann, type, name, names };
}

/** An article's LF-normalized text: the live state, an open document, or the file. */
async function articleText(uri: vscode.Uri, articles: ArticleManager): Promise<string | null> {
  const state = articles.get(uri);
  if (state) return state.text;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc) return normalizeText(doc.getText()).text;
  const raw = await readText(uri);
  return raw === null ? null : normalizeText(raw).text;
}

/**
 * Every mention of the entity: live annotations of the open article, the index for the others. A
 * mention is only listed when the text there still reads as one of the entity's names in that
 * article (an article changed on disk since it was indexed can not send the user to the wrong words).
 */
export async function mentionLocations(
  t: EntityTarget,
  articles: ArticleManager,
  knowledge: WorkspaceKnowledge,
  token?: vscode.CancellationToken,
): Promise<vscode.Location[]> {
  const keys = new Set(t.names.map(nameKey));
  const here = t.state.annotations.filter(
    (a) =>
      a.kind === 'entity' && a.type === t.type && isLive(a) && keys.has(nameKey(knowledge.registry.canonical(t.type, a.entity ?? a.text))),
  );
  const mapper = t.state.mapper();
  const out = here.map((a) => new vscode.Location(t.state.uri, mapper.toRange(a)));
  const self = t.state.uri.toString();
  const byUri = new Map<string, { start: number; end: number }[]>();
  for (const m of knowledge.index.mentions(t.type, t.names)) {
    if (m.uri === self) continue;
    const list = byUri.get(m.uri) ?? [];
    list.push(m);
    byUri.set(m.uri, list);
  }
  const entries = [...byUri];
  for (let i = 0; i < entries.length; i += 16) {
    if (token?.isCancellationRequested) break;
    const batch = entries.slice(i, i + 16);
    const texts = await Promise.all(batch.map(([u]) => articleText(vscode.Uri.parse(u), articles)));
    batch.forEach(([u, spans], k) => {
      const text = texts[k];
      const rec = knowledge.index.get(u);
      if (text === null || text === undefined || !rec) return;
      const allowed = new Set<string>();
      for (const e of rec.entities)
        if (e.type === t.type && keys.has(nameKey(e.canonical))) for (const n of [e.canonical, ...e.aliases]) allowed.add(n);
      const uri = vscode.Uri.parse(u);
      const m = OffsetMapper.forText(text);
      for (const s of spans)
        if (s.end <= text.length && allowed.has(text.slice(s.start, s.end))) out.push(new vscode.Location(uri, m.toRange(s)));
    });
  }
  return out;
}

/** A workspace edit that turns the registry's current text `src` (null: no file) into `next`. */
export function registryEdit(uri: vscode.Uri, src: string | null, next: string, edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  if (src === null) {
    // An empty file plus an insertion, not `createFile({ contents })`: the contents do not survive
    // the trip to the workbench in code-server ("Could not revive data transfer file").
    edit.createFile(uri, { ignoreIfExists: false });
    edit.insert(uri, new vscode.Position(0, 0), next);
    return edit;
  }
  const m = OffsetMapper.forText(src);
  for (const e of lineEdits(src, next)) edit.replace(uri, m.toRange(e), e.text);
  return edit;
}

export class EntityProviders implements vscode.ReferenceProvider, vscode.RenameProvider, vscode.DefinitionProvider {
  constructor(
    private readonly articles: ArticleManager,
    private readonly knowledge: WorkspaceKnowledge,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private target(doc: vscode.TextDocument, pos: vscode.Position): EntityTarget | null {
    const state = this.articles.get(doc.uri);
    if (!state) return null;
    return entityTarget(state, state.mapper().toOffset(pos), this.knowledge);
  }

  async provideReferences(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    ctx: vscode.ReferenceContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    const t = this.target(doc, pos);
    if (!t) return undefined;
    const out = await mentionLocations(t, this.articles, this.knowledge, token);
    if (ctx.includeDeclaration) {
      const def = this.definitionOf(t);
      if (def) out.unshift(def);
    }
    return out;
  }

  private definitionOf(t: EntityTarget): vscode.Location | null {
    const d = this.knowledge.definition(t.type, t.name);
    if (!d || !d.entry.nameRange) return null;
    return new vscode.Location(d.uri, OffsetMapper.forText(d.text).toRange(d.entry.nameRange));
  }

  provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): vscode.Location | undefined {
    const t = this.target(doc, pos);
    return (t && this.definitionOf(t)) ?? undefined;
  }

  prepareRename(doc: vscode.TextDocument, pos: vscode.Position): { range: vscode.Range; placeholder: string } {
    const t = this.target(doc, pos);
    if (!t) throw new Error('Only the names of people, organisations, places and other entities can be renamed here.');
    if (!this.knowledge.registryUri()) throw new Error('Open a folder to rename entities: the new name is kept in its entity registry.');
    return { range: t.state.mapper().toRange(t.ann), placeholder: t.name };
  }

  /**
   * The registry entry takes the new name (the old one becomes an alias, so articles that say it
   * still resolve); annotation files that link a mention to any of the entity's names get the new
   * name in their `entity:` field. Article texts are never edited.
   */
  async provideRenameEdits(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    newName: string,
    token: vscode.CancellationToken,
  ): Promise<vscode.WorkspaceEdit | undefined> {
    const t = this.target(doc, pos);
    if (!t) return undefined;
    const to = newName.trim();
    const why = nameProblem(to);
    if (why) throw new Error(`Not renamed: ${why}.`);
    const regUri = this.knowledge.registryUri();
    if (!regUri) throw new Error('Open a folder to rename entities.');
    const edit = new vscode.WorkspaceEdit();
    if (to === t.name) return edit;
    const src = await this.knowledge.registrySource();
    const r = editRegistry(src, { op: 'rename', type: t.type, from: t.name, to });
    if (!r.ok) {
      this.log.error(`rename: ${r.message}`);
      throw new Error('Not renamed: the entity registry has problems or the new name belongs to another entity (details in the output).');
    }
    registryEdit(regUri, src, r.text, edit);
    const uris = new Set(this.knowledge.index.articlesMentioning(t.type, t.names));
    uris.add(t.state.uri.toString());
    let files = 0;
    for (const u of uris) {
      if (token.isCancellationRequested) return undefined;
      const uri = vscode.Uri.parse(u);
      if (uri.scheme !== 'file') continue;
      const side = vscode.Uri.file(sidecarPathFor(uri.fsPath));
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === side.toString());
      const raw = open ? open.getText() : await readText(side);
      if (raw === null) continue;
      const before = normalizeText(raw).text;
      const after = renameInSidecar(before, t.type, t.names, to);
      if (after === null) continue;
      const m = OffsetMapper.forText(before);
      for (const e of lineEdits(before, after)) edit.replace(side, m.toRange(e), e.text);
      files++;
    }
    this.log.info(`rename ${t.type} entity to a new canonical name: registry and ${files} annotation file(s)`);
    return edit;
  }
}
