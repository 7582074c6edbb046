/**
 * Currencies: how a money figure's currency is written (signs, ISO 4217 codes, local abbreviations,
 * names with or without a country), and how a form that several currencies share (`$`, `dollars`,
 * `pesos`, `Rs`, `shillings`, `¥` …) is resolved from the rest of the article.
 *
 * The rule (also in the README, "How a currency is read"):
 *
 * 1. A form that names one currency is that currency (`US$`, `HK$`, `USD`, `Tk`, `₦`, `£`, `yuan`,
 *    `Hong Kong dollars`, `Kenyan shillings`); the figure then has no `currency` reading.
 * 2. A shared form belongs to a *family* (the dollar sign, dollars, pesos, rupees, shillings, pounds,
 *    dinars, riyals, dirhams, francs, kronor, `¥`, won, …). Its candidates come from the article:
 *    - places: the countries of the family the article names (countries, demonyms, capitals and
 *      main cities); only those named at least half as often as the family's most named one count;
 *    - written forms: the family's currencies the article writes out elsewhere (`HK$`, `US dollars`).
 *    a. Families without an international reading (pesos, shillings, rupees, pounds, francs, ¥ …):
 *       one candidate → that currency (basis `evidence`); none → the family's usual currency where
 *       English news has one (rupees → INR, pounds → GBP, ¥ → JPY, francs → CHF, won → KRW;
 *       basis `default`), else `ambiguous`; several → `ambiguous`.
 *    b. The dollar sign and `dollars`, which international copy uses for US dollars anywhere: a
 *       local dollar (or, for `$`, a local peso) counts only when the article's *locale* uses it —
 *       the country of its dateline, or a country named at least three times and at least twice as
 *       often as any other. No local currency → USD (basis `default`). A local one and US dollars
 *       written out as such elsewhere (`US$`, `USD`) → the local one (the writer marks US dollars, so
 *       a bare `$` is local). Otherwise (nothing written, or the local one written out too, which
 *       writers do both to mark it every time and to mark it once) → `ambiguous` (local or USD).
 * 3. An equivalent in brackets right after an amount (`200 shillings (US$2)`, `HK$61m ($7.8m)`) is
 *    in another currency than that amount: its currency is removed from the candidates first (so a
 *    bare `$` after a Hong Kong dollar amount is US dollars), and for the dollar sign only the
 *    article's locale can make it local (a conversion in international copy is into US dollars).
 * An ambiguous figure has `unit: null` and `currency.candidates`; it is never silently guessed.
 */

/** A group of currencies that share a written form. */
export interface Family {
  /** ISO codes. */
  members: readonly string[];
  /** What English news means by the bare form when nothing in the article says otherwise. */
  usual?: string;
  /** The usual reading is an international one (US dollars): a local member needs the article's locale. */
  intl?: boolean;
}

const DOLLARS = [
  'USD',
  'HKD',
  'AUD',
  'CAD',
  'NZD',
  'SGD',
  'TWD',
  'NAD',
  'ZWL',
  'JMD',
  'LRD',
  'BSD',
  'BBD',
  'BZD',
  'FJD',
  'GYD',
  'TTD',
  'BND',
  'SBD',
  'XCD',
  'SRD',
];
const PESOS = ['MXN', 'COP', 'ARS', 'CLP', 'CUP', 'UYU', 'DOP', 'PHP'];
export const FAMILIES: Record<string, Family> = {
  // The dollar sign is also the peso sign in Latin America (and Nicaragua's córdoba is C$).
  $: { members: [...DOLLARS, ...PESOS.filter((c) => c !== 'PHP')], usual: 'USD', intl: true },
  dollar: { members: DOLLARS, usual: 'USD', intl: true },
  peso: { members: PESOS },
  rupee: { members: ['INR', 'PKR', 'LKR', 'NPR', 'MUR', 'SCR'], usual: 'INR' },
  shilling: { members: ['KES', 'UGX', 'TZS', 'SOS'] },
  pound: { members: ['GBP', 'EGP', 'LBP', 'SDG', 'SSP', 'SYP'], usual: 'GBP' },
  dinar: { members: ['KWD', 'JOD', 'BHD', 'IQD', 'DZD', 'TND', 'LYD', 'RSD'] },
  riyal: { members: ['SAR', 'QAR', 'OMR', 'YER', 'IRR'] },
  dirham: { members: ['AED', 'MAD'] },
  franc: { members: ['CHF', 'XOF', 'XAF', 'RWF', 'BIF', 'CDF', 'GNF', 'DJF'], usual: 'CHF' },
  cfa: { members: ['XOF', 'XAF'] },
  krone: { members: ['SEK', 'NOK', 'DKK', 'ISK'] },
  '¥': { members: ['JPY', 'CNY'], usual: 'JPY' },
  won: { members: ['KRW', 'KPW'], usual: 'KRW' },
  C$: { members: ['CAD', 'NIO'], usual: 'CAD' },
  kwacha: { members: ['ZMW', 'MWK'] },
  som: { members: ['KGS', 'UZS'] },
  manat: { members: ['AZN', 'TMT'] },
  lira: { members: ['TRY', 'LBP', 'SYP'], usual: 'TRY' },
  bolivar: { members: ['VES', 'BOB'] },
  leu: { members: ['RON', 'MDL'], usual: 'RON' },
};

