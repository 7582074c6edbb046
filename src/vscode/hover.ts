/**
 * Hover cards. The core builds and renders the cards into parts (see core/hover.ts); this adapter
 * only wraps each part in a MarkdownString with the trust the core says it may have — the one place
 * where trust is set: untrusted parts get `isTrusted: false`, `supportHtml: false` and (bodies) no
 * theme icons; action parts get `isTrusted: { enabledCommands }` for exactly the commands they link.
 */
import * as vscode from 'vscode';
import { hoverCards, renderHover, type HoverAction, type HoverPart } from '../core/hover';
import type { ArticleManager } from './articles';
import { Commands } from './ids';
import { showRejected } from './review';
import type { WorkspaceKnowledge } from './knowledge';

/** The command each hover action runs. */
export const HOVER_COMMANDS: Record<HoverAction, string> = {
  accept: Commands.acceptAnnotation,
  reject: Commands.rejectAnnotation,
  retype: Commands.retypeAnnotation,
  findMentions: Commands.findAllMentions,
  otherArticles: Commands.showEntityArticles,
  describe: Commands.describeEntity,
  openLink: Commands.openEntityLink,
  revealSpeaker: Commands.revealSpan,
};

/** A hover part as a MarkdownString with exactly the trust the core assigned it. */
export function toMarkdownString(p: HoverPart): vscode.MarkdownString {
  const md = new vscode.MarkdownString(p.markdown, p.themeIcons);
  md.supportHtml = false;
  md.isTrusted = p.trusted && p.enabledCommands.length ? { enabledCommands: [...p.enabledCommands] } : false;
  return md;
}

export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly articles: ArticleManager,
    private readonly knowledge: WorkspaceKnowledge | null,
  ) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const state = this.articles.get(doc.uri);
    if (!state) return undefined;
    const mapper = state.mapper();
    const key = doc.uri.toString();
    const k = this.knowledge;
    const cards = hoverCards(
      state.analysis,
      state.annotations,
      mapper.toOffset(pos),
      k ? { entity: (type, name) => k.facts(type, name, key) } : {},
      { includeRejected: showRejected(doc.uri) },
    );
    if (!cards.length) return undefined;
    const parts = renderHover(cards, {
      doc: this.articles.refOf(doc.uri),
      // Without workspace knowledge there is nothing to resolve an entity id against: no entity actions.
      entityRef: (type, name) => (k ? k.entityRef(type, name) : ''),
      commands: HOVER_COMMANDS,
    });
    const inner = cards[cards.length - 1]!;
    return new vscode.Hover(parts.map(toMarkdownString), mapper.toRange(inner));
  }
}
