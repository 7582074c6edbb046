/**
 * Highlights in visible editors. Decoration types are created once (colours are themable ids);
 * each redraw only pushes ranges, and only for visible editors of tracked articles.
 */
import * as vscode from 'vscode';
import { isLive, type Annotation } from '../core/sidecar/model';
import type { ArticleManager, ArticleState } from './articles';
import { Colors, SETTINGS_SECTION, Settings } from './ids';

export type DecorationKind =
  'person' | 'organisation' | 'place' | 'other' | 'figure' | 'quote' | 'quoteUncertain' | 'modified' | 'rejected';
export const DECORATION_KINDS: readonly DecorationKind[] = [
  'person',
  'organisation',
  'place',
  'other',
  'figure',
  'quote',
  'quoteUncertain',
  'modified',
  'rejected',
];

/** Quotes whose speaker is below this confidence are drawn dashed. */
export const CONFIDENT_SPEAKER = 0.5;

function entityStyle(bg: string, border: string): vscode.DecorationRenderOptions {
  return {
    backgroundColor: new vscode.ThemeColor(bg),
    borderColor: new vscode.ThemeColor(border),
    borderStyle: 'none none solid none',
    borderWidth: '0 0 2px 0',
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor(border),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
}

function makeTypes(): Record<DecorationKind, vscode.TextEditorDecorationType> {
  const create = (o: vscode.DecorationRenderOptions) => vscode.window.createTextEditorDecorationType(o);
  return {
    person: create(entityStyle(Colors.personBackground, Colors.personBorder)),
    organisation: create(entityStyle(Colors.organisationBackground, Colors.organisationBorder)),
    place: create(entityStyle(Colors.placeBackground, Colors.placeBorder)),
    other: create({ ...entityStyle(Colors.otherEntityBackground, Colors.otherEntityBorder), overviewRulerColor: undefined }),
    figure: create({
      backgroundColor: new vscode.ThemeColor(Colors.figureBackground),
      border: '1px solid',
      borderColor: new vscode.ThemeColor(Colors.figureBorder),
      borderRadius: '3px',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    quote: create({
      backgroundColor: new vscode.ThemeColor(Colors.quoteBackground),
      borderColor: new vscode.ThemeColor(Colors.quoteBorder),
      borderStyle: 'none none none solid',
      borderWidth: '0 0 0 2px',
      fontStyle: 'italic',
      overviewRulerColor: new vscode.ThemeColor(Colors.quoteBorder),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    quoteUncertain: create({
      backgroundColor: new vscode.ThemeColor(Colors.quoteBackground),
      border: '1px dashed',
      borderColor: new vscode.ThemeColor(Colors.uncertainQuoteBorder),
      fontStyle: 'italic',
      overviewRulerColor: new vscode.ThemeColor(Colors.uncertainQuoteBorder),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    rejected: create({
      textDecoration: 'line-through',
      color: new vscode.ThemeColor(Colors.rejectedForeground),
      opacity: '0.75',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    modified: create({
      textDecoration: 'underline wavy',
      borderColor: new vscode.ThemeColor('editorWarning.foreground'),
      overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  };
}

/** Above this many annotations only what is on screen (plus a margin) is decorated. */
export const VISIBLE_ONLY_ABOVE = 2000;
const MARGIN_LINES = 150;

const ENTITY_KIND: Record<string, DecorationKind> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other' };

/** Which decoration an annotation gets, or null when it is not drawn (rejected ones only when asked for). */
export function decorationKindOf(a: Annotation, showRejected = false): DecorationKind | null {
  if (!isLive(a)) return showRejected && a.status === 'rejected' && a.anchor === 'ok' ? 'rejected' : null;
  if (a.anchor === 'modified') return 'modified';
  if (a.kind === 'entity') return ENTITY_KIND[a.type] ?? 'other';
  if (a.kind === 'figure') return 'figure';
  return a.speaker && (a.confidence ?? 0) >= CONFIDENT_SPEAKER ? 'quote' : 'quoteUncertain';
}

export class DecorationController implements vscode.Disposable {
  private readonly types = makeTypes();
  private visible = true;
  /** What was last drawn per document (ranges per kind), for tests and the legend. */
  private readonly drawn = new Map<string, Record<DecorationKind, vscode.Range[]>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly articles: ArticleManager) {
    this.disposables.push(
      articles.onDidChange((e) => this.redrawUri(e.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.redrawAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const s = this.articles.get(e.textEditor.document.uri);
        if (s && s.annotations.length > VISIBLE_ONLY_ABOVE) this.draw(e.textEditor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.highlight`)) this.redrawAll();
      }),
    );
    this.redrawAll();
  }

  dispose(): void {
    for (const t of Object.values(this.types)) t.dispose();
    for (const d of this.disposables) d.dispose();
  }

  toggle(): boolean {
    this.visible = !this.visible;
    this.redrawAll();
    return this.visible;
  }

  rangesFor(uri: vscode.Uri): Record<DecorationKind, vscode.Range[]> | undefined {
    return this.drawn.get(uri.toString());
  }

  redrawAll(): void {
    for (const ed of vscode.window.visibleTextEditors) this.draw(ed);
  }

  private redrawUri(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.articles.get(uri)) this.drawn.delete(key);
    for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === key) this.draw(ed);
  }

  private draw(ed: vscode.TextEditor): void {
    const state = this.articles.get(ed.document.uri);
    const ranges = emptyRanges();
    if (state && this.visible) fill(ranges, state, ed, vscode.workspace.getConfiguration(SETTINGS_SECTION, ed.document.uri));
    for (const k of DECORATION_KINDS) ed.setDecorations(this.types[k], ranges[k]);
    if (state) this.drawn.set(ed.document.uri.toString(), ranges);
  }
}

function emptyRanges(): Record<DecorationKind, vscode.Range[]> {
  return { person: [], organisation: [], place: [], other: [], figure: [], quote: [], quoteUncertain: [], modified: [], rejected: [] };
}

function fill(
  out: Record<DecorationKind, vscode.Range[]>,
  state: ArticleState,
  ed: vscode.TextEditor,
  cfg: vscode.WorkspaceConfiguration,
): void {
  const show = {
    entity: cfg.get<boolean>(Settings.highlightEntities, true),
    figure: cfg.get<boolean>(Settings.highlightFigures, true),
    quote: cfg.get<boolean>(Settings.highlightQuotes, true),
  };
  const showRejected = cfg.get<boolean>(Settings.highlightRejected, false);
  const mapper = state.mapper();
  let anns = state.annotations;
  if (anns.length > VISIBLE_ONLY_ABOVE && ed.visibleRanges.length) {
    // Long articles: decorate what is on screen plus a margin; scrolling redraws.
    const first = ed.visibleRanges[0]!.start.line;
    const last = ed.visibleRanges[ed.visibleRanges.length - 1]!.end.line;
    const from = mapper.toOffset(new vscode.Position(Math.max(0, first - MARGIN_LINES), 0));
    const to = mapper.toOffset(new vscode.Position(last + MARGIN_LINES, 0));
    anns = state.live.inRange(from, Math.max(to, from + 1));
  }
  for (const a of anns) {
    if (!show[a.kind]) continue;
    const k = decorationKindOf(a, showRejected);
    if (k) out[k].push(mapper.toRange(a));
  }
}
