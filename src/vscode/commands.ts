/**
 * Commands. Handlers that can be reached from hover links receive attacker-controllable arguments,
 * so every argument is validated (shape, id pattern, document known) before anything happens.
 */
import * as vscode from 'vscode';
import { parseRevealArg, parseTargetArg } from '../core/commandArgs';
import { TYPES, kindOfType, type Annotation, type AnnotationKind } from '../core/sidecar/model';
import * as corrections from '../core/sidecar/corrections';
import type { ArticleManager, ArticleState } from './articles';
import type { DecorationController } from './decorations';
import { Commands, SETTINGS_SECTION, Settings } from './ids';
import { decisionContext } from './reviewer';
import { iconSafeLabel } from '../core/markdown';
import type { TopicsProvider } from './topicsView';

const TYPE_LABELS: Record<string, string> = {
  PER: 'Person',
  ORG: 'Organisation',
  LOC: 'Place',
  MISC: 'Other name (nationality, event, product)',
  money: 'Money',
  percent: 'Percentage',
  quantity: 'Quantity',
  count: 'Count',
  date: 'Date',
  number: 'Number',
  direct: 'Quote',
  partial: 'Partial quote',
  scare: 'Scare quote',
  headline: 'Headline quote',
  block: 'Block quote',
};

export function registerCommands(
  articles: ArticleManager,
  decorations: DecorationController,
  topics: TopicsProvider,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const activeState = (): { state: ArticleState; editor: vscode.TextEditor } | null => {
    const editor = vscode.window.activeTextEditor;
    const state = editor ? articles.get(editor.document.uri) : undefined;
    return editor && state ? { state, editor } : null;
  };

  /** The annotation a command is about: from a validated hover argument, else the one at the cursor. */
  const target = (arg: unknown): { state: ArticleState; ann: Annotation } | null => {
    const t = parseTargetArg(arg);
    if (arg !== undefined && !t) {
      log.warn('ignored a command with invalid arguments');
      return null;
    }
    if (t) {
      const state = articles.byRef(t.doc);
      const ann = state?.annotations.find((a) => a.id === t.id);
      if (!state || !ann) log.warn('ignored a command for an unknown document or annotation');
      return state && ann ? { state, ann } : null;
    }
    const act = activeState();
    if (!act) return null;
    const offset = act.state.mapper().toOffset(act.editor.selection.active);
    const hits = act.state.annotations.filter((a) => a.start <= offset && offset <= a.end && (a.anchor === 'ok' || a.anchor === 'modified'));
    // Innermost first: the entity inside a quote before the quote.
    hits.sort((a, b) => a.end - a.start - (b.end - b.start));
    return hits[0] ? { state: act.state, ann: hits[0] } : null;
  };

  const nothingHere = () => void vscode.window.showInformationMessage('No annotation at the cursor.');

  const setStatus = (arg: unknown, status: 'accepted' | 'rejected') => {
    const t = target(arg);
    if (!t) return nothingHere();
    if (status === 'accepted') corrections.accept(t.ann, t.state.live, decisionContext(t.state.uri));
    else corrections.reject(t.ann, decisionContext(t.state.uri));
    articles.corrected(t.state);
    return t.ann.id;
  };

  const pickType = async (kind: AnnotationKind | null, current?: string): Promise<{ kind: AnnotationKind; type: string } | undefined> => {
    const kinds: AnnotationKind[] = kind ? [kind] : ['entity', 'figure', 'quote'];
    const items = kinds.flatMap((k) =>
      TYPES[k].map((t) => ({ label: TYPE_LABELS[t] ?? t, description: t === current ? `${t} (current)` : t, annotationKind: k, type: t })),
    );
    const pick = await vscode.window.showQuickPick(items, { title: kind ? 'Change annotation type' : 'Add annotation', placeHolder: 'Type of the annotation' });
    return pick ? { kind: pick.annotationKind, type: pick.type } : undefined;
  };

  return [
    vscode.commands.registerCommand(Commands.annotateFile, async () => {
      const ed = vscode.window.activeTextEditor;
      if (!ed) return void vscode.window.showInformationMessage('Open a text file to annotate it.');
      await articles.setForced(ed.document.uri, true);
      return true;
    }),
    vscode.commands.registerCommand(Commands.stopAnnotatingFile, async () => {
      const ed = vscode.window.activeTextEditor;
      if (!ed) return false;
      await articles.setForced(ed.document.uri, false);
      return true;
    }),
    vscode.commands.registerCommand(Commands.saveAnnotations, async () => {
      const act = activeState() ?? (topics.articleUri ? { state: articles.get(topics.articleUri)!, editor: undefined } : null);
      if (!act?.state) return void vscode.window.showInformationMessage('Open a news article to save its annotations.');
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Saving annotations' }, () => articles.saveSidecar(act.state));
      if (!r.ok) {
        void vscode.window.showWarningMessage(`Annotations not saved: ${r.message}.`, 'Show Output').then((b) => b && log.show());
        return undefined;
      }
      void vscode.window.setStatusBarMessage(`$(check) ${r.message}`, 3000);
      return act.state.sidecarUri?.toString();
    }),
    vscode.commands.registerCommand(Commands.reanalyze, () => {
      const act = activeState();
      if (!act) return;
      void articles.runAnalysis(act.state);
    }),
    vscode.commands.registerCommand(Commands.toggleHighlights, () => decorations.toggle()),
    vscode.commands.registerCommand(Commands.toggleRejected, async () => {
      const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION);
      const show = !cfg.get<boolean>(Settings.highlightRejected, false);
      await cfg.update(Settings.highlightRejected, show, vscode.ConfigurationTarget.Global);
      void vscode.window.setStatusBarMessage(show ? '$(eye) Rejected annotations shown (struck through)' : '$(eye-closed) Rejected annotations hidden', 3000);
      return show;
    }),
    vscode.commands.registerCommand(Commands.resolveConflict, (arg?: unknown) => {
      const t = parseTargetArg(arg);
      const state = t ? articles.byRef(t.doc) : undefined;
      const ann = state?.annotations.find((a) => a.id === t!.id);
      if (!t?.take || !state || !ann || !corrections.resolveConflict(ann, t.take)) {
        log.warn('ignored a disagreement command with invalid arguments');
        return undefined;
      }
      articles.corrected(state);
      return ann.id;
    }),
    vscode.commands.registerCommand(Commands.acceptAnnotation, (arg?: unknown) => setStatus(arg, 'accepted')),
    vscode.commands.registerCommand(Commands.rejectAnnotation, (arg?: unknown) => setStatus(arg, 'rejected')),
    vscode.commands.registerCommand(Commands.retypeAnnotation, async (arg?: unknown) => {
      const t = target(arg);
      if (!t) return nothingHere();
      const pick = await pickType(t.ann.kind, t.ann.type);
      if (!pick || !corrections.retype(t.ann, pick.type, t.state.live, decisionContext(t.state.uri))) return undefined;
      articles.corrected(t.state);
      return t.ann.id;
    }),
    vscode.commands.registerCommand(Commands.addAnnotation, async (arg?: unknown) => {
      const act = activeState();
      if (!act || act.editor.selection.isEmpty) return void vscode.window.showInformationMessage('Select the words to annotate first.');
      const mapper = act.state.mapper();
      const start = mapper.toOffset(act.editor.selection.start);
      const end = mapper.toOffset(act.editor.selection.end);
      let pick: { kind: AnnotationKind; type: string } | undefined;
      if (arg && typeof arg === 'object' && typeof (arg as { type?: unknown }).type === 'string') {
        const type = (arg as { type: string }).type;
        const kind = kindOfType(type);
        pick = kind ? { kind, type } : undefined;
      } else pick = await pickType(null);
      if (!pick) return undefined;
      const state = act.state;
      const r = corrections.add(state.annotations, { start, end, type: pick.type }, state.live, decisionContext(state.uri));
      if (!r.ok) return void vscode.window.showInformationMessage('Nothing annotated: select one or more whole words of the article.');
      state.annotations = r.annotations;
      articles.corrected(state);
      return r.added.id;
    }),
    vscode.commands.registerCommand(Commands.deleteAnnotation, (arg?: unknown) => {
      const t = target(arg);
      if (!t) return nothingHere();
      t.state.annotations = corrections.remove(t.state.annotations, t.ann, decisionContext(t.state.uri));
      articles.corrected(t.state);
      return t.ann.id;
    }),
    vscode.commands.registerCommand(Commands.reattachAnnotation, (arg?: unknown) => {
      const t = arg === undefined ? null : target(arg);
      const start = arg && typeof arg === 'object' ? (arg as { start?: unknown }).start : undefined;
      if (!t || !Number.isSafeInteger(start) || !corrections.reattach(t.ann, start as number, t.state.live)) return undefined;
      articles.corrected(t.state);
      return t.ann.id;
    }),
    vscode.commands.registerCommand(Commands.linkEntity, async (arg?: unknown) => {
      const t = target(arg);
      if (!t || t.ann.kind !== 'entity') return nothingHere();
      const groups = t.state.analysis?.entityGroups ?? [];
      const items: (vscode.QuickPickItem & { canonical?: string })[] = groups
        .filter((g) => g.type === t.ann.type)
        .concat(groups.filter((g) => g.type !== t.ann.type))
        .map((g) => ({ label: iconSafeLabel(g.canonical, 80), description: `${TYPE_LABELS[g.type] ?? g.type}, ${g.mentions.length} mention${g.mentions.length === 1 ? '' : 's'}`, canonical: g.canonical }));
      items.push({ label: '$(edit) Another name…' });
      const pick = await vscode.window.showQuickPick(items, { title: 'Link this mention to', placeHolder: 'The entity this mention refers to' });
      if (!pick) return undefined;
      let canonical = pick.canonical;
      if (canonical === undefined) {
        canonical = await vscode.window.showInputBox({ title: 'Canonical name', prompt: 'The full name this mention refers to', value: t.ann.entity ?? t.ann.text, validateInput: (v) => (v.trim() ? undefined : 'Enter a name') });
        if (!canonical) return undefined;
      }
      if (!corrections.link(t.ann, canonical, t.state.live, decisionContext(t.state.uri))) return undefined;
      articles.corrected(t.state);
      return t.ann.id;
    }),
    vscode.commands.registerCommand(Commands.filterTopics, async () => {
      const kinds = await vscode.window.showQuickPick(
        [
          { label: 'Names', picked: true, annotationKind: 'entity' as const },
          { label: 'Quotes', picked: true, annotationKind: 'quote' as const },
          { label: 'Figures', picked: true, annotationKind: 'figure' as const },
        ],
        { title: 'Show in Topics', canPickMany: true },
      );
      if (!kinds) return;
      const text = await vscode.window.showInputBox({ title: 'Filter Topics by text', prompt: 'Only show items containing this text (leave empty for all)' });
      if (text === undefined) return;
      topics.setFilter({ kinds: kinds.length === 3 ? [] : kinds.map((k) => k.annotationKind), text });
    }),
    vscode.commands.registerCommand(Commands.clearTopicsFilter, () => topics.setFilter({})),
    vscode.commands.registerCommand(Commands.revealSpan, async (arg?: unknown) => {
      const r = parseRevealArg(arg);
      const state = r ? articles.byRef(r.doc) : undefined;
      if (!r || !state) return;
      const mapper = state.mapper();
      const range = mapper.toRange({ start: Math.min(r.start, state.live.length), end: Math.min(r.end, state.live.length) });
      const editor = await vscode.window.showTextDocument(state.doc, { preserveFocus: false, preview: false });
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => log.show()),
  ];
}
