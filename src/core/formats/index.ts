/**
 * The annotation formats News Annotator exports and imports, in one table: what each is called, the
 * file it writes, whether it can be imported and whether export → import gives the same annotation
 * file (lossless), and what it cannot hold (the README's list is this one).
 */
import type { Annotation } from '../sidecar/model';
import type { ExportArticle, ExportOptions, ExportResult, FormatId, ImportOptions, ImportParse, PlacedImport } from './common';
import { placeImport } from './common';
import { mergeImport, type ImportMergeReport } from './merge';
import { BRAT_CONF, exportBrat, parseBrat } from './brat';
import { exportConll } from './conll';
import { exportDoccano, parseDoccano } from './doccano';
import { exportLabelStudio, LABEL_STUDIO_CONFIG, parseLabelStudio } from './labelstudio';
import { exportSpacy } from './spacy';
import { exportW3c, parseW3c } from './w3c';

export { BRAT_CONF, LABEL_STUDIO_CONFIG };

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
  /**
   * Absent: export only. `seenText`: the article as the tool read it, for formats whose files do not
   * hold the text and need it to be read (brat: the .txt with its BOM).
   */
  parse?: (content: string, opts?: ImportOptions, seenText?: string) => ImportParse;
  /** The tool reads the article file itself and counts its BOM (brat). */
  countsBom?: boolean;
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
  {
    id: 'brat',
    label: 'brat standoff (.ann beside .txt)',
    extension: '.ann',
    lossless: false,
    offsets: 'code points in the .txt as brat reads it (a BOM is character 0, CRLF two characters)',
    cannotHold: [
      'annotations not on their words (edited, ambiguous, orphaned): no position to give',
      'spans of white space only; line breaks at the ends of a span (written without them)',
      'line breaks in notes (joined with spaces)',
      'reviewer (by), figure values and units, quote confidences, disagreements from a merge (conflict)',
      'speaker names other than the canonical name of their mention',
      'annotation ids (derived again on import from the words and their context)',
    ],
    export: exportBrat,
    parse: (content, opts, seen) => parseBrat(content, seen ?? '', opts),
    countsBom: true,
  },
  {
    id: 'spacy',
    label: 'spaCy-style JSONL (export only)',
    extension: '.spacy.jsonl',
    lossless: false,
    offsets: 'code points in "text" (the article as in its file, BOM removed, line endings kept)',
    cannotHold: [
      'decisions: rejected suggestions are left out, suggestions are written like decisions',
      'origin, reviewer (by), notes, figure values and units, confidences, disagreements, ids',
      'overlapping entities in ents (they go to spans.entities_overlapping)',
      'annotations not on their words (edited, ambiguous, orphaned)',
      'speakers are kept only in a "speaker" key spaCy does not read',
    ],
    export: exportSpacy,
  },
  {
    id: 'conll',
    label: 'CoNLL-2003 BIO (export only, entities only)',
    extension: '.conll',
    lossless: false,
    offsets: 'none: one token a line, blank line between sentences',
    cannotHold: [
      'figures and quotes (entities only), speakers',
      'overlapping entities (the later one is left out)',
      'decisions: rejected suggestions are left out, suggestions are written like decisions',
      'entity links, notes, reviewer, origin, ids; exact offsets and white space',
      'annotations not on their words (edited, ambiguous, orphaned)',
    ],
    export: exportConll,
  },
  {
    id: 'label-studio',
    label: 'Label Studio tasks JSON',
    extension: '.label-studio.json',
    lossless: false,
    offsets: 'code points in data.text (the article as in its file, BOM removed, line endings kept)',
    cannotHold: [
      'rejected suggestions (Label Studio has no rejected region: left out)',
      'origin (imported back as origin: import), reviewer (by), entity links, figure values and units, disagreements, ids',
      'confidences of decisions (only predictions have scores)',
      'speaker names other than the words of their mention',
      'annotations not on their words (edited, ambiguous, orphaned)',
    ],
    export: exportLabelStudio,
    parse: parseLabelStudio,
  },
  {
    id: 'doccano',
    label: 'doccano JSONL (entities and quote→speaker relations)',
    extension: '.doccano.jsonl',
    lossless: false,
    offsets: 'code points in "text" (the article as in its file, BOM removed, line endings kept)',
    cannotHold: [
      'decisions: rejected suggestions are left out, suggestions are written like decisions ' +
        '(imported back as accepted, or --status suggested)',
      'origin, reviewer (by), notes, entity links, figure values and units, confidences, disagreements, ids',
      'speaker names other than the words of their mention',
      'annotations not on their words (edited, ambiguous, orphaned)',
    ],
    export: exportDoccano,
    parse: parseDoccano,
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
export function importInto(
  existing: readonly Annotation[],
  doc: ImportParse['docs'][number],
  articleRaw: string,
  toolSeesBom = false,
): ImportResult {
  const placed = placeImport(doc, articleRaw, toolSeesBom);
  const { annotations, report } = mergeImport(existing, placed.annotations);
  return { annotations, placed, merge: report };
}
