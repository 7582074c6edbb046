/**
 * Word tables of the figure recogniser: scales, currencies, units, count nouns, month and weekday
 * names, and the context words that turn a number into something else (a page, a model, a time).
 * Keys are lower-case unless a comment says otherwise.
 */

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Month abbreviations; only read next to a day or a year (`Feb. 4`, `4 Feb 2026`). */
export const MONTH_ABBR: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

/** Scale words after a number, as powers of ten (`12 million`, `£600m`, `Rs 5 crore`). */
export const SCALE_WORDS: Record<string, number> = { thousand: 3, million: 6, billion: 9, trillion: 12, crore: 7, lakh: 5, lakhs: 5, crores: 7 };
/** Scale suffixes written onto the number (`600m`, `1.13bn`, `30k`). Case-sensitive keys. */
export const SCALE_SUFFIX: Record<string, number> = { k: 3, K: 3, m: 6, mn: 6, M: 6, bn: 9, b: 9, tn: 12, trn: 12 };

/** Currency signs, codes, abbreviations and names, and how a shared one is resolved: see `currency.ts`. */
/** Minor units: `50p`, `10 pence`, `5 cents` → amount in the major unit. */
export const MINOR_WORDS: Record<string, string> = { pence: 'GBP', penny: 'GBP', cents: '*dollar', cent: '*dollar' };

/** Units written as a word after a number (lower-case) → unit symbol. Durations use words as symbols. */
export const UNIT_WORDS: Record<string, string> = {
  tonnes: 't', tonne: 't', tons: 't', ton: 't', kilogrammes: 'kg', kilograms: 'kg', kilogram: 'kg', kilos: 'kg', kilo: 'kg', kg: 'kg', kgs: 'kg', grams: 'g', grammes: 'g', gram: 'g',
  lb: 'lb', lbs: 'lb', ounces: 'oz', ounce: 'oz', oz: 'oz', stone: 'st', carats: 'ct',
  barrels: 'bbl', barrel: 'bbl', bpd: 'bbl/d',
  kilometres: 'km', kilometers: 'km', kilometre: 'km', kilometer: 'km', km: 'km', miles: 'mi', mile: 'mi', metres: 'm', meters: 'm', metre: 'm', meter: 'm',
  centimetres: 'cm', centimeters: 'cm', cm: 'cm', millimetres: 'mm', millimeters: 'mm', mm: 'mm', feet: 'ft', foot: 'ft', ft: 'ft', inches: 'in', inch: 'in', yards: 'yd', yard: 'yd',
  mph: 'mph', kph: 'km/h', 'km/h': 'km/h', knots: 'kn',
  megawatts: 'MW', megawatt: 'MW', mw: 'MW', gigawatts: 'GW', gigawatt: 'GW', gw: 'GW', kilowatts: 'kW', kilowatt: 'kW', kw: 'kW', watts: 'W', kwh: 'kWh', mwh: 'MWh', gwh: 'GWh', twh: 'TWh',
  acres: 'acre', acre: 'acre', hectares: 'ha', hectare: 'ha', ha: 'ha',
  litres: 'L', liters: 'L', litre: 'L', liter: 'L', gallons: 'gal', gallon: 'gal',
  degrees: '°', calories: 'kcal',
  gigabytes: 'GB', gigabyte: 'GB', gb: 'GB', megabytes: 'MB', megabyte: 'MB', mb: 'MB', terabytes: 'TB', terabyte: 'TB', tb: 'TB', megapixels: 'MP', megapixel: 'MP', mbps: 'Mbit/s', gbps: 'Gbit/s', kilobits: 'kbit', kilobit: 'kbit', megabits: 'Mbit', megabit: 'Mbit', gigabits: 'Gbit', kbps: 'kbit/s',
  ghz: 'GHz', mhz: 'MHz',
  years: 'year', year: 'year', months: 'month', month: 'month', weeks: 'week', week: 'week', days: 'day', day: 'day', hours: 'h', hour: 'h', hrs: 'h',
  minutes: 'min', minute: 'min', mins: 'min', seconds: 's', second: 's', secs: 's', decades: 'decade', decade: 'decade', centuries: 'century', century: 'century',
};
/** Units that `square`/`sq`/`cubic` turn into area/volume units. */
export const AREA_UNITS: Record<string, string> = { miles: 'mi²', mile: 'mi²', kilometres: 'km²', kilometers: 'km²', km: 'km²', metres: 'm²', meters: 'm²', m: 'm²', feet: 'ft²', ft: 'ft²', yards: 'yd²' };
export const VOLUME_UNITS: Record<string, string> = { metres: 'm³', meters: 'm³', m: 'm³', feet: 'ft³', ft: 'ft³' };

