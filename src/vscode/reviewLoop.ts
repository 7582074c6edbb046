/**
 * The review loop at the keyboard: Next / Previous Suggestion (reveal it, show its hover card), Accept
 * and Next, Reject and Next, a filter by kind and confidence, progress in the status bar, the Topics
 * view's "undecided only", bulk decisions over an article or the workspace with a preview, and undo /
 * redo of decisions.
 *
 * Undo. A decision changes no text, so it has no place on the editor's own undo stack (the API offers
 * no way to push one there). Every correction — from these commands, the older ones, hover links or
 * the lightbulb — ends in `ArticleManager.corrected`, so the decisions are recorded by watching that
 * event: what changed since the last known state of the article, by annotation id (see
 * core/review/history.ts). **Undo Last Decision** (Ctrl+Alt+Z) puts the newest decision back, and
 * Ctrl+Z does the same while the newest thing done in the article is a decision (a context key,
 * cleared by the next text edit): in a review loop Ctrl+Z then undoes the last key press, as users
 * expect, and never a text edit made long before; once the text is edited again, Ctrl+Z is the
 * editor's text undo as always.
 */
import * as vscode from 'vscode';
import { applyBulk, bulkTargets, describeQuery, type BulkQuery } from '../core/review/bulk';
import { applyChanges, DecisionHistory, type AnnotationChange, type DecisionStep } from '../core/review/history';
import { confidenceFrom, nextToReview, reviewProgress, type ReviewFilter } from '../core/review/navigation';
import { awaitsDecision } from '../core/sidecar/model';
import { typeTitle } from '../core/labels';
import { iconSafeLabel, shorten } from '../core/markdown';
import * as corrections from '../core/sidecar/corrections';
import { ANNOTATION_KINDS, kindOfType, TYPES, type Annotation, type AnnotationKind } from '../core/sidecar/model';
import { parseSidecar } from '../core/sidecar/yaml';
import type { ArticleEvent, ArticleState } from './articles';
import { Commands, ContextKeys, SETTINGS_SECTION, Settings } from './ids';
import { count } from './notices';
import { decisionContext } from './reviewer';
import { readSidecar } from './sidecarStore';
import type { TopicsProvider } from './topicsView';
import {
  loadDiskArticle,
  rewriteSidecar,
  workspaceArticleUris,
  writeDiskArticle,
  type DiskArticle,
  type WorkspaceAccess,
} from './workspaceArticles';

const KIND_LABEL: Record<AnnotationKind, string> = { entity: 'Names', figure: 'Figures', quote: 'Quotes' };

/** Items shown in a bulk preview at most (the count is always the full one). */
const PREVIEW_ITEMS = 5000;

/** What the extension's tests read of the review loop. */
export interface ReviewLoopApi {
  progress(uri: vscode.Uri): { reviewed: number; total: number; disputed: number } | undefined;
  statusText(): string | undefined;
  decisionsRecorded(): number;
}

// ---------------------------------------------------------------------------------------------
// Recording decisions

interface Known {
  ref: Annotation;
  sig: string;
}

/** Whether a command was run by the Ctrl+Z / Ctrl+Y keybinding (its `args`), not the palette or Ctrl+Alt+Z. */
function isFromEditorKey(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && (arg as { editorKey?: unknown }).editorKey === true;
}

/** The decision an annotation carries, as one string (what undo restores). */
function signature(a: Annotation): string {
  return JSON.stringify([
    a.status,
    a.origin,
    a.type,
    a.by ?? null,
    a.entity ?? null,
    a.note ?? null,
    a.conflict ?? null,
    a.anchor,
    a.text,
    a.prefix,
    a.suffix,
  ]);
}

function copy(a: Annotation): Annotation {
  return JSON.parse(JSON.stringify(a)) as Annotation;
}

/** An annotation as it was when its signature was taken (offsets as they are now). */
function asBefore(k: Known): Annotation {
  const [status, origin, type, by, entity, note, conflict, anchor, text, prefix, suffix] = JSON.parse(k.sig) as [
    Annotation['status'],
    Annotation['origin'],
    string,
    string | null,
    string | null,
    string | null,
    Annotation['conflict'] | null,
    Annotation['anchor'],
    string,
    string,
    string,
  ];
  const a: Annotation = { ...copy(k.ref), status, origin, type, anchor, text, prefix, suffix };
  for (const [key, v] of [
    ['by', by],
    ['entity', entity],
    ['note', note],
    ['conflict', conflict],
  ] as const) {
    if (v === null) delete (a as unknown as Record<string, unknown>)[key];
    else (a as unknown as Record<string, unknown>)[key] = v;
  }
  return a;
}

