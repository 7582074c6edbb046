/**
 * IPTC Media Topics used by the topic analysis: the 17 top-level subjects and the narrower topics
 * the scorer can report under them. Codes and labels from the IPTC Media Topics vocabulary
 * (release 2023-03-31), © IPTC – International Press Telecommunications Council (https://iptc.org),
 * licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). The keyword lists that
 * map text to these codes (`keywords.ts`) are this project's own, not part of the IPTC vocabulary.
 */

/** Attribution to show wherever IPTC codes or labels are displayed or shipped. */
export const IPTC_CREDIT =
  'Subject codes and labels: IPTC Media Topics, © IPTC – International Press Telecommunications Council (https://iptc.org), ' +
  'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)';

export const IPTC_TOP: readonly { code: string; label: string }[] = [
  { code: 'medtop:01000000', label: 'arts, culture, entertainment and media' },
  { code: 'medtop:02000000', label: 'crime, law and justice' },
  { code: 'medtop:03000000', label: 'disaster, accident and emergency incident' },
  { code: 'medtop:04000000', label: 'economy, business and finance' },
  { code: 'medtop:05000000', label: 'education' },
  { code: 'medtop:06000000', label: 'environment' },
  { code: 'medtop:07000000', label: 'health' },
  { code: 'medtop:08000000', label: 'human interest' },
  { code: 'medtop:09000000', label: 'labor' },
  { code: 'medtop:10000000', label: 'lifestyle and leisure' },
  { code: 'medtop:11000000', label: 'politics' },
  { code: 'medtop:12000000', label: 'religion' },
  { code: 'medtop:13000000', label: 'science and technology' },
  { code: 'medtop:14000000', label: 'society' },
  { code: 'medtop:15000000', label: 'sport' },
  { code: 'medtop:16000000', label: 'conflict, war and peace' },
  { code: 'medtop:17000000', label: 'weather' },
];

/** Narrower topics (second level, and a few third-level sports and trade topics) with their top-level parent. */
export const IPTC_SUBTOPICS: readonly { code: string; label: string; parent: string }[] = [
  { code: 'medtop:20000005', label: 'movies', parent: 'medtop:01000000' },
  { code: 'medtop:20000018', label: 'music', parent: 'medtop:01000000' },
  { code: 'medtop:20000051', label: 'television', parent: 'medtop:01000000' },
  { code: 'medtop:20000013', label: 'literature', parent: 'medtop:01000000' },
  { code: 'medtop:20000082', label: 'crime', parent: 'medtop:02000000' },
  { code: 'medtop:20000106', label: 'judiciary', parent: 'medtop:02000000' },
  { code: 'medtop:20000344', label: 'economy', parent: 'medtop:04000000' },
  { code: 'medtop:20000385', label: 'market and exchange', parent: 'medtop:04000000' },
  { code: 'medtop:20000373', label: 'international trade', parent: 'medtop:04000000' },
  { code: 'medtop:20000210', label: 'agriculture', parent: 'medtop:04000000' },
  { code: 'medtop:20000256', label: 'energy and resource', parent: 'medtop:04000000' },
  { code: 'medtop:20000295', label: 'aerospace', parent: 'medtop:04000000' },
  { code: 'medtop:20000225', label: 'computing and information technology', parent: 'medtop:04000000' },
  { code: 'medtop:20000252', label: 'retail', parent: 'medtop:04000000' },
  { code: 'medtop:20000509', label: 'employment', parent: 'medtop:09000000' },
  { code: 'medtop:20000536', label: 'unions', parent: 'medtop:09000000' },
  { code: 'medtop:20000574', label: 'election', parent: 'medtop:11000000' },
  { code: 'medtop:20000593', label: 'government', parent: 'medtop:11000000' },
  { code: 'medtop:20000638', label: 'international relations', parent: 'medtop:11000000' },
  { code: 'medtop:20000639', label: 'diplomacy', parent: 'medtop:11000000' },
  { code: 'medtop:20000621', label: 'government policy', parent: 'medtop:11000000' },
  { code: 'medtop:20000620', label: 'taxation', parent: 'medtop:11000000' },
  { code: 'medtop:20000763', label: 'information technology and computer science', parent: 'medtop:13000000' },
  { code: 'medtop:20000735', label: 'scientific research', parent: 'medtop:13000000' },
  { code: 'medtop:20000756', label: 'technology and engineering', parent: 'medtop:13000000' },
  { code: 'medtop:20001065', label: 'soccer', parent: 'medtop:15000000' },
  { code: 'medtop:20001036', label: 'rugby union', parent: 'medtop:15000000' },
  { code: 'medtop:20001085', label: 'tennis', parent: 'medtop:15000000' },
  { code: 'medtop:20000888', label: 'cricket', parent: 'medtop:15000000' },
  { code: 'medtop:20000827', label: 'track and field', parent: 'medtop:15000000' },
  { code: 'medtop:20000056', label: 'armed conflict', parent: 'medtop:16000000' },
  { code: 'medtop:20000065', label: 'civil unrest', parent: 'medtop:16000000' },
  { code: 'medtop:20000053', label: 'act of terror', parent: 'medtop:16000000' },
  { code: 'medtop:20000073', label: 'peace process', parent: 'medtop:16000000' },
];
