/**
 * Commands. Handlers that can be reached from hover links receive attacker-controllable arguments,
 * so every argument is validated (shape, id pattern, document known) before anything happens.
 */
import * as vscode from 'vscode';
import { parseRevealArg, parseTargetArg } from '../core/commandArgs';
import { TYPE_LABELS, typeTitle } from '../core/labels';
import { annotationsAt, TYPES, kindOfType, type Annotation, type AnnotationKind } from '../core/sidecar/model';
import * as corrections from '../core/sidecar/corrections';
import type { ArticleManager, ArticleState } from './articles';
import type { DecorationController } from './decorations';
import { Commands, SETTINGS_SECTION, Settings } from './ids';
import { decisionContext } from './reviewer';
import { iconSafeLabel } from '../core/markdown';
import { showRejected } from './review';
import type { TopicsProvider } from './topicsView';

/**
 * The commands on articles and their annotations. Each is a method: the command handler only turns
 * its (validated) argument or the cursor into an annotation and calls the core's corrections.
 */
export class AnnotationCommands {
  constructor(
    private readonly articles: ArticleManager,
    private readonly decorations: DecorationController,
    private readonly topics: TopicsProvider,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  register(): vscode.Disposable[] {
    const c = (id: string, fn: (arg?: unknown) => unknown) => vscode.commands.registerCommand(id, fn);
    return [
      c(Commands.annotateFile, () => this.annotateFile()),
      c(Commands.stopAnnotatingFile, () => this.stopAnnotatingFile()),
      c(Commands.saveAnnotations, () => this.saveAnnotations()),
      c(Commands.reanalyze, () => {
        const act = this.activeState();
        if (act) void this.articles.runAnalysis(act.state);
      }),
      c(Commands.toggleHighlights, () => this.decorations.toggle()),
      c(Commands.toggleRejected, () => this.toggleRejected()),
      c(Commands.resolveConflict, (arg) => this.resolveConflict(arg)),
      c(Commands.acceptAnnotation, (arg) => this.setStatus(arg, 'accepted')),
      c(Commands.rejectAnnotation, (arg) => this.setStatus(arg, 'rejected')),
      c(Commands.retypeAnnotation, (arg) => this.retypeAnnotation(arg)),
      c(Commands.addAnnotation, (arg) => this.addAnnotation(arg)),
      c(Commands.deleteAnnotation, (arg) => this.deleteAnnotation(arg)),
      c(Commands.reattachAnnotation, (arg) => this.reattachAnnotation(arg)),
      c(Commands.linkEntity, (arg) => this.linkEntity(arg)),
      c(Commands.filterTopics, () => this.filterTopics()),
      c(Commands.clearTopicsFilter, () => this.topics.setFilter({})),
      c(Commands.revealSpan, (arg) => this.revealSpan(arg)),
      c(Commands.showOutput, () => this.log.show()),
    ];
  }

  private activeState(): { state: ArticleState; editor: vscode.TextEditor } | null {
    const editor = vscode.window.activeTextEditor;
    const state = editor ? this.articles.get(editor.document.uri) : undefined;
    return editor && state ? { state, editor } : null;
  }

  /**
   * The annotation a command is about: from a validated hover argument, else the one at the cursor
   * (what the hover shows there, innermost).
   */
  private target(arg: unknown): { state: ArticleState; ann: Annotation } | null {
    const t = parseTargetArg(arg);
    if (arg !== undefined && !t) {
      this.log.warn('ignored a command with invalid arguments');
      return null;
    }
    if (t) {
      const state = this.articles.byRef(t.doc);
      const ann = state?.annotations.find((a) => a.id === t.id);
      if (!state || !ann) this.log.warn('ignored a command for an unknown document or annotation');
      return state && ann ? { state, ann } : null;
    }
    const act = this.activeState();
    if (!act) return null;
    const offset = act.state.mapper().toOffset(act.editor.selection.active);
    const hits = annotationsAt(act.state.annotations, offset, { includeRejected: showRejected(act.editor.document.uri) });
    const ann = hits[hits.length - 1];
    return ann ? { state: act.state, ann } : null;
  }

  private nothingHere(): undefined {
    void vscode.window.showInformationMessage('No annotation at the cursor.');
    return undefined;
  }

  /** Accept / Reject (hover links, keys, context menu). */
  private setStatus(arg: unknown, status: 'accepted' | 'rejected'): string | undefined {
    const t = this.target(arg);
    if (!t) return this.nothingHere();
    if (status === 'accepted') corrections.accept(t.ann, t.state.live, decisionContext(t.state.uri));
    else corrections.reject(t.ann, decisionContext(t.state.uri));
    this.articles.corrected(t.state);
    return t.ann.id;
  }

  private async pickType(kind: AnnotationKind | null, current?: string): Promise<{ kind: AnnotationKind; type: string } | undefined> {
    const kinds: AnnotationKind[] = kind ? [kind] : ['entity', 'figure', 'quote'];
    const items = kinds.flatMap((k) =>
      TYPES[k].map((t) => ({
        label: TYPE_LABELS[t]?.long ?? t,
        description: t === current ? `${t} (current)` : t,
        annotationKind: k,
        type: t,
      })),
    );
    const pick = await vscode.window.showQuickPick(items, {
      title: kind ? 'Change annotation type' : 'Add annotation',
      placeHolder: 'Type of the annotation',
    });
    return pick ? { kind: pick.annotationKind, type: pick.type } : undefined;
  }

  /** Annotate This File: overrides article detection for the active file (remembered per workspace). */
  async annotateFile(): Promise<unknown> {
    const ed = vscode.window.activeTextEditor;
    if (!ed) return void vscode.window.showInformationMessage('Open a text file to annotate it.');
    await this.articles.setForced(ed.document.uri, true);
    return true;
  }

  /** Stop Annotating This File. */
  async stopAnnotatingFile(): Promise<unknown> {
    const ed = vscode.window.activeTextEditor;
    if (!ed) return false;
    await this.articles.setForced(ed.document.uri, false);
    return true;
  }

  /** Save Annotations: writes the annotation file now, with progress; says why not when it cannot. */
  async saveAnnotations(): Promise<unknown> {
    const act =
      this.activeState() ?? (this.topics.articleUri ? { state: this.articles.get(this.topics.articleUri)!, editor: undefined } : null);
    if (!act?.state) return void vscode.window.showInformationMessage('Open a news article to save its annotations.');
    const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Saving annotations' }, () =>
      this.articles.saveSidecar(act.state),
    );
    if (!r.ok) {
      void vscode.window.showWarningMessage(`Annotations not saved: ${r.message}.`, 'Show Output').then((b) => b && this.log.show());
      return undefined;
    }
    void vscode.window.setStatusBarMessage(`$(check) ${r.message}`, 3000);
    return act.state.sidecarUri?.toString();
  }

