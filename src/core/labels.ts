/**
 * What people see for each annotation type: one table, used by hover cards, the type pickers, the
 * Problems panel, the Topics view, the outline and the legend.
 */
import type { AnnotationKind } from './sidecar/model';

export interface TypeLabel {
  kind: AnnotationKind;
  /** Short title (`Person`, `Money`, `Partial quote`). */
  title: string;
  /** A longer description for pickers (`Other name (nationality, event, product)`). */
  long: string;
  /** Codicon name. */
  icon: string;
}

export const TYPE_LABELS: Readonly<Record<string, TypeLabel>> = {
  PER: { kind: 'entity', title: 'Person', long: 'Person', icon: 'person' },
  ORG: { kind: 'entity', title: 'Organisation', long: 'Organisation', icon: 'organization' },
  LOC: { kind: 'entity', title: 'Place', long: 'Place', icon: 'location' },
  MISC: { kind: 'entity', title: 'Other name', long: 'Other name (nationality, event, product)', icon: 'tag' },
  money: { kind: 'figure', title: 'Money', long: 'Money', icon: 'credit-card' },
  percent: { kind: 'figure', title: 'Percentage', long: 'Percentage', icon: 'percentage' },
  quantity: { kind: 'figure', title: 'Quantity', long: 'Quantity (with a unit)', icon: 'dashboard' },
  count: { kind: 'figure', title: 'Count', long: 'Count', icon: 'list-ordered' },
  date: { kind: 'figure', title: 'Date', long: 'Date', icon: 'calendar' },
  number: { kind: 'figure', title: 'Number', long: 'Number', icon: 'symbol-numeric' },
  direct: { kind: 'quote', title: 'Quote', long: 'Quote', icon: 'quote' },
  partial: { kind: 'quote', title: 'Partial quote', long: 'Partial quote', icon: 'quote' },
  scare: { kind: 'quote', title: 'Scare quote', long: 'Scare quote', icon: 'quote' },
  headline: { kind: 'quote', title: 'Headline quote', long: 'Headline quote', icon: 'quote' },
  block: { kind: 'quote', title: 'Block quote', long: 'Block quote', icon: 'quote' },
  indirect: { kind: 'quote', title: 'Reported speech', long: 'Reported speech (indirect quote)', icon: 'quote' },
};

/** The title of a type, or the type itself when unknown. */
export function typeTitle(type: string): string {
  return TYPE_LABELS[type]?.title ?? type;
}

/** The codicon of a type (by kind when the type is unknown). */
export function typeIcon(type: string, kind?: AnnotationKind): string {
  return TYPE_LABELS[type]?.icon ?? (kind === 'figure' ? 'symbol-numeric' : kind === 'quote' ? 'quote' : 'tag');
}

export const KIND_TITLES: Readonly<Record<AnnotationKind, { one: string; many: string }>> = {
  entity: { one: 'name', many: 'names' },
  figure: { one: 'figure', many: 'figures' },
  quote: { one: 'quote', many: 'quotes' },
};

/** The rows of the Legend view: what each highlight means (colours are theme colour ids, most of them contributed). */
export const LEGEND_ROWS: readonly { label: string; description: string; icon: string; color: string }[] = [
  {
    label: TYPE_LABELS.PER!.title,
    description: 'people named in the article',
    icon: TYPE_LABELS.PER!.icon,
    color: 'newsAnnotator.personBorder',
  },
  {
    label: TYPE_LABELS.ORG!.title,
    description: 'companies, parties, agencies',
    icon: TYPE_LABELS.ORG!.icon,
    color: 'newsAnnotator.organisationBorder',
  },
  {
    label: TYPE_LABELS.LOC!.title,
    description: 'countries, cities, regions',
    icon: TYPE_LABELS.LOC!.icon,
    color: 'newsAnnotator.placeBorder',
  },
  {
    label: TYPE_LABELS.MISC!.title,
    description: 'nationalities, events, products',
    icon: TYPE_LABELS.MISC!.icon,
    color: 'newsAnnotator.otherEntityBorder',
  },
  {
    label: 'Figure',
    description: 'money, percentages, quantities, counts, dates',
    icon: 'symbol-numeric',
    color: 'newsAnnotator.figureBorder',
  },
  { label: 'Quote', description: 'speaker found with confidence', icon: 'quote', color: 'newsAnnotator.quoteBorder' },
  { label: 'Quote, uncertain speaker', description: 'dashed border', icon: 'quote', color: 'newsAnnotator.uncertainQuoteBorder' },
  { label: 'Edited since annotated', description: 'wavy underline: review it', icon: 'warning', color: 'editorWarning.foreground' },
  {
    label: 'Rejected (when shown)',
    description: 'struck through: accept to undo',
    icon: 'circle-slash',
    color: 'newsAnnotator.rejectedForeground',
  },
];
