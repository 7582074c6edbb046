/**
 * Compare with Branch…: where another branch's reviewer decided differently on this article —
 * shown in Problems (information, one per annotation) with "Take theirs" / "Keep mine" in the
 * lightbulb, "Take All" for the lot, and the two annotation files side by side in a diff editor.
 * Their file is read with `git show` (an argument list, no shell; the branch must be one git lists)
 * and placed on this side's text by the core, so offsets agree; the comparison follows edits.
 * Git runs only in a trusted workspace.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import { parseTargetArg } from '../core/commandArgs';
import { iconSafeLabel } from '../core/markdown';
import { branchDifferences, describeDifference, takeTheirs, type BranchDifference } from '../core/review/compare';
import type { Annotation } from '../core/sidecar/model';
import { loadSidecar } from '../core/sidecar/session';
import type { ArticleManager, ArticleState } from './articles';
import { Commands, ContextKeys } from './ids';
import { count } from './notices';
import { sidecarUriFor } from './sidecarStore';

const SOURCE = 'News Annotator (branch)';
const SCHEME = 'news-annotator-branch';
/** Largest annotation file read from git. */
const MAX_BYTES = 64 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_BYTES, timeout: 20000, windowsHide: true }, (err, stdout, stderr) => {
      if (err) reject(new Error((stderr || err.message).trim().split('\n')[0]));
      else resolve(stdout);
    });
  });
}

interface Comparison {
  branch: string;
  /** Their annotation file as read from git. */
  src: string;
  /** Their annotations placed on this side's current text. */
  theirs: Annotation[];
  /** Differences the reviewer chose to keep theirs out of ("Keep mine"), by id. */
  kept: Set<string>;
  diffs: BranchDifference[];
  /** The diff editor's left side. */
  theirsUri: vscode.Uri;
}

export interface CompareBranchApi {
  differences(uri: vscode.Uri): readonly BranchDifference[] | undefined;
}

export function registerCompareBranch(
  articles: ArticleManager,
  log: vscode.LogOutputChannel,
): { disposables: vscode.Disposable[]; api: CompareBranchApi } {
  const b = new BranchComparisons(articles, log);
  return { disposables: b.register(), api: { differences: (uri) => b.comparisons.get(uri.toString())?.diffs } };
}

/** The open comparisons, their Problems, the diff editor's left sides and the quick fixes. */
class BranchComparisons implements vscode.CodeActionProvider {
  readonly comparisons = new Map<string, Comparison>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('news-annotator-branch');
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();

