/** Currency vocabulary: symbols, letter+"$" prefixes, ISO codes, currency words and the adjectives that pick a dollar. */

export const CURRENCY_SYMBOLS: Record<string, string> = {
  '$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₴': 'UAH',
};
/** Symbol prefixes written as letters + "$": "US$", "C$", "A$", "HK$". */
export const DOLLAR_PREFIXES: Record<string, string> = {
  us: 'USD', c: 'CAD', ca: 'CAD', a: 'AUD', au: 'AUD', hk: 'HKD', nz: 'NZD', s: 'SGD', sg: 'SGD', nt: 'TWD', r: 'BRL',
  mx: 'MXN', j: 'JMD', tt: 'TTD', fj: 'FJD', ec: 'XCD', z: 'ZWL',
};
export const CURRENCY_CODES = new Set([
  'usd', 'eur', 'gbp', 'jpy', 'cny', 'rmb', 'inr', 'rub', 'uah', 'chf', 'cad', 'aud', 'brl', 'zar', 'try', 'mxn', 'krw', 'sek', 'nok', 'pln',
  'dkk', 'czk', 'huf', 'ron', 'ars', 'clp', 'cop', 'php', 'pkr', 'ngn', 'kes', 'egp', 'idr', 'myr', 'thb', 'ils', 'sar',
  'aed', 'qar', 'sgd', 'hkd', 'nzd', 'twd', 'zmw', 'ghs', 'etb', 'vnd',
]);
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP',
  yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', rupee: '~rupee', rupees: '~rupee', ruble: 'RUB', rubles: 'RUB',
  rouble: 'RUB', roubles: 'RUB', hryvnia: 'UAH', hryvnias: 'UAH', hryvnias_: 'UAH', franc: 'CHF', francs: 'CHF',
  rand: 'ZAR', lira: 'TRY', liras: 'TRY', reais: 'BRL', real: 'BRL', pesos: '~peso', peso: '~peso', shekels: 'ILS', shekel: 'ILS',
  naira: 'NGN', shillings: '~shilling', riyals: '~riyal', dirhams: 'AED', won_: 'KRW',
  crowns: '~crown', kronor: '~crown', krona: '~crown', kroner: '~krone', krone: '~krone', koruna: 'CZK', korunas: 'CZK',
  zloty: 'PLN', zlotys: 'PLN', zlotych: 'PLN', forint: 'HUF', forints: 'HUF', lei: 'RON', leva: 'BGN',
  ringgit: 'MYR', baht: 'THB', rupiah: 'IDR', kwacha: '~kwacha', cedis: 'GHS', cedi: 'GHS', birr: 'ETB', taka: 'BDT',
  dinars: '~dinar', dinar: '~dinar', rials: '~riyal', rial: '~riyal', tenge: 'KZT', lari: 'GEL', manat: 'AZN',
  hryvnia_: 'UAH',
};
/**
 * Currency words shared by several countries ("crowns", "pesos", "rupees"): resolved from the article's
 * country words; the first entry is the default.
 */
export const AMBIGUOUS_CURRENCY: Record<string, Array<[RegExp | null, string]>> = {
  '~crown': [[/\b(Swed(en|ish)|Stockholm|Gothenburg)\b/, 'SEK'], [/\b(Norw(ay|egian)|Oslo)\b/, 'NOK'], [/\b(Denmark|Danish|Copenhagen)\b/, 'DKK'], [/\b(Czech|Prague)\b/, 'CZK'], [/\b(Iceland(ic)?|Reykjavik)\b/, 'ISK'], [null, 'SEK']],
  '~krone': [[/\b(Denmark|Danish|Copenhagen)\b/, 'DKK'], [null, 'NOK']],
  '~peso': [[/\b(Argentin(a|e|ian)|Buenos Aires)\b/, 'ARS'], [/\b(Philippines?|Filipino|Manila)\b/, 'PHP'], [/\b(Colombia(n)?|Bogot)/, 'COP'], [/\b(Chile(an)?|Santiago)\b/, 'CLP'], [/\b(Urugua(y|yan)|Montevideo)\b/, 'UYU'], [/\b(Cuba(n)?|Havana)\b/, 'CUP'], [null, 'MXN']],
  '~rupee': [[/\b(Pakistan(i)?|Islamabad|Karachi|Lahore)\b/, 'PKR'], [/\b(Sri Lanka(n)?|Colombo)\b/, 'LKR'], [/\b(Nepal(i|ese)?|Kathmandu)\b/, 'NPR'], [null, 'INR']],
  '~dinar': [[/\b(Iraq(i)?|Baghdad)\b/, 'IQD'], [/\b(Serbia(n)?|Belgrade)\b/, 'RSD'], [/\b(Jordan(ian)?|Amman)\b/, 'JOD'], [/\b(Kuwait(i)?)\b/, 'KWD'], [/\b(Algeria(n)?|Algiers)\b/, 'DZD'], [/\b(Liby(a|an)|Tripoli)\b/, 'LYD'], [/\b(Tunisia(n)?|Tunis)\b/, 'TND'], [/\b(Bahrain(i)?)\b/, 'BHD'], [null, 'IQD']],
  '~shilling': [[/\b(Ugand(a|an)|Kampala)\b/, 'UGX'], [/\b(Tanzania(n)?|Dodoma|Dar es Salaam)\b/, 'TZS'], [/\b(Somali(a)?|Mogadishu)\b/, 'SOS'], [null, 'KES']],
  '~riyal': [[/\b(Qatar(i)?|Doha)\b/, 'QAR'], [/\b(Oman(i)?|Muscat)\b/, 'OMR'], [/\b(Iran(ian)?|Tehran)\b/, 'IRR'], [/\b(Yemen(i)?|Sanaa|Aden)\b/, 'YER'], [null, 'SAR']],
  '~kwacha': [[/\b(Malawi(an)?|Lilongwe)\b/, 'MWK'], [null, 'ZMW']],
};
/** Adjectives that change "dollars": "Canadian dollars". */
export const DOLLAR_ADJ: Record<string, string> = {
  canadian: 'CAD', australian: 'AUD', 'hong': 'HKD', singapore: 'SGD', zealand: 'NZD', taiwan: 'TWD', u: 'USD', us: 'USD',
};