/** Units written onto the number (`100km`, `5ft`, `40GB`). Case-sensitive keys, checked before a lower-case retry. */
export const UNIT_SUFFIX: Record<string, string> = {
  km: 'km', kms: 'km', Km: 'km', KM: 'km', kg: 'kg', kgs: 'kg', Kg: 'kg', KG: 'kg', Ft: 'ft', MPH: 'mph', Mph: 'mph', ML: 'mL', Gb: 'GB', Mb: 'MB', Tb: 'TB', HA: 'ha', g: 'g', mg: 'mg', lb: 'lb', lbs: 'lb', oz: 'oz', st: 'st', ft: 'ft', in: 'in', ins: 'in', yd: 'yd', yds: 'yd', mm: 'mm', cm: 'cm',
  mph: 'mph', kph: 'km/h', 'km/h': 'km/h', 'm/s': 'm/s', MW: 'MW', mw: 'MW', GW: 'GW', gw: 'GW', kW: 'kW', kw: 'kW', kWh: 'kWh', kwh: 'kWh', MWh: 'MWh', GWh: 'GWh', TWh: 'TWh',
  GB: 'GB', gb: 'GB', MB: 'MB', TB: 'TB', Mbps: 'Mbit/s', mbps: 'Mbit/s', Gbps: 'Gbit/s', GHz: 'GHz', MHz: 'MHz', ha: 'ha', ml: 'mL', bpd: 'bbl/d', cc: 'cc',
  hrs: 'h', hr: 'h', h: 'h', mins: 'min', min: 'min', secs: 's', sec: 's', C: '°C', F: '°F',
};

/** Sport and distance words after `100m` that make `m` metres rather than million. */
export const METRE_CONTEXT = new Set(['hurdles', 'freestyle', 'sprint', 'race', 'final', 'finals', 'breaststroke', 'backstroke', 'butterfly', 'relay', 'title', 'record', 'dash', 'medley', 'heat', 'heats', 'tall', 'high', 'long', 'deep', 'wide', 'away', 'above', 'below', 'metres', 'world', 'champion', 'gold', 'silver', 'bronze', 'event', 'indoor', 'outdoor']);

/** Nouns after a number that make it a count even when the number could be a year (`2000 people`). */
export const COUNT_NOUNS = new Set([
  'people', 'persons', 'men', 'women', 'children', 'kids', 'babies', 'adults', 'students', 'pupils', 'teachers', 'workers', 'employees', 'staff', 'jobs', 'members', 'voters', 'votes', 'seats',
  'soldiers', 'troops', 'police', 'officers', 'players', 'fans', 'spectators', 'visitors', 'tourists', 'passengers', 'customers', 'users', 'subscribers', 'viewers', 'listeners', 'readers',
  'patients', 'deaths', 'cases', 'victims', 'casualties', 'refugees', 'migrants', 'residents', 'citizens', 'households', 'families', 'homes', 'houses', 'companies', 'firms', 'businesses',
  'countries', 'nations', 'states', 'leaders', 'games', 'matches', 'goals', 'points', 'shares', 'cars', 'vehicles', 'aircraft', 'planes', 'jets', 'ships', 'stores', 'shops', 'branches',
  'sites', 'films', 'songs', 'albums', 'copies', 'units', 'books', 'schools', 'hospitals', 'doctors', 'nurses', 'protesters', 'demonstrators', 'delegates', 'candidates', 'applications',
  'cattle', 'sheep', 'personnel', 'crew', 'fish', 'animals', 'birds', 'trees', 'games', 'titles', 'medals', 'awards', 'nominations', 'arrests', 'attacks', 'incidents', 'complaints',
  'computers', 'phones', 'handsets', 'websites', 'emails', 'messages', 'downloads', 'tickets', 'runs', 'wickets', 'tries', 'caps', 'appearances', 'wins', 'defeats', 'MPs', 'MEPs', 'peers',
]);

/** Singular nouns after `one` that make it a count (`one person`); `one` is otherwise not a figure. */
export const ONE_NOUNS = new Set(['person', 'man', 'woman', 'child', 'player', 'goal', 'seat', 'vote', 'death', 'victim', 'soldier', 'officer', 'country', 'company']);

/** Words ending in -s that are not plural nouns after a number. */
export const NOT_PLURAL = new Set([
  'is', 'was', 'has', 'as', 'us', 'its', 'his', 'hers', 'this', 'thus', 'plus', 'less', 'unless', 'yes', 'across', 'towards', 'always', 'perhaps', 'besides', 'afterwards', 'sometimes',
  'whereas', 'says', 'rises', 'falls', 'remains', 'seems', 'means', 'takes', 'makes', 'gets', 'goes', 'comes', 'shows', 'puts', 'gives', 'looks', 'includes', 'marks', 'represents',
  'accounts', 'equals', 'stands', 'does', 'news', 'ones', 'yours', 'ours', 'theirs', 'whilst', 'alongside', 'nevertheless', 'hours', 'minutes', 'seconds', 'days', 'weeks', 'months', 'years',
  'decades', 'centuries', 'times', 'lives',
]);
// Durations are units (see UNIT_WORDS); `times` is a multiplier, left out of counts on purpose.