function verbOf(c: AnnotationChange): string {
  if (!c.after) return 'remove';
  if (!c.before) return 'add';
  if (c.before.conflict && !c.after.conflict) return 'settle';
  if (c.before.type !== c.after.type) return `retype as ${c.after.type}`;
  if (c.before.entity !== c.after.entity) return 'link';
  return c.after.status === 'accepted' ? 'accept' : c.after.status === 'rejected' ? 'reject' : 'change';
}

function labelOf(changes: readonly AnnotationChange[]): string {
  if (changes.length === 1) {
    const c = changes[0]!;
    return `${verbOf(c)} “${shorten((c.after ?? c.before)!.text, 40)}”`;
  }
  return `${changes.length} decisions`;
}

class DecisionRecorder {
  readonly history = new DecisionHistory(500);
  private readonly known = new Map<string, Map<string, Known>>();
  /** Decisions and undos in each article since its text was last edited: they decide where Ctrl+Z goes. */
  private readonly sinceEdit = new Map<string, { undo: number; redo: number }>();
  private group: DecisionStep | null = null;
  private suppressed = 0;
  recorded = 0;

  constructor(private readonly onState: () => void) {}

  private remember(key: string, list: readonly Annotation[]): void {
    this.known.set(key, new Map(list.map((a) => [a.id, { ref: a, sig: signature(a) }])));
  }

  counters(key: string): { undo: number; redo: number } {
    let c = this.sinceEdit.get(key);
    if (!c) this.sinceEdit.set(key, (c = { undo: 0, redo: 0 }));
    return c;
  }

  onEvent(e: ArticleEvent, state: ArticleState | undefined): void {
    const key = e.uri.toString();
    if (e.reason === 'closed' || !state) {
      this.known.delete(key);
      this.sinceEdit.delete(key);
      return;
    }
    if (e.reason === 'edited') {
      // Decisions are not changed by typing; Ctrl+Z belongs to the text again.
      this.sinceEdit.set(key, { undo: 0, redo: 0 });
      this.onState();
      return;
    }
    if (e.reason !== 'corrected' || this.suppressed) {
      this.remember(key, state.annotations);
      return;
    }
    const before = this.known.get(key) ?? new Map<string, Known>();
    const changes: AnnotationChange[] = [];
    const seen = new Set<string>();
    for (const a of state.annotations) {
      seen.add(a.id);
      const k = before.get(a.id);
      if (!k) changes.push({ id: a.id, before: null, after: copy(a) });
      else if (k.sig !== signature(a)) changes.push({ id: a.id, before: asBefore(k), after: copy(a) });
    }
    for (const [id, k] of before) if (!seen.has(id)) changes.push({ id, before: asBefore(k), after: null });
    this.remember(key, state.annotations);
    if (!changes.length) return;
    this.recorded++;
    if (this.group) {
      this.group.files.set(key, [...(this.group.files.get(key) ?? []), ...changes]);
      return;
    }
    this.history.push({ label: labelOf(changes), files: new Map([[key, changes]]) });
    const c = this.counters(key);
    c.undo++;
    c.redo = 0;
    this.onState();
  }

  /** Collects every decision until {@link endGroup} into one step (a bulk decision over many articles). */
  beginGroup(label: string): DecisionStep {
    this.group = { label, files: new Map() };
    return this.group;
  }

  endGroup(activeKey: string | undefined): void {
    const g = this.group;
    this.group = null;
    if (!g) return;
    this.history.push(g);
    if (activeKey && g.files.has(activeKey)) {
      const c = this.counters(activeKey);
      c.undo++;
      c.redo = 0;
    }
    this.onState();
  }

