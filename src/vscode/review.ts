/**
 * Review: what needs a person's attention is shown as diagnostics (Problems panel, squiggles) with
 * quick fixes in the lightbulb — annotations whose words were edited, that became ambiguous or
 * orphaned after an outside change, and annotation files that cannot be read (at the bad line).
 * The lightbulb also offers accept / reject / retype / link and "annotate the selection as …".
 */
import * as vscode from 'vscode';
import { typeTitle } from '../core/labels';
import { iconSafeLabel } from '../core/markdown';
import { annotationsAt, needsReview, TYPES, type Annotation } from '../core/sidecar/model';
import type { ArticleManager, ArticleState } from './articles';
import { Commands, SETTINGS_SECTION, Settings } from './ids';

const SOURCE = 'News Annotator';

function describe(a: Annotation): string {
  return `“${iconSafeLabel(a.text, 60)}” (${typeTitle(a.type)}, ${a.origin === 'user' ? 'added by you' : a.status})`;
}

/** Annotations carrying a user decision that no longer sit on their words, or decided differently on another branch. */
export function needingReview(state: ArticleState): Annotation[] {
  return state.annotations.filter(needsReview);
}

function decisionText(status: string, type: string | undefined, by: string | undefined): string {
  return `${status}${type ? ` as ${type}` : ''}${by ? ` by ${iconSafeLabel(by, 40)}` : ''}`;
}

export class ReviewDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('news-annotator');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(articles: ArticleManager) {
    this.disposables.push(
      articles.onDidChange((e) => {
        const s = articles.get(e.uri);
        if (!s) {
          this.collection.delete(e.uri);
          return;
        }
        this.update(s);
      }),
    );
    for (const s of articles.all()) this.update(s);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(s: ArticleState): void {
    const mapper = s.mapper();
    const diags: vscode.Diagnostic[] = [];
    for (const a of needingReview(s)) {
      let range: vscode.Range;
      let message: string;
      if (a.conflict && a.anchor === 'ok') {
        range = mapper.toRange(a);
        message =
          `Decided differently on two branches: ${describe(a)} — ` +
          `here ${decisionText(a.status, a.type, a.by)}, on the other ` +
          `branch ${decisionText(a.conflict.status, a.conflict.type, a.conflict.by)}. Keep one.`;
      } else if (a.anchor === 'modified') {
        range = mapper.toRange(a);
        message = `Annotated words were edited: ${describe(a)}. Keep the annotation on the new words, or remove it.`;
      } else if (a.anchor === 'ambiguous') {
        const at = a.candidates?.[0] ?? a.start;
        range = mapper.toRange({ start: at, end: at + a.text.length });
        message = `${describe(a)} now occurs in ${a.candidates?.length ?? 'several'} places; choose where it belongs.`;
      } else {
        range = mapper.toRange({ start: a.start, end: a.start });
        message = `${describe(a)} is no longer in the article. The annotation is kept until you delete it.`;
      }
      const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Warning);
      d.source = SOURCE;
      d.code = a.id;
      diags.push(d);
    }
    this.collection.set(s.uri, diags);
    if (s.sidecarUri) {
      const p = s.sidecarProblem;
      if (p) {
        const line = Math.max(0, (p.line ?? 1) - 1);
        const d = new vscode.Diagnostic(
          new vscode.Range(line, 0, line, 1000),
          `${p.message}. News Annotator will not overwrite this file until it is fixed.`,
          vscode.DiagnosticSeverity.Error,
        );
        d.source = SOURCE;
        this.collection.set(s.sidecarUri, [d]);
      } else this.collection.delete(s.sidecarUri);
    }
  }
}

export class AnnotationCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly articles: ArticleManager) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const state = this.articles.get(doc.uri);
    if (!state) return [];
    const mapper = state.mapper();
    const start = mapper.toOffset(range.start);
    const end = mapper.toOffset(range.end);
    const out: vscode.CodeAction[] = [];
    const action = (title: string, command: string, args: unknown[], preferred = false) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { command, title, arguments: args };
      a.isPreferred = preferred;
      out.push(a);
    };
    const uri = doc.uri.toString();
    // Review first: edited, ambiguous, orphaned annotations at this place.
    for (const a of needingReview(state)) {
      const target = { uri, id: a.id };
      if (a.conflict && a.start <= end && start <= a.end) {
        action(
          `Keep this branch's decision (${a.status}) on ${describe(a)}`,
          Commands.resolveConflict,
          [{ ...target, take: 'mine' }],
          true,
        );
        action(
          `Take the other branch's decision ` +
            `(${a.conflict.status}${a.conflict.type && a.conflict.type !== a.type ? ` as ${a.conflict.type}` : ''})`,
          Commands.resolveConflict,
          [{ ...target, take: 'theirs' }],
        );
      }
      if (a.anchor === 'ok') continue;
      if (a.anchor === 'modified' && a.start <= end && start <= a.end) {
        action(
          `Keep annotation on the edited words “${iconSafeLabel(state.live.slice(a.start, a.end), 40)}”`,
          Commands.acceptAnnotation,
          [target],
          true,
        );
        action(`Remove annotation ${describe(a)}`, Commands.deleteAnnotation, [target]);
      } else if (a.anchor === 'ambiguous') {
        for (const c of a.candidates ?? []) {
          if (c <= end && start <= c + a.text.length)
            action(`Attach ${describe(a)} here`, Commands.reattachAnnotation, [{ ...target, start: c }], true);
        }
      } else if (a.anchor === 'orphaned' && a.start >= start - 1 && a.start <= end + 1) {
        action(`Delete orphaned annotation ${describe(a)}`, Commands.deleteAnnotation, [target]);
      }
    }
    // The annotations under the cursor (as the hover shows them), innermost first.
    const hits = annotationsAt(state.annotations, start, { includeRejected: showRejected(doc.uri) })
      .filter((a) => a.anchor === 'ok' && end <= a.end)
      .reverse()
      .slice(0, 2);
    for (const a of hits) {
      const target = { uri, id: a.id };
      const what = describe(a);
      if (a.status !== 'accepted') action(`Accept ${what}`, Commands.acceptAnnotation, [target], a.status === 'suggested' && hits[0] === a);
      if (a.status !== 'rejected') action(`Reject ${what}`, Commands.rejectAnnotation, [target]);
      action(`Change type of ${what}…`, Commands.retypeAnnotation, [target]);
      if (a.kind === 'entity') action(`Link ${what} to an entity…`, Commands.linkEntity, [target]);
    }
    // A selection that is not yet exactly an annotation: offer to annotate it.
    if (
      end > start &&
      end - start <= 200 &&
      !state.annotations.some((a) => a.start === start && a.end === end && a.status !== 'rejected')
    ) {
      const sel = iconSafeLabel(state.live.slice(start, end), 40);
      for (const t of TYPES.entity) action(`Annotate “${sel}” as ${typeTitle(t)}`, Commands.addAnnotation, [{ type: t }]);
      action(`Annotate “${sel}” as…`, Commands.addAnnotation, []);
    }
    return out;
  }
}

/** Whether rejected annotations are shown (struck through) for this document: then the cursor finds them too. */
export function showRejected(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<boolean>(Settings.highlightRejected, false);
}
