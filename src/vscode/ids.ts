/**
 * Every id the extension shares with package.json: commands, views, colours, context keys,
 * settings. A unit test checks this module against the manifest in both directions.
 */

export const EXTENSION_ID = 'news-annotator.news-annotator';
export const LANGUAGE_ID = 'news-article';
export const OUTPUT_NAME = 'News Annotator';

export const Commands = {
  annotateFile: 'newsAnnotator.annotateFile',
  stopAnnotatingFile: 'newsAnnotator.stopAnnotatingFile',
  saveAnnotations: 'newsAnnotator.saveAnnotations',
  reanalyze: 'newsAnnotator.reanalyze',
  toggleHighlights: 'newsAnnotator.toggleHighlights',
  acceptAnnotation: 'newsAnnotator.acceptAnnotation',
  rejectAnnotation: 'newsAnnotator.rejectAnnotation',
  addAnnotation: 'newsAnnotator.addAnnotation',
  retypeAnnotation: 'newsAnnotator.retypeAnnotation',
  linkEntity: 'newsAnnotator.linkEntity',
  reattachAnnotation: 'newsAnnotator.reattachAnnotation',
  deleteAnnotation: 'newsAnnotator.deleteAnnotation',
  filterTopics: 'newsAnnotator.filterTopics',
  clearTopicsFilter: 'newsAnnotator.clearTopicsFilter',
  revealSpan: 'newsAnnotator.revealSpan',
  showOutput: 'newsAnnotator.showOutput',
  findAllMentions: 'newsAnnotator.findAllMentions',
  showEntityArticles: 'newsAnnotator.showEntityArticles',
  describeEntity: 'newsAnnotator.describeEntity',
  openEntityLink: 'newsAnnotator.openEntityLink',
  openRegistry: 'newsAnnotator.openRegistry',
  rebuildIndex: 'newsAnnotator.rebuildIndex',
  toggleRejected: 'newsAnnotator.toggleRejected',
  resolveConflict: 'newsAnnotator.resolveConflict',
} as const;

export const Views = {
  container: 'newsAnnotator',
  topics: 'newsAnnotator.topics',
  legend: 'newsAnnotator.legend',
} as const;

export const ContextKeys = {
  active: 'newsAnnotator.active',
  topicsFiltered: 'newsAnnotator.topicsFiltered',
} as const;

export const Colors = {
  personBackground: 'newsAnnotator.personBackground',
  personBorder: 'newsAnnotator.personBorder',
  organisationBackground: 'newsAnnotator.organisationBackground',
  organisationBorder: 'newsAnnotator.organisationBorder',
  placeBackground: 'newsAnnotator.placeBackground',
  placeBorder: 'newsAnnotator.placeBorder',
  otherEntityBackground: 'newsAnnotator.otherEntityBackground',
  otherEntityBorder: 'newsAnnotator.otherEntityBorder',
  figureBackground: 'newsAnnotator.figureBackground',
  figureBorder: 'newsAnnotator.figureBorder',
  quoteBackground: 'newsAnnotator.quoteBackground',
  quoteBorder: 'newsAnnotator.quoteBorder',
  uncertainQuoteBorder: 'newsAnnotator.uncertainQuoteBorder',
  rejectedForeground: 'newsAnnotator.rejectedForeground',
} as const;

export const SETTINGS_SECTION = 'newsAnnotator';
export const Settings = {
  enable: 'enable',
  autoDetect: 'autoDetect',
  saveSidecarOnSave: 'saveSidecarOnSave',
  highlightEntities: 'highlight.entities',
  highlightFigures: 'highlight.figures',
  highlightQuotes: 'highlight.quotes',
  highlightRejected: 'highlight.rejected',
  maxFileSizeMB: 'maxFileSizeMB',
  registryPath: 'registryPath',
  indexEnable: 'workspaceIndex.enable',
  indexMaxFiles: 'workspaceIndex.maxFiles',
} as const;