  constructor(
    private readonly articles: ArticleManager,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  register(): vscode.Disposable[] {
    const { articles, comparisons } = this;
    return [
      this.diagnostics,
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
        onDidChange: this.changed.event,
        provideTextDocumentContent: (uri) => this.contents.get(uri.toString()) ?? '',
      }),
      vscode.languages.registerCodeActionsProvider([{ language: 'news-article' }, { language: 'plaintext' }], this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
      articles.onDidChange((e) => {
        const key = e.uri.toString();
        if (!comparisons.has(key)) return;
        const state = articles.get(e.uri);
        if (e.reason === 'closed' || !state) this.close(key);
        // After an edit settles (analysed), their annotations are placed on the new text again.
        else if (e.reason !== 'edited') this.refresh(state, e.reason === 'analysed' || e.reason === 'sidecar');
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.commands.registerCommand(Commands.compareWithBranch, (arg?: unknown) => this.compare(arg)),
      vscode.commands.registerCommand(Commands.takeBranchDecision, (arg?: unknown) => {
        const t = this.target(arg);
        if (!t) return undefined;
        this.take(t.state, [t.d]);
        return t.d.id;
      }),
      vscode.commands.registerCommand(Commands.keepMyDecision, (arg?: unknown) => {
        const t = this.target(arg);
        if (!t) return undefined;
        t.c.kept.add(t.d.id);
        this.refresh(t.state);
        return t.d.id;
      }),
      vscode.commands.registerCommand(Commands.takeAllBranchDecisions, () => {
        const state = this.activeArticle();
        const c = state ? comparisons.get(state.uri.toString()) : undefined;
        if (!state || !c) return 0;
        const n = c.diffs.length;
        this.take(state, c.diffs);
        return n;
      }),
      vscode.commands.registerCommand(Commands.closeComparison, () => {
        const state = this.activeArticle();
        if (state) this.close(state.uri.toString());
      }),
    ];
  }

  private refresh(state: ArticleState, replace = false): void {
    const c = this.comparisons.get(state.uri.toString());
    if (!c) return;
    if (replace) c.theirs = loadSidecar(c.src, state.text).annotations;
    c.diffs = branchDifferences(state.annotations, c.theirs).filter((d) => !c.kept.has(d.id));
    const mapper = state.mapper();
    this.diagnostics.set(
      state.uri,
      c.diffs.map((d) => {
        const diag = new vscode.Diagnostic(
          mapper.toRange(d.ours ?? d.theirs),
          describeDifference(d, c.branch),
          vscode.DiagnosticSeverity.Information,
        );
        diag.source = SOURCE;
        diag.code = d.id;
        return diag;
      }),
    );
    this.updateContext();
  }

  private updateContext(): void {
    const ed = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', ContextKeys.comparing, !!ed && this.comparisons.has(ed.document.uri.toString()));
  }

  private close(key: string): void {
    const c = this.comparisons.get(key);
    if (!c) return;
    this.comparisons.delete(key);
    this.contents.delete(c.theirsUri.toString());
    this.diagnostics.delete(vscode.Uri.parse(key));
    this.updateContext();
  }

  private activeArticle(): ArticleState | undefined {
    const ed = vscode.window.activeTextEditor;
    return ed ? this.articles.get(ed.document.uri) : undefined;
  }

  private async compare(arg?: unknown): Promise<{ branch: string; differences: number } | undefined> {
    const { comparisons, contents, changed, log } = this;
    const state = this.activeArticle();
    if (!state || state.uri.scheme !== 'file')
      return void vscode.window.showInformationMessage('Open an article saved in a git repository to compare it with another branch.');
    if (!vscode.workspace.isTrusted)
      return void vscode.window.showInformationMessage('Compare with Branch runs git: trust this folder first (Restricted Mode).');
    const dir = path.dirname(state.uri.fsPath);
    let top: string;
    let refs: string[];
    let current = '';
    try {
      top = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
      refs = (await git(dir, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']))
        .split('\n')
        .filter((r) => r && !r.endsWith('/HEAD') && !r.startsWith('-'));
      current = (await git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']).catch(() => '')).trim();
    } catch (e) {
      log.warn(`compare with branch: ${e instanceof Error ? e.message : String(e)}`);
      return void vscode.window.showInformationMessage('This article is not in a git repository (or git is not installed).');
    }
    const wanted = arg && typeof arg === 'object' ? (arg as { ref?: unknown }).ref : undefined;
    let branch: string | undefined;
    if (typeof wanted === 'string') branch = refs.includes(wanted) ? wanted : undefined;
    else {
      const pick = await vscode.window.showQuickPick(
        refs.filter((r) => r !== current).map((r) => ({ label: iconSafeLabel(r, 100), ref: r })),
        { title: 'Compare the decisions on this article with a branch', placeHolder: 'Branch (another reviewer’s work)' },
      );
      branch = pick?.ref;
    }
    if (!branch) {
      if (typeof wanted === 'string') log.warn('compare with branch: not a branch git lists');
      return undefined;
    }
    const sidecar = sidecarUriFor(state.uri);
    const rel = path.relative(top, sidecar!.fsPath).split(path.sep).join('/');
    let src: string;
    try {
      src = await git(top, ['show', `${branch}:${rel}`]);
    } catch {
      return void vscode.window.showInformationMessage('There is no annotation file for this article on that branch.');
    }
    const loaded = loadSidecar(src, state.text);
    if (loaded.problem) {
      log.warn(`compare with branch: the annotation file on ${branch} cannot be read: ${loaded.problem.message}`);
      return void vscode.window.showWarningMessage('The annotation file on that branch cannot be read (details in the output).');
    }
    const key = state.uri.toString();
    this.close(key);
    const theirsUri = vscode.Uri.from({ scheme: SCHEME, path: `/${branch}/${path.basename(sidecar!.fsPath)}`, query: key });
    contents.set(theirsUri.toString(), src);
    changed.fire(theirsUri);
    comparisons.set(key, { branch, src, theirs: loaded.annotations, kept: new Set(), diffs: [], theirsUri });
    this.refresh(state);
    const n = comparisons.get(key)!.diffs.length;
    log.info(`compared ${state.uri.toString(true)} with ${branch}: ${n} difference(s)`);
    if (typeof wanted !== 'string') {
      const then = (b: string | undefined) => {
        if (b === 'Take All of Theirs') void vscode.commands.executeCommand(Commands.takeAllBranchDecisions);
        else if (b === 'Show File Diff') void this.showDiff(key);
      };
      if (n)
        void vscode.window
          .showInformationMessage(
            `${count(n)} annotation(s) decided differently on that branch: see Problems (Ctrl+. to take theirs or keep yours).`,
            'Take All of Theirs',
            'Show File Diff',
          )
          .then(then);
      else void vscode.window.showInformationMessage('No difference with that branch.', 'Show File Diff').then(then);
    }
    return { branch, differences: n };
  }

  private async showDiff(key: string): Promise<void> {
    const c = this.comparisons.get(key);
    const side = sidecarUriFor(vscode.Uri.parse(key));
    if (!c || !side) return;
    await vscode.commands.executeCommand('vscode.diff', c.theirsUri, side, `${path.basename(side.fsPath)} (${c.branch} ↔ here)`);
  }

  /** The comparison and difference a quick fix names; null when the arguments are not ones we gave. */
  private target(arg: unknown): { state: ArticleState; c: Comparison; d: BranchDifference } | null {
    const t = parseTargetArg(arg);
    const state = t ? this.articles.byRef(t.doc) : undefined;
    const c = state ? this.comparisons.get(state.uri.toString()) : undefined;
    const d = c?.diffs.find((x) => x.id === t!.id);
    if (!state || !c || !d) {
      this.log.warn('ignored a branch comparison command with invalid arguments');
      return null;
    }
    return { state, c, d };
  }

  private take(state: ArticleState, diffs: readonly BranchDifference[]): void {
    let list = state.annotations;
    for (const d of diffs) list = takeTheirs(list, d);
    state.annotations = list;
    this.articles.corrected(state);
  }

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const state = this.articles.get(doc.uri);
    const c = state ? this.comparisons.get(state.uri.toString()) : undefined;
    if (!state || !c) return [];
    const mapper = state.mapper();
    const start = mapper.toOffset(range.start);
    const end = mapper.toOffset(range.end);
    const out: vscode.CodeAction[] = [];
    for (const d of c.diffs) {
      const at = d.ours ?? d.theirs;
      if (!(at.start <= end && start <= at.end)) continue;
      const arg = { doc: this.articles.refOf(state.uri), id: d.id };
      const who = d.theirs.by ? ` (${iconSafeLabel(d.theirs.by, 40)})` : '';
      const takeIt = new vscode.CodeAction(
        `Take ${iconSafeLabel(c.branch, 40)}'s decision: ` +
          `${d.theirs.origin === 'user' && !d.ours ? 'added' : d.theirs.status}` +
          `${d.ours && d.theirs.type !== d.ours.type ? ` as ${d.theirs.type}` : ''}${who}`,
        vscode.CodeActionKind.QuickFix,
      );
      takeIt.command = { command: Commands.takeBranchDecision, title: 'Take theirs', arguments: [arg] };
      const keep = new vscode.CodeAction(
        d.ours ? `Keep this side's decision (${d.ours.status === 'suggested' ? 'undecided' : d.ours.status})` : 'Keep this side without it',
        vscode.CodeActionKind.QuickFix,
      );
      keep.command = { command: Commands.keepMyDecision, title: 'Keep mine', arguments: [arg] };
      out.push(takeIt, keep);
    }
    return out;
  }
}