  /** Runs `f` without recording what it changes (undo and redo themselves). */
  quietly<T>(f: () => T): T {
    this.suppressed++;
    try {
      return f();
    } finally {
      this.suppressed--;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Command arguments (from keybindings, other extensions and tests): validated

function plain(arg: unknown): Record<string, unknown> | null {
  return arg && typeof arg === 'object' && !Array.isArray(arg) && Object.getPrototypeOf(arg) === Object.prototype
    ? (arg as Record<string, unknown>)
    : null;
}

const unit = (x: unknown): number | undefined => (typeof x === 'number' && x >= 0 && x <= 1 ? x : undefined);

interface BulkArgs {
  query: BulkQuery;
  scope: 'article' | 'workspace';
  preview: boolean;
}

/** `{decision, kind?, type?, entity?, minConfidence?, belowConfidence?, scope, preview?}`; null when malformed. */
function parseBulkArgs(arg: unknown): BulkArgs | null {
  const o = plain(arg);
  if (!o) return null;
  const allowed = ['decision', 'kind', 'type', 'entity', 'minConfidence', 'belowConfidence', 'scope', 'preview'];
  if (Object.keys(o).some((k) => !allowed.includes(k))) return null;
  if (o.decision !== 'accept' && o.decision !== 'reject') return null;
  if (o.scope !== 'article' && o.scope !== 'workspace') return null;
  const q: BulkQuery = { decision: o.decision };
  if (o.kind !== undefined) {
    if (!ANNOTATION_KINDS.includes(o.kind as AnnotationKind)) return null;
    q.kind = o.kind as AnnotationKind;
  }
  if (o.type !== undefined) {
    if (typeof o.type !== 'string' || !kindOfType(o.type)) return null;
    q.type = o.type;
  }
  if (o.entity !== undefined) {
    if (typeof o.entity !== 'string' || !o.entity.trim() || o.entity.length > 300) return null;
    q.entity = o.entity;
  }
  for (const k of ['minConfidence', 'belowConfidence'] as const) {
    if (o[k] === undefined) continue;
    const v = unit(o[k]);
    if (v === undefined) return null;
    q[k] = v;
  }
  return { query: q, scope: o.scope, preview: o.preview !== false };
}

// ---------------------------------------------------------------------------------------------

export function registerReviewLoop(
  access: WorkspaceAccess,
  topics: TopicsProvider,
  memento: vscode.Memento,
): { disposables: vscode.Disposable[]; api: ReviewLoopApi } {
  return new ReviewLoop(access, topics, memento).register();
}

interface Found {
  uri: vscode.Uri;
  label: string;
  state?: ArticleState;
  disk?: DiskArticle;
  targets: Annotation[];
}

/** The review loop: navigation, decisions and their undo, the filter and bulk decisions; the status bar item. */
class ReviewLoop {
  private readonly articles: WorkspaceAccess['articles'];
  private readonly log: WorkspaceAccess['log'];
  private readonly status = vscode.window.createStatusBarItem('newsAnnotator.review', vscode.StatusBarAlignment.Right, 99);
  private filter: ReviewFilter;
  /** The annotation the loop put the cursor on last, per article. */
  private readonly current = new Map<string, string>();
  private readonly recorder = new DecisionRecorder(() => this.updateContext());

  constructor(
    private readonly access: WorkspaceAccess,
    private readonly topics: TopicsProvider,
    private readonly memento: vscode.Memento,
  ) {
    this.articles = access.articles;
    this.log = access.log;
    this.status.name = 'News Annotator review progress';
    this.filter = memento.get<ReviewFilter>('reviewFilter', {});
  }

  private active(): { state: ArticleState; editor: vscode.TextEditor } | null {
    const { articles } = this;
    const editor = vscode.window.activeTextEditor;
    const state = editor ? articles.get(editor.document.uri) : undefined;
    return editor && state ? { state, editor } : null;
  }
  private activeKey() {
    return this.active()?.state.uri.toString();
  }

  private updateContext() {
    const { recorder } = this;
    const key = this.activeKey();
    const c = key ? recorder.counters(key) : { undo: 0, redo: 0 };
    void vscode.commands.executeCommand(
      'setContext',
      ContextKeys.decisionUndoable,
      !!key && c.undo > 0 && !!recorder.history.peekUndo(key),
    );
    void vscode.commands.executeCommand('setContext', ContextKeys.decisionRedoable, !!key && c.redo > 0 && recorder.history.canRedo(key));
  }

  private filterText() {
    const bits: string[] = [];
    if (this.filter.kinds?.length) bits.push(this.filter.kinds.map((k) => KIND_LABEL[k].toLowerCase()).join(', '));
    if (this.filter.below !== undefined) bits.push(`below ${Math.round(this.filter.below * 100)}% sure`);
    return bits.join(', ');
  }

  private updateStatus() {
    const { status } = this;
    const act = this.active();
    if (!act || act.state.tooLarge) {
      status.hide();
      return;
    }
    const p = reviewProgress(act.state.annotations);
    status.text = `$(checklist) ${p.reviewed} / ${p.total} reviewed${p.disputed ? ` · $(git-merge) ${p.disputed}` : ''}`;
    const f = this.filterText();
    status.tooltip = [
      `News Annotator: ${p.reviewed} of ${p.total} annotations decided` +
        `${p.disputed ? `, ${p.disputed} disputed (decided differently on two branches)` : ''}.`,
      `Next Suggestion: Ctrl+F8 · Accept and Next: Alt+Enter · Reject and Next: Alt+Backspace · Undo: ` +
        `Ctrl+Z${f ? `\nReviewing only ${f}` : ''}`,
    ].join('\n');
    status.command = { command: Commands.nextSuggestion, title: 'Next Suggestion' };
    status.show();
  }

  // --------------------------------------------------------------------------- navigation

  private async reveal(state: ArticleState, editor: vscode.TextEditor, a: Annotation) {
    const { current } = this;
    const range = state.mapper().toRange(a);
    // The cursor at the start, nothing selected: a key typed by mistake does not replace the words.
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    current.set(state.uri.toString(), a.id);
    await vscode.commands.executeCommand('editor.action.showHover');
  }

  /** Moves to the next (1) or previous (-1) annotation to review; false when nothing is left. */
  private async go(direction: 1 | -1): Promise<string | undefined> {
    const { current } = this;
    const act = this.active();
    if (!act) {
      void vscode.window.showInformationMessage('Open a news article to review its suggestions.');
      return undefined;
    }
    const { state, editor } = act;
    const key = state.uri.toString();
    const offset = state.mapper().toOffset(editor.selection.active);
    const r = nextToReview(state.annotations, offset, direction, {
      filter: this.filter,
      confidenceOf: confidenceFrom(state.analysis),
      currentId: current.get(key),
    });
    if (!r) {
      const f = this.filterText();
      const next = (b: string | undefined) => void (b && this.nextArticle());
      if (f)
        void vscode.window
          .showInformationMessage(
            'No suggestion left to review here among the kinds and confidence you chose (Review Only Some Suggestions…).',
            'Next Article to Review',
          )
          .then(next);
      else void vscode.window.showInformationMessage('Everything in this article is reviewed.', 'Next Article to Review').then(next);
      return undefined;
    }
    if (r.wrapped && direction === 1)
      void vscode.window.showInformationMessage(
        `Reached the end of the article: back to the first suggestion (${count(r.of)} left to review).`,
      );
    else if (r.wrapped)
      void vscode.window.showInformationMessage(
        `Reached the start of the article: back to the last suggestion (${count(r.of)} left to review).`,
      );
    await this.reveal(state, editor, r.annotation);
    vscode.window.setStatusBarMessage(`Suggestion ${r.position} of ${r.of}`, 2500);
    return r.annotation.id;
  }

  /** The annotation the reviewer is deciding on: the one the loop went to, else the innermost at the cursor (undecided first). */
  private targetAt(state: ArticleState, editor: vscode.TextEditor): Annotation | undefined {
    const { current } = this;
    const offset = state.mapper().toOffset(editor.selection.active);
    const id = current.get(state.uri.toString());
    const here = state.annotations.filter((a) => (a.anchor === 'ok' || a.anchor === 'modified') && a.start <= offset && offset <= a.end);
    const cur = here.find((a) => a.id === id);
    if (cur) return cur;
    here.sort((a, b) => Number(awaitsDecision(b)) - Number(awaitsDecision(a)) || a.end - a.start - (b.end - b.start));
    return here[0];
  }

  private async decideAndNext(decision: 'accept' | 'reject'): Promise<string | undefined> {
    const { articles } = this;
    const act = this.active();
    if (!act) return undefined;
    const a = this.targetAt(act.state, act.editor);
    if (a) {
      const ctx = decisionContext(act.state.uri);
      if (decision === 'accept') corrections.accept(a, act.state.live, ctx);
      else corrections.reject(a, ctx);
      articles.corrected(act.state);
    }
    return this.go(1);
  }

  /** Opens the next article (after the active one, by path) that still has something to review. */
  private async nextArticle() {
    const { articles, access } = this;
    const uris = await workspaceArticleUris(access);
    const cur = this.activeKey();
    const start = cur ? uris.findIndex((u) => u.toString() === cur) : -1;
    for (let k = 1; k <= uris.length; k++) {
      const uri = uris[(start + k + uris.length) % uris.length]!;
      if (uri.toString() === cur) continue;
      if (await this.hasOpenWork(uri)) {
        await vscode.window.showTextDocument(uri, { preview: false });
        await articles.whenIdle(uri);
        await this.go(1);
        return;
      }
    }
    void vscode.window.showInformationMessage('No other article has suggestions left to review.');
  }

  /** Does an article still have undecided suggestions? From the editor, else from its file (none: yes). */
  private async hasOpenWork(uri: vscode.Uri): Promise<boolean> {
    const { articles } = this;
    const s = articles.get(uri);
    if (s) return s.annotations.some(awaitsDecision);
    const read = readSidecar(uri, 50 * 1024 * 1024);
    if (!read.ok) return false;
    if (read.content === null) {
      try {
        return (await vscode.workspace.fs.stat(uri)).size > 0;
      } catch {
        return false;
      }
    }
    const p = parseSidecar(read.content);
    return p.ok && p.doc.annotations.some(awaitsDecision);
  }

  // --------------------------------------------------------------------------- undo / redo

  private async undoRedo(direction: 'undo' | 'redo', arg?: unknown): Promise<string | undefined> {
    const { articles, log, current, recorder } = this;
    const key = this.activeKey();
    const h = recorder.history;
    // Ctrl+Z / Ctrl+Y arrive here while the context key says a decision is the last thing done. The
    // key is set asynchronously, so a press right after typing can still find it set: the text was
    // edited since, so the key belongs to the editor's own undo.
    const c0 = key ? recorder.counters(key) : { undo: 0, redo: 0 };
    if (isFromEditorKey(arg) && (direction === 'undo' ? c0.undo : c0.redo) === 0) {
      await vscode.commands.executeCommand(direction);
      return undefined;
    }
    const step = direction === 'undo' ? (h.takeUndo(key) ?? h.takeUndo()) : (h.takeRedo(key) ?? h.takeRedo());
    if (!step) {
      if (direction === 'undo') void vscode.window.showInformationMessage('No decision to undo.');
      else void vscode.window.showInformationMessage('No decision to redo.');
      return undefined;
    }
    const failed: string[] = [];
    for (const [file, changes] of step.files) {
      const uri = vscode.Uri.parse(file);
      const state = articles.get(uri);
      if (state) {
        recorder.quietly(() => {
          state.annotations = applyChanges(state.annotations, changes, direction, state.text);
          articles.corrected(state);
        });
      } else {
        const out = await rewriteSidecar(uri, (anns, text) => applyChanges(anns, changes, direction, text));
        if (!out.written) failed.push(`${vscode.workspace.asRelativePath(uri)} (${out.message})`);
      }
    }
    if (key && step.files.has(key)) {
      const c = recorder.counters(key);
      if (direction === 'undo') {
        c.undo = Math.max(0, c.undo - 1);
        c.redo++;
      } else {
        c.redo = Math.max(0, c.redo - 1);
        c.undo++;
      }
      // Show what came back: the cursor on the first annotation the step changed here.
      const act = this.active();
      const ids = new Set(step.files.get(key)!.map((c) => c.id));
      const first = act?.state.annotations.find((a) => ids.has(a.id) && (a.anchor === 'ok' || a.anchor === 'modified'));
      if (act && first) {
        const pos = act.state.mapper().toPosition(first.start);
        act.editor.selection = new vscode.Selection(pos, pos);
        act.editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        current.set(key, first.id);
      }
    }
    this.updateContext();
    this.updateStatus();
    const others = [...step.files.keys()].filter((f) => f !== key).length;
    const msg = `${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.label}${others ? ` (in ${step.files.size} articles)` : ''}`;
    // The label holds article words: the status bar (no links), never a notification.
    vscode.window.setStatusBarMessage(`$(discard) ${iconSafeLabel(msg, 120)}`, 5000);
    log.info(msg);
    if (failed.length) {
      log.warn(`not written: ${failed.join(', ')}`);
      void vscode.window.showWarningMessage(
        `${count(failed.length)} annotation file(s) changed on disk meanwhile and were left as they are (details in the output).`,
      );
    } else if (others && direction === 'undo') void vscode.window.showInformationMessage(`Undone in ${count(step.files.size)} articles.`);
    else if (others) void vscode.window.showInformationMessage(`Redone in ${count(step.files.size)} articles.`);
    return step.label;
  }

  // --------------------------------------------------------------------------- filter

  private async chooseFilter(arg?: unknown): Promise<ReviewFilter | undefined> {
    const { memento } = this;
    const o = plain(arg);
    if (arg !== undefined) {
      if (!o) return undefined;
      const kinds = Array.isArray(o.kinds)
        ? o.kinds.filter((k): k is AnnotationKind => ANNOTATION_KINDS.includes(k as AnnotationKind))
        : [];
      const below = o.below === null || o.below === undefined ? undefined : unit(o.below);
      this.filter = { ...(kinds.length && kinds.length < 3 ? { kinds } : {}), ...(below !== undefined ? { below } : {}) };
    } else {
      const kinds = await vscode.window.showQuickPick(
        ANNOTATION_KINDS.map((k) => ({
          label: KIND_LABEL[k],
          picked: !this.filter.kinds?.length || this.filter.kinds.includes(k),
          annotationKind: k,
        })),
        { title: 'Review: which suggestions to step through', canPickMany: true, placeHolder: 'Kinds of annotation' },
      );
      if (!kinds) return undefined;
      const levels = [
        { label: 'Any confidence', below: undefined as number | undefined },
        { label: 'Below 90% sure', below: 0.9 },
        { label: 'Below 75% sure', below: 0.75 },
        { label: 'Below 50% sure', below: 0.5 },
      ];
      const level = await vscode.window.showQuickPick(levels, {
        title: 'Review: only the suggestions the model is unsure of?',
        placeHolder: 'Figures count as certain; a disagreement always shows',
      });
      if (!level) return undefined;
      this.filter = {
        ...(kinds.length && kinds.length < 3 ? { kinds: kinds.map((k) => k.annotationKind) } : {}),
        ...(level.below !== undefined ? { below: level.below } : {}),
      };
    }
    await memento.update('reviewFilter', this.filter);
    this.updateStatus();
    vscode.window.setStatusBarMessage(`$(filter) Reviewing ${this.filterText() || 'every suggestion'}`, 3000);
    return this.filter;
  }

  // --------------------------------------------------------------------------- bulk decisions

  /** Asks what to decide: the entity at the cursor, a type, or a confidence level; and where. */
  private async askBulk(): Promise<BulkArgs | undefined> {
    const act = this.active();
    const here = act ? this.targetAt(act.state, act.editor) : undefined;
    type Pick = vscode.QuickPickItem & { make?: () => Promise<BulkQuery | undefined> };
    const items: Pick[] = [];
    if (here?.kind === 'entity') {
      const name = here.entity ?? here.text;
      for (const decision of ['accept', 'reject'] as const) {
        items.push({
          label:
            `$(${decision === 'accept' ? 'check' : 'close'}) ` +
            `${decision === 'accept' ? 'Accept' : 'Reject'} every “${shorten(name, 50)}” (${typeTitle(here.type)})`,
          make: async () => ({ decision, type: here.type, entity: name }),
        });
      }
    }
    const pickType = async (decision: 'accept' | 'reject') => {
      const t = await vscode.window.showQuickPick(
        ANNOTATION_KINDS.flatMap((k) => TYPES[k].map((type) => ({ label: typeTitle(type), description: type, type }))),
        { title: `${decision === 'accept' ? 'Accept' : 'Reject'} every suggestion of the type` },
      );
      return t ? ({ decision, type: t.type } as BulkQuery) : undefined;
    };
    const pickLevel = async (decision: 'accept' | 'reject') => {
      const levels = decision === 'accept' ? [0.95, 0.9, 0.8, 0.75] : [0.5, 0.4, 0.3];
      const l = await vscode.window.showQuickPick(
        levels.map((v) => ({
          label: decision === 'accept' ? `${Math.round(v * 100)}% sure or more` : `below ${Math.round(v * 100)}% sure`,
          v,
        })),
        {
          title:
            decision === 'accept'
              ? 'Accept every name and quote the model is this sure of'
              : 'Reject every name and quote the model is this unsure of',
          placeHolder: 'Figures have no confidence and are not included',
        },
      );
      return l ? ({ decision, ...(decision === 'accept' ? { minConfidence: l.v } : { belowConfidence: l.v }) } as BulkQuery) : undefined;
    };
    items.push(
      { label: '$(check) Accept every suggestion of a type…', make: () => pickType('accept') },
      { label: '$(check) Accept every suggestion above a confidence…', make: () => pickLevel('accept') },
      { label: '$(close) Reject every suggestion of a type…', make: () => pickType('reject') },
      { label: '$(close) Reject every suggestion below a confidence…', make: () => pickLevel('reject') },
    );
    const what = await vscode.window.showQuickPick(items, {
      title: 'Decide in bulk (undecided suggestions only; you see them before anything changes)',
    });
    const query = await what?.make?.();
    if (!query) return undefined;
    const scope = await vscode.window.showQuickPick(
      [
        ...(act ? [{ label: '$(file) This article', scope: 'article' as const }] : []),
        {
          label: '$(files) Every article in the workspace',
          description: 'closed ones too: their annotation files are written',
          scope: 'workspace' as const,
        },
      ],
      { title: `${describeQuery(query)}: where?` },
    );
    return scope ? { query, scope: scope.scope, preview: true } : undefined;
  }

  /** Finds the suggestions a bulk decision would change. */
  private async findBulk(
    args: BulkArgs,
    token?: vscode.CancellationToken,
    progress?: (done: number, total: number) => void,
  ): Promise<{ found: Found[]; skipped: number }> {
    const { articles, access } = this;
    const q = args.query;
    if (args.scope === 'article') {
      const act = this.active();
      if (!act) return { found: [], skipped: 0 };
      const s = act.state;
      return {
        found: [
          {
            uri: s.uri,
            label: vscode.workspace.asRelativePath(s.uri),
            state: s,
            targets: bulkTargets(s.annotations, q, confidenceFrom(s.analysis)),
          },
        ],
        skipped: 0,
      };
    }
    const uris = await workspaceArticleUris(access);
    const maxBytes = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(Settings.maxFileSizeMB, 10) * 1024 * 1024;
    const found: Found[] = [];
    let skipped = 0;
    let slice = Date.now();
    for (let i = 0; i < uris.length; i++) {
      if (token?.isCancellationRequested) break;
      const uri = uris[i]!;
      const s = articles.get(uri);
      if (s) {
        if (s.tooLarge) skipped++;
        else {
          await articles.whenIdle(uri);
          found.push({
            uri,
            label: vscode.workspace.asRelativePath(uri),
            state: s,
            targets: bulkTargets(s.annotations, q, confidenceFrom(s.analysis)),
          });
        }
      } else {
        const d = await loadDiskArticle(uri, access, maxBytes);
        if (d) found.push({ uri, label: d.label, disk: d, targets: bulkTargets(d.annotations, q, confidenceFrom(d.analysis)) });
      }
      if (Date.now() - slice > 50) {
        progress?.(i + 1, uris.length);
        await new Promise((r) => setTimeout(r, 0));
        slice = Date.now();
      }
    }
    return { found: found.filter((f) => f.targets.length), skipped };
  }

  /** Shows every match with a tick; returns the ones left ticked (undefined: cancelled). */
  private async preview(args: BulkArgs, found: Found[]): Promise<Set<Annotation> | undefined> {
    const total = found.reduce((n, f) => n + f.targets.length, 0);
    type Item = vscode.QuickPickItem & { ann?: Annotation };
    const items: Item[] = [];
    const conf = new Map(found.map((f) => [f, confidenceFrom(f.state?.analysis ?? f.disk?.analysis ?? null)]));
    for (const f of found) {
      if (items.length >= PREVIEW_ITEMS) break;
      if (found.length > 1) items.push({ label: `${f.label} — ${f.targets.length}`, kind: vscode.QuickPickItemKind.Separator });
      for (const a of f.targets) {
        if (items.length >= PREVIEW_ITEMS) break;
        const c = conf.get(f)!(a);
        items.push({
          label: shorten(a.text.replace(/\s+/g, ' '), 80),
          description: `${typeTitle(a.type)}${c !== undefined && a.kind !== 'figure' ? ` · ${Math.round(c * 100)}% sure` : ''}`,
          detail: `…${a.prefix.replace(/\s+/g, ' ')}[${shorten(a.text.replace(/\s+/g, ' '), 40)}]${a.suffix.replace(/\s+/g, ' ')}…`,
          picked: true,
          ann: a,
        });
      }
    }
    const verb = args.query.decision === 'accept' ? 'Accept' : 'Reject';
    const shown = items.filter((i) => i.ann).length;
    const picked = await vscode.window.showQuickPick(items, {
      title:
        `${verb} ${total} suggestion` +
        `${total === 1 ? '' : 's'}${found.length > 1 ? ` in ${found.length} articles` : ''}` +
        `${shown < total ? ` (first ${shown} listed; all ${total} are decided)` : ''} ` +
        `— untick any to leave undecided, Enter to confirm`,
      canPickMany: true,
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    if (shown < total && picked.length === shown) return new Set(found.flatMap((f) => f.targets));
    return new Set(picked.map((p) => p.ann!).filter(Boolean));
  }

  private async bulk(arg?: unknown): Promise<{ changed: number; articles: number; skipped: number; ms: number } | undefined> {
    const { articles, log, recorder } = this;
    const args = arg === undefined ? await this.askBulk() : parseBulkArgs(arg);
    if (!args) {
      if (arg !== undefined) log.warn('ignored a bulk decision with invalid arguments');
      return undefined;
    }
    const t0 = Date.now();
    const label = describeQuery(args.query);
    const scan =
      args.scope === 'workspace'
        ? await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'News Annotator: finding the suggestions', cancellable: true },
            (p, token) => {
              let last = 0;
              return this.findBulk(args, token, (done, total) => {
                p.report({ message: `${done} of ${total} articles`, increment: (100 * (done - last)) / Math.max(1, total) });
                last = done;
              });
            },
          )
        : await this.findBulk(args);
    const total = scan.found.reduce((n, f) => n + f.targets.length, 0);
    if (!total) {
      void vscode.window.showInformationMessage('No undecided suggestion matches: nothing changed.');
      return { changed: 0, articles: 0, skipped: scan.skipped, ms: Date.now() - t0 };
    }
    const chosen = args.preview ? await this.preview(args, scan.found) : new Set(scan.found.flatMap((f) => f.targets));
    if (!chosen?.size) return undefined;
    const t1 = Date.now();
    const step = recorder.beginGroup(`${label} (${chosen.size})`);
    let changed = 0;
    let articlesChanged = 0;
    const notWritten: string[] = [];
    try {
      await vscode.window.withProgress(
        {
          location: scan.found.length > 1 ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
          title: 'News Annotator: deciding in bulk',
        },
        async (p) => {
          let done = 0;
          for (const f of scan.found) {
            const targets = f.targets.filter((a) => chosen.has(a));
            if (!targets.length) continue;
            const ctx = decisionContext(f.uri);
            if (f.state) {
              // Recorded through the corrected event, into the group.
              applyBulk(f.state.annotations, targets, args.query.decision, f.state.live, ctx);
              articles.corrected(f.state);
            } else if (f.disk) {
              const changes = applyBulk(f.disk.annotations, targets, args.query.decision, f.disk.text, ctx);
              const out = writeDiskArticle(f.disk);
              if (!out.written) {
                notWritten.push(`${f.label} (${out.message})`);
                continue;
              }
              step.files.set(f.uri.toString(), changes);
            }
            changed += targets.length;
            articlesChanged++;
            if (++done % 20 === 0) {
              p.report({ message: `${done} of ${scan.found.length} articles` });
              await new Promise((r) => setTimeout(r, 0));
            }
          }
        },
      );
    } finally {
      recorder.endGroup(this.activeKey());
    }
    const ms = Date.now() - t0;
    log.info(
      `bulk decision "${label}": ${changed} annotations in ${articlesChanged} articles (found in ` +
        `${t1 - t0} ms with the preview, applied in ${Date.now() - t1} ms)`,
    );
    this.updateStatus();
    if (args.query.decision === 'accept')
      void vscode.window.showInformationMessage(
        `Accepted ${count(changed)} suggestion(s) in ${count(articlesChanged)} article(s). Undo Last Decision (Ctrl+Alt+Z) puts them back.`,
      );
    else
      void vscode.window.showInformationMessage(
        `Rejected ${count(changed)} suggestion(s) in ${count(articlesChanged)} article(s). Undo Last Decision (Ctrl+Alt+Z) puts them back.`,
      );
    if (notWritten.length) {
      log.warn(`not written (changed on disk meanwhile, or unwritable): ${notWritten.join(', ')}`);
      void vscode.window.showWarningMessage(
        `${count(notWritten.length)} article(s) were left as they are: their annotation files changed meanwhile (details in the output).`,
      );
    }
    return { changed, articles: articlesChanged, skipped: scan.skipped + notWritten.length, ms };
  }

  register(): { disposables: vscode.Disposable[]; api: ReviewLoopApi } {
    const { articles, status, recorder, topics } = this;

    const disposables: vscode.Disposable[] = [
      status,
      articles.onDidChange((e) => {
        recorder.onEvent(e, articles.get(e.uri));
        if (e.uri.toString() === this.activeKey()) this.updateStatus();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.updateStatus();
        this.updateContext();
      }),
      vscode.commands.registerCommand(Commands.nextSuggestion, () => this.go(1)),
      vscode.commands.registerCommand(Commands.previousSuggestion, () => this.go(-1)),
      vscode.commands.registerCommand(Commands.acceptAndNext, () => this.decideAndNext('accept')),
      vscode.commands.registerCommand(Commands.rejectAndNext, () => this.decideAndNext('reject')),
      vscode.commands.registerCommand(Commands.undoDecision, (arg?: unknown) => this.undoRedo('undo', arg)),
      vscode.commands.registerCommand(Commands.redoDecision, (arg?: unknown) => this.undoRedo('redo', arg)),
      vscode.commands.registerCommand(Commands.filterReview, (arg?: unknown) => this.chooseFilter(arg)),
      vscode.commands.registerCommand(Commands.bulkDecide, (arg?: unknown) => this.bulk(arg)),
      vscode.commands.registerCommand(Commands.toggleUndecidedOnly, () => {
        const on = !topics.currentFilter.undecidedOnly;
        topics.setFilter({ ...topics.currentFilter, undecidedOnly: on });
        return on;
      }),
    ];
    for (const s of articles.all()) recorder.onEvent({ uri: s.uri, reason: 'opened' }, s);
    this.updateStatus();
    this.updateContext();
    return {
      disposables,
      api: {
        progress: (uri) => {
          const s = articles.get(uri);
          return s ? reviewProgress(s.annotations) : undefined;
        },
        statusText: () => (status.text ? status.text : undefined),
        decisionsRecorded: () => recorder.recorded,
      },
    };
  }
}
