/**
 * Hover cards. Trust boundary: article and sidecar text only ever go into an untrusted
 * MarkdownString (escaped by the core, no HTML, no theme icons); icons and command links go into a
 * separate trusted MarkdownString that holds no document text and enables only our commands.
 */
import * as vscode from 'vscode';
import { hoverCards, type HoverAction, type HoverCard } from '../core/hover';
import type { ArticleManager } from './articles';
import { Commands } from './ids';

const ACTION_COMMAND: Record<HoverAction, { command: string; label: string; icon: string }> = {
  accept: { command: Commands.acceptAnnotation, label: 'Accept', icon: 'check' },
  reject: { command: Commands.rejectAnnotation, label: 'Reject', icon: 'close' },
  retype: { command: Commands.retypeAnnotation, label: 'Change type', icon: 'symbol-enum' },
  findMentions: { command: 'editor.action.referenceSearch.trigger', label: 'Find mentions', icon: 'references' },
};

/** Commands a hover link may run. */
export const HOVER_COMMANDS = [Commands.acceptAnnotation, Commands.rejectAnnotation, Commands.retypeAnnotation];

/** A command URI built like VS Code's own (`encodeURIComponent` alone leaves `(` and `)`). */
export function commandUri(command: string, args: unknown[]): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: command, query: encodeURIComponent(JSON.stringify(args)) });
}

function untrusted(lines: string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(lines.join('  \n'));
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

function header(card: HoverCard): vscode.MarkdownString {
  const md = new vscode.MarkdownString(`$(${card.icon}) **${card.title}**`);
  md.supportThemeIcons = true;
  md.isTrusted = false;
  return md;
}

function actions(card: HoverCard, uri: vscode.Uri): vscode.MarkdownString | null {
  if (!card.annotationId) return null;
  const links = card.actions
    .filter((a) => a !== 'findMentions')
    .map((a) => {
      const c = ACTION_COMMAND[a];
      return `[$(${c.icon}) ${c.label}](${commandUri(c.command, [{ uri: uri.toString(), id: card.annotationId }]).toString()})`;
    });
  const md = new vscode.MarkdownString(links.join(' &nbsp; '));
  md.supportThemeIcons = true;
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  return md;
}

export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly articles: ArticleManager) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const state = this.articles.get(doc.uri);
    if (!state) return undefined;
    const mapper = state.mapper();
    const cards = hoverCards(state.analysis, state.annotations, mapper.toOffset(pos));
    if (!cards.length) return undefined;
    const contents: vscode.MarkdownString[] = [];
    for (const card of cards) {
      contents.push(header(card), untrusted(card.body));
      const act = actions(card, doc.uri);
      if (act) contents.push(act);
    }
    const inner = cards[cards.length - 1]!;
    return new vscode.Hover(contents, mapper.toRange(inner));
  }
}