  /** Show or Hide Rejected Annotations (struck through), so a rejection can be found and undone. */
  async toggleRejected(): Promise<unknown> {
    const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const show = !cfg.get<boolean>(Settings.highlightRejected, false);
    await cfg.update(Settings.highlightRejected, show, vscode.ConfigurationTarget.Global);
    void vscode.window.setStatusBarMessage(
      show ? '$(eye) Rejected annotations shown (struck through)' : '$(eye-closed) Rejected annotations hidden',
      3000,
    );
    return show;
  }

  /** Keeps one of two decisions a merge left on an annotation (from the lightbulb). */
  resolveConflict(arg?: unknown): unknown {
    const t = parseTargetArg(arg);
    const state = t ? this.articles.byRef(t.doc) : undefined;
    const ann = state?.annotations.find((a) => a.id === t!.id);
    if (!t?.take || !state || !ann || !corrections.resolveConflict(ann, t.take)) {
      this.log.warn('ignored a disagreement command with invalid arguments');
      return undefined;
    }
    this.articles.corrected(state);
    return ann.id;
  }

  /** Change Annotation Type…: a type of the same kind; the annotation is accepted with it. */
  async retypeAnnotation(arg?: unknown): Promise<unknown> {
    const t = this.target(arg);
    if (!t) return this.nothingHere();
    const pick = await this.pickType(t.ann.kind, t.ann.type);
    if (!pick || !corrections.retype(t.ann, pick.type, t.state.live, decisionContext(t.state.uri))) return undefined;
    this.articles.corrected(t.state);
    return t.ann.id;
  }

