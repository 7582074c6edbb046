/**
 * Commands about entities across the workspace, reachable from hover links and the palette: find
 * all mentions, list the articles that mention an entity, describe it in the registry, open one of
 * its links, open the registry, rebuild the index.
 *
 * Hover links can be forged, so arguments are validated (core/commandArgs.ts) and resolved against
 * what this session knows (open documents, entity ids it handed out); anything else is ignored
 * with a line in the output channel. Notifications never contain article text, names, file names
 * or YAML error text: those go to the output channel.
 */
import * as vscode from 'vscode';
import { parseEntityArg, parseTargetArg } from '../core/commandArgs';
import { iconSafeLabel } from '../core/markdown';
import { editRegistry, linkProblem, linkTarget, serializeRegistry } from '../core/registry';
import { normalizeText } from '../core/text';
import type { EntityType } from '../core/types';
import type { ArticleManager } from './articles';
import { Commands } from './ids';
import { OffsetMapper } from './ranges';
import { entityTarget, mentionLocations, registryEdit, type EntityTarget } from './references';
import { readText, type WorkspaceKnowledge } from './knowledge';

export class EntityCommands {
  constructor(
    private readonly articles: ArticleManager,
    private readonly knowledge: WorkspaceKnowledge,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand(Commands.findAllMentions, (arg?: unknown) => this.findAllMentions(arg)),
      vscode.commands.registerCommand(Commands.showEntityArticles, (arg?: unknown) => this.showEntityArticles(arg)),
      vscode.commands.registerCommand(Commands.describeEntity, (arg?: unknown) => this.describeEntity(arg)),
      vscode.commands.registerCommand(Commands.openEntityLink, (arg?: unknown) => this.openEntityLink(arg)),
      vscode.commands.registerCommand(Commands.openRegistry, () => this.openRegistry()),
      vscode.commands.registerCommand(Commands.rebuildIndex, () => this.rebuildIndex()),
    ];
  }

  /** Logs a command whose arguments were forged or stale. */
  private ignored(what: string) {
    this.log.warn(`ignored ${what} with invalid or unknown arguments`);
    return undefined;
  }

  /** The entity mention a command is about: a validated `{doc, id}` argument, else the cursor. */
  private targetOf(arg: unknown): EntityTarget | null {
    if (arg !== undefined) {
      const t = parseTargetArg(arg);
      const state = t ? this.articles.byRef(t.doc) : undefined;
      const ann = state?.annotations.find((a) => a.id === t!.id);
      return state && ann ? entityTarget(state, ann.start, this.knowledge) : null;
    }
    const ed = vscode.window.activeTextEditor;
    const state = ed ? this.articles.get(ed.document.uri) : undefined;
    return ed && state ? entityTarget(state, state.mapper().toOffset(ed.selection.active), this.knowledge) : null;
  }

  /** The entity a command is about: a validated `{entity}` id this session handed out, else the cursor. */
  private entityOf(arg: unknown): { type: EntityType; name: string } | null {
    if (arg !== undefined) {
      const e = parseEntityArg(arg);
      const known = e ? this.knowledge.resolveEntity(e.entity) : undefined;
      return known ? { type: known.type, name: this.knowledge.registry.canonical(known.type, known.name) } : null;
    }
    const t = this.targetOf(undefined);
    return t ? { type: t.type, name: t.name } : null;
  }

  private notHere() {
    void vscode.window.showInformationMessage('Put the cursor on a highlighted name first.');
    return undefined;
  }

  /** Writes new registry text through a workspace edit (undoable; an open registry tab is edited in place). */
  private async writeRegistry(src: string | null, next: string): Promise<boolean> {
    const uri = this.knowledge.registryUri();
    if (!uri) return false;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const wasDirty = open?.isDirty ?? false;
    const ok = await vscode.workspace.applyEdit(registryEdit(uri, src, next));
    if (!ok) return false;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && !wasDirty) await doc.save();
    // Its names fold onto every open article (the registry service tells them).
    this.knowledge.useRegistrySource(next);
    return true;
  }

  private failed(detail: string) {
    this.log.error(`entity registry not changed: ${detail}`);
    void vscode.window
      .showWarningMessage('The entity registry was not changed (details in the output).', 'Show Output')
      .then((b) => b && this.log.show());
  }

  /** Find All Mentions Across Articles: every mention of the entity at the cursor (or of a hover link) in the workspace. */
  async findAllMentions(arg?: unknown): Promise<unknown> {
    const t = this.targetOf(arg);
    if (!t) return arg === undefined ? this.notHere() : this.ignored('Find All Mentions');
    const locations = await mentionLocations(t, this.articles, this.knowledge);
    const pos = t.state.mapper().toPosition(t.ann.start);
    await vscode.commands.executeCommand('editor.action.showReferences', t.state.uri, pos, locations);
    return locations.length;
  }

  /** Show Articles Mentioning This Entity: pick one and open it at the first mention. */
  async showEntityArticles(arg?: unknown): Promise<unknown> {
    const e = this.entityOf(arg);
    if (!e) return arg === undefined ? this.notHere() : this.ignored('Show Articles');
    const names = this.knowledge.namesOf(e.type, e.name);
    const items = this.knowledge.index.articlesMentioning(e.type, names).map((u) => {
      const rec = this.knowledge.index.get(u)!;
      const n = this.knowledge.index.mentions(e.type, names, u).length;
      return {
        label: iconSafeLabel(rec.label, 200),
        description: `${n} mention${n === 1 ? '' : 's'}${this.articles.get(vscode.Uri.parse(u)) ? ' · open' : ''}`,
        uri: u,
      };
    });
    const pick = await vscode.window.showQuickPick(items, {
      title: `Articles mentioning ${iconSafeLabel(e.name, 60)}`,
      placeHolder: `${items.length} article${items.length === 1 ? '' : 's'}`,
      matchOnDescription: true,
    });
    if (!pick) return undefined;
    const uri = vscode.Uri.parse(pick.uri);
    const first = this.knowledge.index.mentions(e.type, names, pick.uri)[0];
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: true });
    if (first) {
      const range = OffsetMapper.forText(normalizeText(doc.getText()).text).toRange(first);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return pick.uri;
  }

  /** Describe Entity in Registry…: a description and a Wikidata id, written to the registry (undoable). */
  async describeEntity(arg?: unknown): Promise<unknown> {
    const e = this.entityOf(arg);
    if (!e) return arg === undefined ? this.notHere() : this.ignored('Describe Entity');
    if (!this.knowledge.registryUri()) return void vscode.window.showInformationMessage('Open a folder to keep an entity registry.');
    const entry = this.knowledge.registry.resolve(e.type, e.name);
    const label = iconSafeLabel(entry?.name ?? e.name, 60);
    const description = await vscode.window.showInputBox({
      title: `Describe ${label} (1/2)`,
      prompt: 'A short description, shown in hovers over this name in every article (empty: none).',
      value: entry?.description ?? '',
      validateInput: (v) => (v.length > 2000 ? 'At most 2000 characters.' : null),
    });
    if (description === undefined) return undefined;
    const wikidata = await vscode.window.showInputBox({
      title: `Describe ${label} (2/2)`,
      prompt: 'Wikidata item id, e.g. Q22686 (empty: none).',
      value: entry?.links.wikidata ?? '',
      validateInput: (v) =>
        v.trim() && linkProblem('wikidata', v.trim()) ? 'A Wikidata item id is Q followed by digits, e.g. Q22686.' : null,
    });
    if (wikidata === undefined) return undefined;
    const src = await this.knowledge.registrySource();
    const r = editRegistry(src, {
      op: 'upsert',
      type: e.type,
      name: entry?.name ?? e.name,
      description: description.trim(),
      links: { wikidata: wikidata.trim() },
    });
    if (!r.ok) return this.failed(r.message);
    if (!(await this.writeRegistry(src, r.text))) return this.failed('the edit could not be applied');
    void vscode.window.setStatusBarMessage('$(check) Entity registry updated', 3000);
    return true;
  }

  /** Opens one of the registry links of an entity (the editor asks before opening an untrusted domain). */
  async openEntityLink(arg?: unknown): Promise<unknown> {
    const a = parseEntityArg(arg);
    const e = a?.link ? this.entityOf(arg) : null;
    const entry = e ? this.knowledge.registry.resolve(e.type, e.name) : undefined;
    const value = entry && a?.link ? entry.links[a.link] : undefined;
    const target = value !== undefined ? linkTarget(a!.link!, value) : null;
    if (!target) return this.ignored('Open Entity Link');
    // openExternal asks the user before opening a domain they have not trusted.
    return vscode.env.openExternal(vscode.Uri.parse(target, true));
  }

  /** Open Entity Registry (created empty when there is none). */
  async openRegistry(): Promise<unknown> {
    const uri = this.knowledge.registryUri();
    if (!uri) return void vscode.window.showInformationMessage('Open a folder to keep an entity registry.');
    if ((await readText(uri)) === null && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
      const ok = await vscode.workspace.applyEdit(registryEdit(uri, null, serializeRegistry({ entities: [] })));
      if (!ok) return this.failed('the registry file could not be created');
    }
    await vscode.window.showTextDocument(uri);
    return uri.toString();
  }

  /** Rebuild Workspace Index: every article read and analysed again. */
  async rebuildIndex(): Promise<unknown> {
    await this.knowledge.rebuild(true);
    return this.knowledge.index.stats();
  }
}