/**
 * ISO 4217 codes read before or after an amount (`USD 5 million`, `500 KES`, `12CUP`). Left out:
 * codes that are also common upper-case words, names or labels (ALL, TOP, AMD, SOS, MOP, CUC, CVE, STN).
 */
export const ISO_CODES = new Set(
  (
    'USD EUR GBP JPY CNY CHF AUD CAD NZD HKD SGD TWD KRW KPW INR PKR LKR NPR BDT IDR MYR THB VND PHP MMK KHR LAK MNT KZT UZS KGS TJS ' +
    'TMT AFN IRR IQD KWD SAR QAR AED OMR BHD JOD ILS EGP LBP SYP YER TRY RUB UAH BYN PLN CZK HUF RON MDL BGN RSD MKD BAM HRK GEL AZN ' +
    'SEK NOK DKK ISK ZAR NGN KES UGX TZS ETB GHS XOF XAF MAD DZD TND LYD SDG SSP RWF BIF CDF GNF DJF ZMW MWK MZN AOA BWP NAD ZWL MUR ' +
    'SCR MGA SLL SLE GMD LRD ERN SZL LSL MRU KMF MXN ARS COP CLP PEN BOB PYG UYU VES BRL CRC GTQ HNL NIO PAB DOP CUP JMD TTD BBD BSD ' +
    'BZD XCD GYD SRD HTG FJD PGK BND SBD WST VUV MVR BTN'
  ).split(' '),
);

/**
 * Local abbreviations and signs written before an amount (case-sensitive), → ISO code or `*family`.
 * Letters-only keys are scanner trigger words; `R` and `N` need a scale or a grouped amount
 * (`R92 million`, `N2,000`), see the scanner.
 */
export const LOCAL_PREFIX: Record<string, string> = {
  Tk: 'BDT',
  Ksh: 'KES',
  KSh: 'KES',
  Kshs: 'KES',
  KShs: 'KES',
  Sh: '*shilling',
  Shs: '*shilling',
  USh: 'UGX',
  UShs: 'UGX',
  Ush: 'UGX',
  Ushs: 'UGX',
  TSh: 'TZS',
  TShs: 'TZS',
  Tsh: 'TZS',
  Tshs: 'TZS',
  KSH: 'KES',
  LL: 'LBP',
  NRs: 'NPR',
  Gs: 'PYG',
  LE: 'EGP',
  KD: 'KWD',
  BD: 'BHD',
  JD: 'JOD',
  SR: 'SAR',
  QR: 'QAR',
  RO: 'OMR',
  Dh: '*dirham',
  Dhs: '*dirham',
  DH: 'MAD',
  RM: 'MYR',
  Rp: 'IDR',
  Php: 'PHP',
  NIS: 'ILS',
  TL: 'TRY',
  CFA: '*cfa',
  FCFA: '*cfa',
  Rs: '*rupee',
  Re: '*rupee',
  Br: 'ETB',
  Bs: '*bolivar',
  Kz: 'AOA',
  MK: 'MWK',
  GH: 'GHS',
  R: 'ZAR',
  N: 'NGN',
  Rmb: 'CNY',
  RMB: 'CNY',
};
/** Prefixes ending in `$` (the letters before it are a scanner trigger word). */
export const DOLLAR_PREFIXES: Record<string, string> = {
  US$: 'USD',
  HK$: 'HKD',
  A$: 'AUD',
  AU$: 'AUD',
  C$: '*C$',
  CA$: 'CAD',
  NZ$: 'NZD',
  S$: 'SGD',
  R$: 'BRL',
  NT$: 'TWD',
  Z$: 'ZWL',
  ZWL$: 'ZWL',
  MX$: 'MXN',
  Mex$: 'MXN',
  N$: 'NAD',
  COP$: 'COP',
  COL$: 'COP',
  RD$: 'DOP',
  J$: 'JMD',
  TT$: 'TTD',
  EC$: 'XCD',
  BZ$: 'BZD',
  G$: 'GYD',
  FJ$: 'FJD',
  SI$: 'SBD',
  B$: 'BSD',
  CUC$: 'CUP',
  CUP$: 'CUP',
  ARS$: 'ARS',
  CLP$: 'CLP',
  UYU$: 'UYU',
  MXN$: 'MXN',
};
/** Currency signs (one UTF-16 unit) → ISO code or `*family`. They may stand before or after the amount. */
export const SIGNS: Record<number, string> = {
  0x24: '*$',
  0xa3: 'GBP',
  0x20ac: 'EUR',
  0xa5: '*¥',
  0x20b9: 'INR',
  0x20a9: 'KRW',
  0x20bd: 'RUB',
  0x20a6: 'NGN',
  0x20ba: 'TRY',
  0x20aa: 'ILS',
  0x20a1: 'CRC',
  0x20b1: 'PHP',
  0x20b5: 'GHS',
  0xe3f: 'THB',
  0x20ab: 'VND',
  0x20b4: 'UAH',
  0x20b8: 'KZT',
  0x20b2: 'PYG',
  0x20ad: 'LAK',
  0x20ae: 'MNT',
  0x9f3: 'BDT',
  0x20a8: '*rupee',
  0x20be: 'GEL',
  0x20bc: 'AZN',
};
/** Abbreviations written after an amount (`1500 Rs`, `100 zł`, `5,000 CFA`), besides ISO codes and signs. */
export const LOCAL_SUFFIX: Record<string, string> = {
  Rs: '*rupee',
  Tk: 'BDT',
  TL: 'TRY',
  CFA: '*cfa',
  FCFA: '*cfa',
  zł: 'PLN',
  Kč: 'CZK',
  kr: '*krone',
  Ksh: 'KES',
  Dh: '*dirham',
  Dhs: '*dirham',
  NIS: 'ILS',
  RMB: 'CNY',
};