/** Number words (lower-case; capitalised forms are added by the scanner). */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Multipliers inside a number-word phrase (`three hundred`, `two dozen`, `five million`). */
export const NUMBER_MULT: Record<string, number> = { hundred: 100, dozen: 12, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Words before a number that make it a label, not a figure (`page 5`, `No 10`, `Article 50`). */
export const LABEL_WORDS = new Set([
  'page', 'pages', 'p', 'pp', 'section', 'article', 'chapter', 'clause', 'paragraph', 'para', 'rule', 'no', 'number', 'nos', 'room', 'flight', 'route', 'highway', 'channel', 'platform',
  'level', 'grade', 'stage', 'version', 'model', 'series', 'episode', 'part', 'phase', 'category', 'class', 'type', 'vol', 'volume', 'issue', 'line', 'lane', 'gate', 'exit', 'junction',
  'verse', 'row', 'table', 'figure', 'fig', 'appendix', 'item', 'step', 'bus', 'track', 'act', 'scene', 'division', 'league', 'tier', 'band', 'zone', 'apartment', 'suite', 'box', 'code', 'pin',
]);

/**
 * Capitalised words that may stand before a number without making it a model or product name
 * (`In 2025`, `About 300 people`). Any other capitalised word before a bare number marks a label or
 * model (`Boeing 737`, `iPhone 15`, `Article 50`).
 */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'and', 'but', 'or', 'nor', 'of', 'to', 'since', 'until', 'till', 'after', 'before', 'during', 'about', 'around', 'some',
  'only', 'just', 'nearly', 'almost', 'over', 'under', 'more', 'less', 'fewer', 'than', 'up', 'down', 'all', 'another', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'those', 'these',
  'that', 'this', 'it', 'they', 'he', 'she', 'we', 'i', 'you', 'between', 'among', 'within', 'without', 'per', 'each', 'every', 'both', 'last', 'next', 'when', 'while', 'if', 'as', 'also',
  'then', 'now', 'still', 'yet', 'so', 'because', 'although', 'though', 'roughly', 'approximately', 'exactly', 'total', 'another', 'there', 'here', 'where', 'what', 'which', 'who', 'whom',
  'why', 'how', 'once', 'twice', 'even', 'already', 'almost', 'barely', 'least', 'most', 'many', 'several', 'no', 'not', 'nearly', 'some', 'estimated', 'an', 'additional', 'extra', 'further',
  'other', 'first', 'final', 'latest', 'past', 'previous', 'since', 'through', 'throughout', 'against', 'via', 'like', 'unlike', 'plus', 'minus', 'beyond', 'above', 'below', 'towards',
  'toward', 'despite', 'amid', 'amongst', 'upon', 'into', 'onto', 'off', 'out', 'whether', 'whereas', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'just', 'around', 'almost', 'top',
  'record', 'some', 'reportedly', 'officially', 'aged', 'age', 'was', 'is', 'were', 'are', 'be', 'been', 'being', 'had', 'has', 'have', 'will', 'would', 'could', 'should', 'may', 'might',
  'must', 'can', 'did', 'do', 'does', 'said', 'says', 'say', 'told',
]);

/** Words before a month or year that make it a date (`in April`, `since 2010`). */
export const DATE_PREPS = new Set([
  'in', 'on', 'since', 'by', 'until', 'till', 'from', 'of', 'during', 'before', 'after', 'between', 'through', 'throughout', 'early', 'late', 'mid', 'last', 'next', 'this', 'end', 'start',
  'beginning', 'around', 'that', 'each', 'every', 'the', 'to', 'and', 'or', 'for', 'until', 'as', 'earlier', 'later', 'circa', 'c', 'fiscal', 'financial',
]);

/** Relative date words after `last`/`next`/`this`/`the current` … */
export const REL_UNITS: Record<string, 'year' | 'month' | 'week' | 'weekend' | 'season' | 'quarter' | 'decade' | 'century' | 'spring' | 'summer' | 'autumn' | 'winter'> = {
  year: 'year', month: 'month', week: 'week', weekend: 'weekend', season: 'season', quarter: 'quarter', decade: 'decade', century: 'century', spring: 'spring', summer: 'summer',
  autumn: 'autumn', winter: 'winter', term: 'season', session: 'season', semester: 'season', campaign: 'season', 'financial year': 'season', 'fiscal year': 'season',
};

