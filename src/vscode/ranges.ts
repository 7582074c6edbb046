/**
 * The one place where core offsets (UTF-16 code units in the LF-normalized text) and VS Code
 * positions meet. Line/character positions do not depend on the document's line endings, so the
 * LF text's line starts convert both ways whatever the document's EOL is.
 */
import * as vscode from 'vscode';
import { lineStarts, offsetToLineCol } from '../core/text';
import type { TextChange } from '../core/sidecar/anchor';

export class OffsetMapper {
  /** `length` and line starts of the LF text (see `LiveDocument.lineStarts`). */
  constructor(
    private readonly length: number,
    private readonly starts: readonly number[],
  ) {}

  static forText(text: string): OffsetMapper {
    return new OffsetMapper(text.length, lineStarts(text));
  }

  private lines(): readonly number[] {
    return this.starts;
  }

  toPosition(offset: number): vscode.Position {
    const { line, character } = offsetToLineCol(this.lines(), Math.max(0, Math.min(offset, this.length)));
    return new vscode.Position(line, character);
  }

  toRange(span: { start: number; end: number }): vscode.Range {
    return new vscode.Range(this.toPosition(span.start), this.toPosition(span.end));
  }

  toOffset(pos: vscode.Position): number {
    const starts = this.lines();
    const line = Math.max(0, Math.min(pos.line, starts.length - 1));
    const lineEnd = line + 1 < starts.length ? starts[line + 1]! - 1 : this.length;
    return Math.min(starts[line]! + pos.character, lineEnd);
  }
}

/**
 * A document change in LF offsets. VS Code normalises a document to one EOL, so in a CRLF document
 * every line break before the change adds exactly one code unit: LF offset = raw offset − line.
 */
export function toTextChange(change: vscode.TextDocumentContentChangeEvent, eol: vscode.EndOfLine): TextChange {
  const crlf = eol === vscode.EndOfLine.CRLF;
  const start = crlf ? change.rangeOffset - change.range.start.line : change.rangeOffset;
  const end = crlf ? change.rangeOffset + change.rangeLength - change.range.end.line : change.rangeOffset + change.rangeLength;
  return { start, end, text: crlf ? change.text.replace(/\r\n?/g, '\n') : change.text };
}