/**
 * Currency names after an amount (lower-case) → ISO code or `*family`. `GATED` ones are also common
 * words or names: they need a scale, a grouped amount or a country before them (`7 billion won`,
 * `5,000 won`, `Korean won`; not `the team 3 won`).
 */
export const NAMES: Record<string, string> = {
  dollar: '*dollar',
  dollars: '*dollar',
  greenback: 'USD',
  greenbacks: 'USD',
  peso: '*peso',
  pesos: '*peso',
  rupee: '*rupee',
  rupees: '*rupee',
  shilling: '*shilling',
  shillings: '*shilling',
  pound: '*pound',
  pounds: '*pound',
  sterling: 'GBP',
  dinar: '*dinar',
  dinars: '*dinar',
  riyal: '*riyal',
  riyals: '*riyal',
  rial: '*riyal',
  rials: '*riyal',
  dirham: '*dirham',
  dirhams: '*dirham',
  franc: '*franc',
  francs: '*franc',
  krona: '*krone',
  kronor: '*krone',
  krone: '*krone',
  kroner: '*krone',
  kronur: 'ISK',
  won: '*won',
  kwacha: '*kwacha',
  som: '*som',
  manat: '*manat',
  lira: '*lira',
  liras: '*lira',
  lire: '*lira',
  bolivar: '*bolivar',
  bolivars: '*bolivar',
  bolívar: 'VES',
  bolívares: 'VES',
  bolivares: 'VES',
  leu: '*leu',
  lei: '*leu',
  euro: 'EUR',
  euros: 'EUR',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  naira: 'NGN',
  rand: 'ZAR',
  cedi: 'GHS',
  cedis: 'GHS',
  taka: 'BDT',
  ringgit: 'MYR',
  ringgits: 'MYR',
  baht: 'THB',
  rupiah: 'IDR',
  rupiahs: 'IDR',
  dong: 'VND',
  kyat: 'MMK',
  kyats: 'MMK',
  riel: 'KHR',
  riels: 'KHR',
  kip: 'LAK',
  tugrik: 'MNT',
  tugriks: 'MNT',
  tenge: 'KZT',
  lari: 'GEL',
  hryvnia: 'UAH',
  hryvnias: 'UAH',
  hryvnas: 'UAH',
  forint: 'HUF',
  forints: 'HUF',
  koruna: 'CZK',
  korunas: 'CZK',
  lev: 'BGN',
  leva: 'BGN',
  kuna: 'HRK',
  kunas: 'HRK',
  zloty: 'PLN',
  zlotys: 'PLN',
  złoty: 'PLN',
  roubles: 'RUB',
  rubles: 'RUB',
  rouble: 'RUB',
  ruble: 'RUB',
  shekel: 'ILS',
  shekels: 'ILS',
  lempira: 'HNL',
  lempiras: 'HNL',
  colón: 'CRC',
  colones: 'CRC',
  quetzal: 'GTQ',
  quetzales: 'GTQ',
  quetzals: 'GTQ',
  córdoba: 'NIO',
  córdobas: 'NIO',
  cordobas: 'NIO',
  soles: 'PEN',
  sol: 'PEN',
  guaraní: 'PYG',
  guaraníes: 'PYG',
  guaranis: 'PYG',
  guaranies: 'PYG',
  real: 'BRL',
  reais: 'BRL',
  reals: 'BRL',
  boliviano: 'BOB',
  bolivianos: 'BOB',
  birr: 'ETB',
  pula: 'BWP',
  nakfa: 'ERN',
  leone: 'SLE',
  leones: 'SLE',
  dalasi: 'GMD',
  dalasis: 'GMD',
  ariary: 'MGA',
  afghani: 'AFN',
  afghanis: 'AFN',
  rufiyaa: 'MVR',
  ngultrum: 'BTN',
  kina: 'PGK',
  emalangeni: 'SZL',
  lilangeni: 'SZL',
  loti: 'LSL',
  maloti: 'LSL',
  metical: 'MZN',
  meticais: 'MZN',
  meticals: 'MZN',
  kwanza: 'AOA',
  kwanzas: 'AOA',
  ouguiya: 'MRU',
  dram: 'AMD',
  drams: 'AMD',
  denar: 'MKD',
  denars: 'MKD',
  pataca: 'MOP',
  patacas: 'MOP',
  vatu: 'VUV',
  tala: 'WST',
  gourde: 'HTG',
  gourdes: 'HTG',
  balboa: 'PAB',
  balboas: 'PAB',
};
export const GATED = new Set([
  'won',
  'rand',
  'real',
  'reals',
  'sol',
  'lei',
  'leu',
  'som',
  'dong',
  'kip',
  'lev',
  'tala',
  'kina',
  'pula',
  'loti',
  'dram',
  'lari',
  'kuna',
  'vatu',
  'balboa',
]);

