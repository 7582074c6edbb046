/**
 * The annotation formats News Annotator exports and imports, in one table: what each is called, the
 * file it writes, whether it can be imported and whether export → import gives the same annotation
 * file (lossless), and what it cannot hold (the README's list is this one).
 */
import type { Annotation } from '../sidecar/model';
import type { ExportArticle, ExportOptions, ExportResult, FormatId, ImportOptions, ImportParse, PlacedImport } from './common';
import { placeImport } from './common';
import { mergeImport, type ImportMergeReport } from './merge';
import { exportW3c, parseW3c } from './w3c';

export type { FormatId } from './common';

export interface FormatInfo {
  id: FormatId;
  label: string;
  /** The file written for an article `x.txt`: `x` + this. */
  extension: string;
  lossless: boolean;
  /** Offsets in the file. */
  offsets: string;
  /** What the format cannot hold (each export's report counts them). */
  cannotHold: string[];
  export: (art: ExportArticle, opts?: ExportOptions) => ExportResult;
  /** Absent: export only. */
  parse?: (content: string, opts?: ImportOptions) => ImportParse;
}

export const FORMATS: readonly FormatInfo[] = [
  {
    id: 'w3c',
    label: 'W3C Web Annotation (JSON-LD)',
    extension: '.w3c.json',
    lossless: true,
    offsets: 'code points in the article as decoded (BOM removed, line endings as in the file)',
    cannotHold: ['nothing: what the Web Annotation vocabulary has no term for is kept in na: properties'],
    export: exportW3c,
    parse: parseW3c,
  },
];

export function formatById(id: string): FormatInfo | undefined {
  return FORMATS.find((f) => f.id === id);
}

export interface ImportResult {
  annotations: Annotation[];
  placed: PlacedImport;
  merge: ImportMergeReport;
}

/**
 * One document of an imported file onto its article: placed on the article's text (`articleRaw`: as
 * decoded from its file, BOM kept; see {@link placeImport}) and merged by position into the
 * annotations the article has (never dropping one of them).
 */
export function importInto(existing: readonly Annotation[], doc: ImportParse['docs'][number], articleRaw: string, toolSeesBom = false): ImportResult {
  const placed = placeImport(doc, articleRaw, toolSeesBom);
  const { annotations, report } = mergeImport(existing, placed.annotations);
  return { annotations, placed, merge: report };
}
