/**
 * English names of currencies, for people (hover cards): `USD` → `US dollar`, `BTC` → `Bitcoin`.
 * A plain table rather than `Intl.DisplayNames`, whose first use loads locale data (~100 ms, in a
 * hover). The ISO names are CLDR's English names with the currency word in lower case.
 */

/** Cryptocurrencies: the ticker used as a money figure's unit (marked `nonIso`) → the everyday name. */
export const CRYPTO_NAMES: Record<string, string> = {
  BTC: 'Bitcoin',
  ETH: 'Ether',
  LTC: 'Litecoin',
  DOGE: 'Dogecoin',
  XMR: 'Monero',
  XRP: 'XRP',
  USDT: 'Tether',
  USDC: 'USD Coin',
  UST: 'TerraUSD',
};

const ISO =
  'AED United Arab Emirates dirham|AFN Afghan afghani|AMD Armenian dram|AOA Angolan kwanza|ARS Argentine peso|AUD Australian dollar|' +
  'AZN Azerbaijani manat|BAM Bosnia-Herzegovina convertible mark|BBD Barbadian dollar|BDT Bangladeshi taka|BGN Bulgarian lev|' +
  'BHD Bahraini dinar|BIF Burundian franc|BND Brunei dollar|BOB Bolivian boliviano|BRL Brazilian real|BSD Bahamian dollar|' +
  'BTN Bhutanese ngultrum|BWP Botswanan pula|BYN Belarusian ruble|BZD Belize dollar|CAD Canadian dollar|CDF Congolese franc|' +
  'CHF Swiss franc|CLP Chilean peso|CNY Chinese yuan|COP Colombian peso|CRC Costa Rican colón|CUP Cuban peso|CZK Czech koruna|' +
  'DJF Djiboutian franc|DKK Danish krone|DOP Dominican peso|DZD Algerian dinar|EGP Egyptian pound|ERN Eritrean nakfa|' +
  'ETB Ethiopian birr|EUR euro|FJD Fijian dollar|GBP British pound|GEL Georgian lari|GHS Ghanaian cedi|GMD Gambian dalasi|' +
  'GNF Guinean franc|GTQ Guatemalan quetzal|GYD Guyanaese dollar|HKD Hong Kong dollar|HNL Honduran lempira|HRK Croatian kuna|' +
  'HTG Haitian gourde|HUF Hungarian forint|IDR Indonesian rupiah|ILS Israeli new shekel|INR Indian rupee|IQD Iraqi dinar|' +
  'IRR Iranian rial|ISK Icelandic króna|JMD Jamaican dollar|JOD Jordanian dinar|JPY Japanese yen|KES Kenyan shilling|KGS Kyrgyz som|' +
  'KHR Cambodian riel|KMF Comorian franc|KPW North Korean won|KRW South Korean won|KWD Kuwaiti dinar|KZT Kazakhstani tenge|' +
  'LAK Laotian kip|LBP Lebanese pound|LKR Sri Lankan rupee|LRD Liberian dollar|LSL Lesotho loti|LYD Libyan dinar|MAD Moroccan dirham|' +
  'MDL Moldovan leu|MGA Malagasy ariary|MKD Macedonian denar|MMK Myanmar kyat|MNT Mongolian tugrik|MOP Macanese pataca|' +
  'MRU Mauritanian ouguiya|MUR Mauritian rupee|MVR Maldivian rufiyaa|MWK Malawian kwacha|MXN Mexican peso|MYR Malaysian ringgit|' +
  'MZN Mozambican metical|NAD Namibian dollar|NGN Nigerian naira|NIO Nicaraguan córdoba|NOK Norwegian krone|NPR Nepalese rupee|' +
  'NZD New Zealand dollar|OMR Omani rial|PAB Panamanian balboa|PEN Peruvian sol|PGK Papua New Guinean kina|PHP Philippine peso|' +
  'PKR Pakistani rupee|PLN Polish zloty|PYG Paraguayan guarani|QAR Qatari riyal|RON Romanian leu|RSD Serbian dinar|RUB Russian ruble|' +
  'RWF Rwandan franc|SAR Saudi riyal|SBD Solomon Islands dollar|SCR Seychellois rupee|SDG Sudanese pound|SEK Swedish krona|' +
  'SGD Singapore dollar|SLE Sierra Leonean leone|SLL Sierra Leonean leone (old)|SOS Somali shilling|SRD Surinamese dollar|' +
  'SSP South Sudanese pound|SYP Syrian pound|SZL Swazi lilangeni|THB Thai baht|TJS Tajikistani somoni|TMT Turkmenistani manat|' +
  'TND Tunisian dinar|TRY Turkish lira|TTD Trinidad & Tobago dollar|TWD New Taiwan dollar|TZS Tanzanian shilling|' +
  'UAH Ukrainian hryvnia|UGX Ugandan shilling|USD US dollar|UYU Uruguayan peso|UZS Uzbekistani som|VES Venezuelan bolívar|' +
  'VND Vietnamese dong|VUV Vanuatu vatu|WST Samoan tala|XAF Central African CFA franc|XCD East Caribbean dollar|' +
  'XOF West African CFA franc|YER Yemeni rial|ZAR South African rand|ZMW Zambian kwacha|ZWL Zimbabwean dollar';

let names: Map<string, string> | null = null;
/** The English name of an ISO 4217 code or a cryptocurrency ticker, or null when it is not known. */
export function currencyName(code: string): string | null {
  if (!names) {
    names = new Map(Object.entries(CRYPTO_NAMES));
    for (const row of ISO.split('|')) names.set(row.slice(0, 3), row.slice(4));
  }
  return names.get(code) ?? null;
}