/**
 * Countries: ISO currency, then the names that show the article is about or from there (country,
 * demonym, capital, main cities). Longer names win (`South Sudan` over `Sudan`, `North Korea` over
 * `Korea`). Countries whose currency shares no written form are listed too: they count when the
 * locale of an article is decided.
 */
const COUNTRIES: readonly string[] = [
  'USD United States|U.S.|US|USA|U.S.A.|America|American|Americans|Washington',
  'USD Ecuador|Ecuadorian|Quito|Guayaquil',
  'USD El Salvador|Salvadoran|San Salvador',
  'USD Panama|Panamanian|Panama City',
  'USD Puerto Rico|Puerto Rican',
  'HKD Hong Kong|Hongkong|Kowloon',
  'AUD Australia|Australian|Australians|Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide|Queensland|New South Wales',
  'CAD Canada|Canadian|Canadians|Ottawa|Toronto|Montreal|Vancouver|Calgary|Alberta|Ontario|Quebec|British Columbia|Saskatchewan|Manitoba',
  'NZD New Zealand|New Zealander|New Zealanders|Wellington|Auckland|Christchurch',
  'SGD Singapore|Singaporean|Singaporeans',
  'TWD Taiwan|Taiwanese|Taipei|Kaohsiung|New Taiwan',
  'NAD Namibia|Namibian|Namibians|Windhoek',
  'ZWL Zimbabwe|Zimbabwean|Zimbabweans|Harare|Bulawayo',
  'JMD Jamaica|Jamaican',
  'LRD Liberia|Liberian|Monrovia',
  'BSD Bahamas|Bahamian|Nassau',
  'BBD Barbados|Barbadian',
  'BZD Belize|Belizean',
  'FJD Fiji|Fijian|Suva',
  'GYD Guyana|Guyanese',
  'TTD Trinidad|Tobago|Trinidadian',
  'BND Brunei|Bruneian',
  'SRD Suriname|Surinamese|Paramaribo',
  'XCD East Caribbean|Eastern Caribbean',
  'MXN Mexico|Mexican|Mexicans|Mexico City|Guadalajara|Monterrey',
  'COP Colombia|Colombian|Colombians|Bogotá|Bogota|Medellín|Medellin|Cali|Cartagena',
  'ARS Argentina|Argentine|Argentinian|Argentines|Buenos Aires',
  'CLP Chile|Chilean|Chileans|Santiago',
  'CUP Cuba|Cuban|Cubans|Havana',
  'UYU Uruguay|Uruguayan|Montevideo',
  'DOP Dominican Republic|Dominican|Santo Domingo',
  'PHP Philippines|Philippine|Filipino|Filipinos|Manila|Mindanao',
  'NIO Nicaragua|Nicaraguan|Nicaraguans|Managua',
  'INR India|Indian|Indians|New Delhi|Delhi|Mumbai|Kolkata|Chennai|Bengaluru|Bangalore|Hyderabad',
  'PKR Pakistan|Pakistani|Pakistanis|Islamabad|Karachi|Lahore',
  'LKR Sri Lanka|Sri Lankan|Colombo',
  'NPR Nepal|Nepali|Nepalese|Kathmandu',
  'MUR Mauritius|Mauritian|Mauritians|Port Louis',
  'SCR Seychelles|Seychellois',
  'KES Kenya|Kenyan|Kenyans|Nairobi|Mombasa',
  'UGX Uganda|Ugandan|Ugandans|Kampala',
  'TZS Tanzania|Tanzanian|Tanzanians|Dar es Salaam|Dodoma|Zanzibar',
  'SOS Somalia|Somali|Mogadishu',
  'GBP Britain|British|United Kingdom|UK|U.K.|England|London|Scotland|Scottish|Wales|Welsh',
  'EGP Egypt|Egyptian|Egyptians|Cairo|Alexandria',
  'LBP Lebanon|Lebanese|Beirut',
  'SDG Sudan|Sudanese|Khartoum',
  'SSP South Sudan|South Sudanese|Juba',
  'SYP Syria|Syrian|Syrians|Damascus',
  'KWD Kuwait|Kuwaiti|Kuwaitis',
  'JOD Jordan|Jordanian|Amman',
  'BHD Bahrain|Bahraini|Manama',
  'IQD Iraq|Iraqi|Iraqis|Baghdad',
  'DZD Algeria|Algerian|Algerians|Algiers',
  'TND Tunisia|Tunisian|Tunis',
  'LYD Libya|Libyan|Tripoli',
  'RSD Serbia|Serbian|Belgrade',
  'SAR Saudi Arabia|Saudi|Saudis|Riyadh|Jeddah|Mecca|Makkah',
  'QAR Qatar|Qatari|Doha',
  'OMR Oman|Omani|Muscat',
  'YER Yemen|Yemeni|Sanaa',
  'IRR Iran|Iranian|Iranians|Tehran',
  'AED United Arab Emirates|UAE|Emirati|Emiratis|Dubai|Abu Dhabi|Sharjah',
  'MAD Morocco|Moroccan|Moroccans|Rabat|Casablanca',
  'CHF Switzerland|Swiss|Zurich|Geneva|Bern',
  'XOF Senegal|Senegalese|Dakar|Ivory Coast|Ivorian|Abidjan|Mali|Malian|Bamako|Burkina Faso|Ouagadougou|Niger|Niamey|Benin|Cotonou|' +
    'Togo|Lomé',
  'XAF Cameroon|Cameroonian|Yaoundé|Douala|Chad|Chadian|Gabon|Gabonese|Libreville|Central African Republic|Bangui|Equatorial Guinea|' +
    'Brazzaville',
  'RWF Rwanda|Rwandan|Rwandans|Kigali',
  'BIF Burundi|Burundian|Bujumbura',
  'CDF DR Congo|DRC|Democratic Republic of Congo|Democratic Republic of the Congo|Congolese|Kinshasa',
  'GNF Guinea|Guinean|Conakry',
  'DJF Djibouti',
  'SEK Sweden|Swedish|Stockholm',
  'NOK Norway|Norwegian|Oslo',
  'DKK Denmark|Danish|Copenhagen',
  'ISK Iceland|Icelandic|Reykjavik',
  'CNY China|Chinese|Beijing|Shanghai|Shenzhen|Guangzhou',
  'JPY Japan|Japanese|Tokyo|Osaka',
  'KRW South Korea|Korea|Korean|Koreans|Seoul|Busan',
  'KPW North Korea|North Korean|Pyongyang',
  'ZMW Zambia|Zambian|Lusaka',
  'MWK Malawi|Malawian|Lilongwe',
  'KGS Kyrgyzstan|Kyrgyz|Bishkek',
  'UZS Uzbekistan|Uzbek|Tashkent',
  'AZN Azerbaijan|Azerbaijani|Baku',
  'TMT Turkmenistan|Turkmen|Ashgabat',
  'TRY Turkey|Türkiye|Turkish|Ankara|Istanbul',
  'VES Venezuela|Venezuelan|Venezuelans|Caracas',
  'BOB Bolivia|Bolivian|La Paz',
  'RON Romania|Romanian|Bucharest',
  'MDL Moldova|Moldovan|Chisinau',
  // Countries that share no written form with others, for the locale.
  'RUB Russia|Russian|Russians|Moscow',
  'UAH Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev',
  'EUR Germany|German|Berlin|France|French|Paris|Italy|Italian|Rome|Spain|Spanish|Madrid|Ireland|Irish|Dublin|Netherlands|Dutch|' +
    'Belgium|Brussels|Portugal|Lisbon|Greece|Greek|Athens|Austria|Vienna|Finland|Helsinki',
  'ILS Israel|Israeli|Israelis|Jerusalem|Tel Aviv',
  'BRL Brazil|Brazilian|Brazilians|Brasília|Brasilia|São Paulo|Sao Paulo|Rio de Janeiro',
  'PEN Peru|Peruvian|Lima',
  'NGN Nigeria|Nigerian|Nigerians|Abuja|Lagos',
  'ZAR South Africa|South African|South Africans|Pretoria|Johannesburg|Cape Town|Durban',
  'GHS Ghana|Ghanaian|Ghanaians|Accra|Kumasi',
  'ETB Ethiopia|Ethiopian|Ethiopians|Addis Ababa',
  'BDT Bangladesh|Bangladeshi|Dhaka|Chittagong',
  'IDR Indonesia|Indonesian|Jakarta',
  'MYR Malaysia|Malaysian|Kuala Lumpur',
  'THB Thailand|Thai|Bangkok',
  'VND Vietnam|Vietnamese|Hanoi|Ho Chi Minh City',
  'MMK Myanmar|Burma|Burmese|Yangon|Naypyitaw',
  'KHR Cambodia|Cambodian|Phnom Penh',
  'HNL Honduras|Honduran|Tegucigalpa',
  'GTQ Guatemala|Guatemalan',
  'CRC Costa Rica|Costa Rican|San José',
  'PYG Paraguay|Paraguayan|Asunción|Asuncion',
  'MNT Mongolia|Mongolian|Ulaanbaatar',
  'KZT Kazakhstan|Kazakh|Astana|Almaty',
  'AFN Afghanistan|Afghan|Kabul',
  'PLN Poland|Polish|Warsaw',
  'HUF Hungary|Hungarian|Budapest',
  'CZK Czech Republic|Czech|Prague',
  'MOP Macau|Macao',
];

