/**
 * Status-bar summary for the active article: counts of names, figures and quotes, and whether the
 * annotation file is saved, has problems, or the article is too large.
 */
import * as vscode from 'vscode';
import { isLive, needsReview } from '../core/sidecar/model';
import type { ArticleManager, ArticleState } from './articles';
import { Commands, Views } from './ids';

/** The counts the status bar shows for an article: live names, figures and quotes, and what needs review. */
export function summarize(s: ArticleState): { names: number; figures: number; quotes: number; review: number } {
  const live = s.annotations.filter(isLive);
  const n = (k: string) => live.filter((a) => a.kind === k).length;
  return { names: n('entity'), figures: n('figure'), quotes: n('quote'), review: s.annotations.filter(needsReview).length };
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsAnnotator.summary', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly articles: ArticleManager,
    _log: vscode.LogOutputChannel,
  ) {
    this.item.name = 'News Annotator';
    this.disposables.push(
      this.item,
      articles.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(): void {
    const ed = vscode.window.activeTextEditor;
    const s = ed ? this.articles.get(ed.document.uri) : undefined;
    if (!s) {
      this.item.hide();
      return;
    }
    this.item.backgroundColor = undefined;
    if (s.tooLarge) {
      this.item.text = '$(circle-slash) Article too large';
      this.item.tooltip = 'News Annotator: this article is larger than newsAnnotator.maxFileSizeMB and is not analysed.';
      this.item.command = { command: 'workbench.action.openSettings', title: 'Open Settings', arguments: ['newsAnnotator.maxFileSizeMB'] };
      this.item.show();
      return;
    }
    const { names, figures, quotes, review } = summarize(s);
    let text = `$(person) ${names} $(symbol-numeric) ${figures} $(quote) ${quotes}`;
    const tip = [`News Annotator — ${names} names, ${figures} figures, ${quotes} quotes`];
    if (s.sidecarProblem) {
      text = `$(warning) ${text}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      tip.push('The annotation file has problems and is not overwritten. Run “News Annotator: Show Output” for details.');
      this.item.command = Commands.showOutput;
    } else {
      if (review)
        tip.push(`${review} of your annotations need review (their text changed, or two branches decided differently): see Problems`);
      tip.push(
        s.sidecarUri
          ? s.unsavedCorrections
            ? 'Corrections not yet saved to the annotation file'
            : 'Annotation file up to date when the article is saved'
          : 'Annotations are kept in memory for this document',
      );
      this.item.command = { command: `${Views.topics}.focus`, title: 'Show Topics' };
    }
    this.item.text = text;
    this.item.tooltip = tip.join('\n');
    this.item.show();
  }
}
