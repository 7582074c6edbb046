/**
 * IPTC Media Topics, top level (17 subjects). Codes and labels from the IPTC Media Topics
 * vocabulary (release 2023-03-31), © IPTC – International Press Telecommunications Council,
 * licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
 */
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