interface CountryRow {
  code: string;
  key: number;
}
let placeIndex: Map<string, { rest: string; row: CountryRow }[]> | null = null;
/** Hashes of the first words of place names (as written and in capitals), so most words are never sliced. */
let placeHashes: Set<number> | null = null;
function hashOf(w: string): number {
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  return h;
}
/** First word of a place name → the names starting with it (longest first). */
function places(): Map<string, { rest: string; row: CountryRow }[]> {
  if (placeIndex) return placeIndex;
  const m = new Map<string, { rest: string; row: CountryRow }[]>();
  COUNTRIES.forEach((line, key) => {
    const code = line.slice(0, 3);
    for (const name of line.slice(4).split('|')) {
      const sp = name.indexOf(' ');
      const first = sp < 0 ? name : name.slice(0, sp);
      const list = m.get(first) ?? [];
      list.push({ rest: sp < 0 ? '' : name.slice(sp), row: { code, key } });
      list.sort((a, b) => b.rest.length - a.rest.length);
      m.set(first, list);
    }
  });
  placeIndex = m;
  placeHashes = new Set();
  for (const w of m.keys()) {
    placeHashes.add(hashOf(w));
    placeHashes.add(hashOf(w.toUpperCase()));
  }
  return m;
}

const isUpperAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
};
const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/** Reads a word at `i`: letters, and dots inside abbreviations (`U.S.`, `U.K.`); returns its end. */
function placeWordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isWordChar(c) || (c === 46 && isUpperAt(text, j + 1)) || (c === 46 && j > i && text.charCodeAt(j - 2) === 46)) j++;
    else break;
  }
  if (text.charCodeAt(j) === 46 && text.charCodeAt(j - 2) === 46 && j - i <= 5) j++; // `U.S.` ends with a dot
  return j;
}
/** The place name at `i` (a capitalised word), with its end: the longest name of {@link COUNTRIES} there. */
function placeAt(text: string, i: number, j: number): { code: string; key: number; end: number; name: string } | null {
  const word = text.slice(i, j);
  let cands = places().get(word);
  // `HONG KONG, May 3 (Reuters) -`: datelines in capitals.
  const caps = !cands && !word.endsWith('.') && word.length > 1 && word === word.toUpperCase();
  if (caps) cands = places().get(word.charAt(0) + word.slice(1).toLowerCase());
  if (!cands) return null;
  for (const c of cands) {
    if (c.rest && !(caps ? text.slice(j, j + c.rest.length).toLowerCase() === c.rest.toLowerCase() : text.startsWith(c.rest, j))) continue;
    const end = j + c.rest.length;
    if (isWordChar(text.charCodeAt(end)) || text.charCodeAt(end) === 36) return null; // `US$` is a currency, not a place
    return { code: c.row.code, key: c.row.key, end, name: word + c.rest };
  }
  return null;
}
/** The currency of the country named at `i` (`Hong Kong`, `U.S.`, `Korean`), for `61 million Hong Kong dollars`. */
export function placeCode(text: string, i: number): { code: string; end: number } | null {
  if (!isUpperAt(text, i)) return null;
  places();
  const j = placeWordEnd(text, i);
  let h = 0;
  for (let k = i; k < j; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
  if (!placeHashes!.has(h)) return null;
  const p = placeAt(text, i, j);
  return p && { code: p.code, end: p.end };
}

/** Mentions per country (by row) in `text`, and the country of a dateline, if any. */
export interface PlaceEvidence {
  /** Mentions per country row. */
  byCountry: Map<number, { code: string; n: number; name: string }>;
  dateline: string | null;
}

let placeStarts: RegExp | null = null;
/**
 * The first words of the place names (as written and in capitals), as one regular expression: the
 * engine finds the few places in an article faster than a loop over its words.
 */
function placeRegex(): RegExp {
  if (placeStarts) return placeStarts;
  const words = new Set<string>();
  for (const w of places().keys()) {
    words.add(w);
    words.add(w.toUpperCase());
  }
  const alt = [...words]
    .sort((x, y) => y.length - x.length)
    .map((w) => w.replace(/[.$]/g, '\\$&'))
    .join('|');
  placeStarts = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'gu');
  return placeStarts;
}