  /** Add Annotation from Selection…: the selected words, with a type picked (or given by the lightbulb). */
  async addAnnotation(arg?: unknown): Promise<unknown> {
    const act = this.activeState();
    if (!act || act.editor.selection.isEmpty) return void vscode.window.showInformationMessage('Select the words to annotate first.');
    const mapper = act.state.mapper();
    const start = mapper.toOffset(act.editor.selection.start);
    const end = mapper.toOffset(act.editor.selection.end);
    let pick: { kind: AnnotationKind; type: string } | undefined;
    if (arg && typeof arg === 'object' && typeof (arg as { type?: unknown }).type === 'string') {
      const type = (arg as { type: string }).type;
      const kind = kindOfType(type);
      pick = kind ? { kind, type } : undefined;
    } else pick = await this.pickType(null);
    if (!pick) return undefined;
    const state = act.state;
    const r = corrections.add(state.annotations, { start, end, type: pick.type }, state.live, decisionContext(state.uri));
    if (!r.ok) return void vscode.window.showInformationMessage('Nothing annotated: select one or more whole words of the article.');
    state.annotations = r.annotations;
    this.articles.corrected(state);
    return r.added.id;
  }

  /** Delete Annotation: removes an added one; rejects a model suggestion (it would come back). */
  deleteAnnotation(arg?: unknown): unknown {
    const t = this.target(arg);
    if (!t) return this.nothingHere();
    t.state.annotations = corrections.remove(t.state.annotations, t.ann, decisionContext(t.state.uri));
    this.articles.corrected(t.state);
    return t.ann.id;
  }

  /** Attaches an ambiguous annotation at one of its candidate places (lightbulb). */
  reattachAnnotation(arg?: unknown): unknown {
    const t = arg === undefined ? null : this.target(arg);
    const start = arg && typeof arg === 'object' ? (arg as { start?: unknown }).start : undefined;
    if (!t || !Number.isSafeInteger(start) || !corrections.reattach(t.ann, start as number, t.state.live)) return undefined;
    this.articles.corrected(t.state);
    return t.ann.id;
  }

  /** Link Mention to Entity…: which entity a name refers to, from this article or typed. */
  async linkEntity(arg?: unknown): Promise<unknown> {
    const t = this.target(arg);
    if (!t || t.ann.kind !== 'entity') return this.nothingHere();
    const groups = t.state.analysis?.entityGroups ?? [];
    const items: (vscode.QuickPickItem & { canonical?: string })[] = groups
      .filter((g) => g.type === t.ann.type)
      .concat(groups.filter((g) => g.type !== t.ann.type))
      .map((g) => ({
        label: iconSafeLabel(g.canonical, 80),
        description: `${typeTitle(g.type)}, ${g.mentions.length} mention${g.mentions.length === 1 ? '' : 's'}`,
        canonical: g.canonical,
      }));
    items.push({ label: '$(edit) Another name…' });
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Link this mention to',
      placeHolder: 'The entity this mention refers to',
    });
    if (!pick) return undefined;
    let canonical = pick.canonical;
    if (canonical === undefined) {
      canonical = await vscode.window.showInputBox({
        title: 'Canonical name',
        prompt: 'The full name this mention refers to',
        value: t.ann.entity ?? t.ann.text,
        validateInput: (v) => (v.trim() ? undefined : 'Enter a name'),
      });
      if (!canonical) return undefined;
    }
    if (!corrections.link(t.ann, canonical, t.state.live, decisionContext(t.state.uri))) return undefined;
    this.articles.corrected(t.state);
    return t.ann.id;
  }

  /** Filter Topics…: by kind and by text. */
  async filterTopics(): Promise<unknown> {
    const kinds = await vscode.window.showQuickPick(
      [
        { label: 'Names', picked: true, annotationKind: 'entity' as const },
        { label: 'Quotes', picked: true, annotationKind: 'quote' as const },
        { label: 'Figures', picked: true, annotationKind: 'figure' as const },
      ],
      { title: 'Show in Topics', canPickMany: true },
    );
    if (!kinds) return;
    const text = await vscode.window.showInputBox({
      title: 'Filter Topics by text',
      prompt: 'Only show items containing this text (leave empty for all)',
    });
    if (text === undefined) return;
    this.topics.setFilter({ kinds: kinds.length === 3 ? [] : kinds.map((k) => k.annotationKind), text });
  }

  /** Reveals and selects a span of an open article (Topics view items, hover links). */
  async revealSpan(arg?: unknown): Promise<unknown> {
    const r = parseRevealArg(arg);
    const state = r ? this.articles.byRef(r.doc) : undefined;
    if (!r || !state) return;
    const mapper = state.mapper();
    const range = mapper.toRange({ start: Math.min(r.start, state.live.length), end: Math.min(r.end, state.live.length) });
    const editor = await vscode.window.showTextDocument(state.doc, { preserveFocus: false, preview: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
