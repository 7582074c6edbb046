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

export function registerEntityCommands(articles: ArticleManager, knowledge: WorkspaceKnowledge, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const ignored = (what: string) => {
    log.warn(`ignored ${what} with invalid or unknown arguments`);
    return undefined;
  };

  /** The entity mention a command is about: a validated `{doc, id}` argument, else the cursor. */
  const targetOf = (arg: unknown): EntityTarget | null => {
    if (arg !== undefined) {
      const t = parseTargetArg(arg);
      const state = t ? articles.byRef(t.doc) : undefined;
      const ann = state?.annotations.find((a) => a.id === t!.id);
      return state && ann ? entityTarget(state, ann.start, knowledge) : null;
    }
    const ed = vscode.window.activeTextEditor;
    const state = ed ? articles.get(ed.document.uri) : undefined;
    return ed && state ? entityTarget(state, state.mapper().toOffset(ed.selection.active), knowledge) : null;
  };

  /** The entity a command is about: a validated `{entity}` id this session handed out, else the cursor. */
  const entityOf = (arg: unknown): { type: EntityType; name: string } | null => {
    if (arg !== undefined) {
      const e = parseEntityArg(arg);
      const known = e ? knowledge.resolveEntity(e.entity) : undefined;
      return known ? { type: known.type, name: knowledge.registry.canonical(known.type, known.name) } : null;
    }
    const t = targetOf(undefined);
    return t ? { type: t.type, name: t.name } : null;
  };

  const notHere = () => void vscode.window.showInformationMessage('Put the cursor on a highlighted name first.');

  /** Writes new registry text through a workspace edit (undoable; an open registry tab is edited in place). */
  const writeRegistry = async (src: string | null, next: string): Promise<boolean> => {
    const uri = knowledge.registryUri();
    if (!uri) return false;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const wasDirty = open?.isDirty ?? false;
    const ok = await vscode.workspace.applyEdit(registryEdit(uri, src, next));
    if (!ok) return false;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && !wasDirty) await doc.save();
    // Its names fold onto every open article (the registry service tells them).
    knowledge.useRegistrySource(next);
    return true;
  };

  const failed = (detail: string) => {
    log.error(`entity registry not changed: ${detail}`);
    void vscode.window.showWarningMessage('The entity registry was not changed (details in the output).', 'Show Output').then((b) => b && log.show());
  };

  return [
    vscode.commands.registerCommand(Commands.findAllMentions, async (arg?: unknown) => {
      const t = targetOf(arg);
      if (!t) return arg === undefined ? notHere() : ignored('Find All Mentions');
      const locations = await mentionLocations(t, articles, knowledge);
      const pos = t.state.mapper().toPosition(t.ann.start);
      await vscode.commands.executeCommand('editor.action.showReferences', t.state.uri, pos, locations);
      return locations.length;
    }),

    vscode.commands.registerCommand(Commands.showEntityArticles, async (arg?: unknown) => {
      const e = entityOf(arg);
      if (!e) return arg === undefined ? notHere() : ignored('Show Articles');
      const names = knowledge.namesOf(e.type, e.name);
      const items = knowledge.index.articlesMentioning(e.type, names).map((u) => {
        const rec = knowledge.index.get(u)!;
        const n = knowledge.index.mentions(e.type, names, u).length;
        return { label: iconSafeLabel(rec.label, 200), description: `${n} mention${n === 1 ? '' : 's'}${articles.get(vscode.Uri.parse(u)) ? ' · open' : ''}`, uri: u };
      });
      const pick = await vscode.window.showQuickPick(items, { title: `Articles mentioning ${iconSafeLabel(e.name, 60)}`, placeHolder: `${items.length} article${items.length === 1 ? '' : 's'}`, matchOnDescription: true });
      if (!pick) return undefined;
      const uri = vscode.Uri.parse(pick.uri);
      const first = knowledge.index.mentions(e.type, names, pick.uri)[0];
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc, { preview: true });
      if (first) {
        const range = OffsetMapper.forText(normalizeText(doc.getText()).text).toRange(first);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
      return pick.uri;
    }),

    vscode.commands.registerCommand(Commands.describeEntity, async (arg?: unknown) => {
      const e = entityOf(arg);
      if (!e) return arg === undefined ? notHere() : ignored('Describe Entity');
      if (!knowledge.registryUri()) return void vscode.window.showInformationMessage('Open a folder to keep an entity registry.');
      const entry = knowledge.registry.resolve(e.type, e.name);
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
        validateInput: (v) => (v.trim() && linkProblem('wikidata', v.trim()) ? 'A Wikidata item id is Q followed by digits, e.g. Q22686.' : null),
      });
      if (wikidata === undefined) return undefined;
      const src = await knowledge.registrySource();
      const r = editRegistry(src, { op: 'upsert', type: e.type, name: entry?.name ?? e.name, description: description.trim(), links: { wikidata: wikidata.trim() } });
      if (!r.ok) return failed(r.message);
      if (!(await writeRegistry(src, r.text))) return failed('the edit could not be applied');
      void vscode.window.setStatusBarMessage('$(check) Entity registry updated', 3000);
      return true;
    }),

    vscode.commands.registerCommand(Commands.openEntityLink, async (arg?: unknown) => {
      const a = parseEntityArg(arg);
      const e = a?.link ? entityOf(arg) : null;
      const entry = e ? knowledge.registry.resolve(e.type, e.name) : undefined;
      const value = entry && a?.link ? entry.links[a.link] : undefined;
      const target = value !== undefined ? linkTarget(a!.link!, value) : null;
      if (!target) return ignored('Open Entity Link');
      // openExternal asks the user before opening a domain they have not trusted.
      return vscode.env.openExternal(vscode.Uri.parse(target, true));
    }),

    vscode.commands.registerCommand(Commands.openRegistry, async () => {
      const uri = knowledge.registryUri();
      if (!uri) return void vscode.window.showInformationMessage('Open a folder to keep an entity registry.');
      if ((await readText(uri)) === null && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
        const ok = await vscode.workspace.applyEdit(registryEdit(uri, null, serializeRegistry({ entities: [] })));
        if (!ok) return failed('the registry file could not be created');
      }
      await vscode.window.showTextDocument(uri);
      return uri.toString();
    }),

    vscode.commands.registerCommand(Commands.rebuildIndex, async () => {
      await knowledge.rebuild(true);
      return knowledge.index.stats();
    }),
  ];
}