let localDollar: RegExp | null = null;
/**
 * Can an international family (the dollar sign, dollars) have a local reading in `text`: does it
 * name any country whose currency is another member? When not, the place count is not needed.
 */
export function mayBeLocal(text: string, family: string): boolean {
  const fam = FAMILIES[family];
  if (!fam?.intl) return true;
  if (!localDollar) {
    const members = new Set(FAMILIES.$!.members.filter((c) => c !== 'USD'));
    const words = new Set<string>();
    for (const [w, list] of places()) {
      if (!list.some((x) => members.has(x.row.code))) continue;
      words.add(w);
      words.add(w.toUpperCase());
    }
    const alt = [...words]
      .sort((x, y) => y.length - x.length)
      .map((w) => w.replace(/[.$]/g, '\\$&'))
      .join('|');
    localDollar = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'u');
  }
  return localDollar.test(text);
}

/** Counts the place names of {@link COUNTRIES} in `text`. */
export function placeEvidence(text: string): PlaceEvidence {
  const re = placeRegex();
  const byCountry = new Map<number, { code: string; n: number; name: string }>();
  let dateline: string | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    const p = placeAt(text, i, i + m[0].length);
    // `Latin America`, `South American`, `New Mexico`: not the country.
    if (
      !p ||
      (p.code === 'USD' && /(?:Latin|South|Central|North) $/.test(text.slice(Math.max(0, i - 8), i))) ||
      (p.code === 'MXN' && text.endsWith('New ', i))
    )
      continue;
    const r = byCountry.get(p.key) ?? { code: p.code, n: 0, name: p.name };
    r.n++;
    byCountry.set(p.key, r);
    if (dateline === null && isDatelineAt(text, i, p.end)) dateline = p.code;
    re.lastIndex = p.end;
  }
  return { byCountry, dateline };
}

/** `HONG KONG, May 3 (Reuters) -`, `Doha:`, `NAIROBI —` at the start of a line in the first 1,000 characters. */
function isDatelineAt(text: string, i: number, end: number): boolean {
  if (i > 1000 || (i > 0 && text.charCodeAt(i - 1) !== 10)) return false;
  const rest = text.slice(end, end + 60);
  return /^(?:,[^\n:—–-]{0,40})?(?:\s*\([^)\n]{1,30}\))?\s*(?::|—|–|-\s)/.test(rest);
}

/** How a money figure's currency was read (see the module comment). */
export interface CurrencyReading {
  basis: 'evidence' | 'default' | 'ambiguous';
  /** ISO code, or null when ambiguous. */
  code: string | null;
  candidates?: string[];
  /** Why, for people. */
  evidence?: string;
}

/** What the article says that bears on the currencies of one family. */
export interface ArticleCurrencies {
  places: PlaceEvidence;
  /** ISO codes written out unambiguously anywhere in the article. */
  written: Set<string>;
}

/**
 * Reads a shared form of `family` in an article. `not` is the currency of the amount this one is a
 * bracketed equivalent of (it is another currency), or null.
 */
export function resolveFamily(family: string, art: ArticleCurrencies, not: string | null): CurrencyReading {
  const fam = FAMILIES[family];
  if (!fam) return { basis: 'ambiguous', code: null, candidates: [], evidence: `unknown currency family ${family}` };
  const members = new Set(fam.members);
  const written = [...art.written].filter((c) => members.has(c) && c !== not);
  const pick = (code: string, basis: CurrencyReading['basis'], evidence: string): CurrencyReading => ({ basis, code, evidence });
  const ambiguous = (cands: string[], evidence: string): CurrencyReading => ({
    basis: 'ambiguous',
    code: null,
    candidates: [...new Set(cands)],
    evidence,
  });
  const bracket = not ? ` (written beside the same amount in ${not}, so not ${not})` : '';
  if (fam.intl) {
    const usual = fam.usual!;
    const loc = locale(art.places);
    const local = loc && loc.code !== usual && members.has(loc.code) && loc.code !== not ? loc : null;
    // A bracketed equivalent (a conversion) is in US dollars unless the article's own locale uses another.
    const writtenLocal = not ? [] : written.filter((c) => c !== usual);
    const cands = [...new Set([...(local ? [local.code] : []), ...writtenLocal, ...(usual !== not ? [usual] : [])])];
    if (not && cands.length === 1) return pick(cands[0]!, 'evidence', `written beside the same amount in ${not}, as its equivalent`);
    if (!local && !writtenLocal.length) return pick(usual, 'default', 'no other currency written this way is in play in the article');
    if (local && !writtenLocal.length && written.includes(usual))
      return pick(local.code, 'evidence', `the article is ${local.why} and writes US dollars out where it means them`);
    return ambiguous(cands, `${local ? `the article is ${local.why}` : `the article also writes ${writtenLocal.join(', ')}`}${bracket}`);
  }
  // Families without an international reading: the places and written forms of the article decide.
  const named = [...art.places.byCountry.values()].filter((r) => members.has(r.code) && r.code !== not);
  const top = named.reduce((m, r) => Math.max(m, r.n), 0);
  const fromPlaces = named.filter((r) => r.n * 2 >= top);
  const cands = [...new Set([...fromPlaces.map((r) => r.code), ...written])];
  if (cands.length === 1) {
    const r = fromPlaces.find((x) => x.code === cands[0]);
    return pick(
      cands[0]!,
      'evidence',
      r
        ? `the article names ${r.name}${r.n > 1 ? ` ${r.n} times` : ''}${bracket}`
        : `the article writes ${cands[0]} out elsewhere${bracket}`,
    );
  }
  if (cands.length === 0) {
    if (fam.usual && fam.usual !== not)
      return pick(fam.usual, 'default', 'no country using another currency of this name is named in the article');
    return ambiguous(
      fam.members.filter((c) => c !== not),
      `no country using one of these currencies is named in the article${bracket}`,
    );
  }
  return ambiguous(cands, `the article names ${fromPlaces.map((r) => r.name).join(', ') || 'several of them'}${bracket}`);
}

/** The article's locale: its dateline's country, or a country named ≥ 3 times and twice as often as any other. */
function locale(p: PlaceEvidence): { code: string; why: string } | null {
  if (p.dateline) return { code: p.dateline, why: 'datelined there' };
  let best: { code: string; n: number; name: string } | null = null;
  let second = 0;
  for (const r of p.byCountry.values()) {
    if (!best || r.n > best.n) {
      second = best ? best.n : 0;
      best = r;
    } else if (r.n > second) second = r.n;
  }
  if (!best || best.n < 3 || best.n < 2 * second) return null;
  return { code: best.code, why: `about ${best.name} (named ${best.n} times)` };
}
