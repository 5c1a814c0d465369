// Interface languages, their strings, and locale-aware formatting.

export const LANGS = ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'pl', 'ro', 'bg'];

/** NATIVE names each language in itself, for the language menu. */
export const NATIVE = {
  de: 'Deutsch', en: 'English', ar: 'العربية', uk: 'Українська', ru: 'Русский',
  tr: 'Türkçe', fa: 'فارسی', pl: 'Polski', ro: 'Română', bg: 'Български',
};

/** OFFER asks, in each language itself, to show the page in it: offered when
 * a query is written in another language than the interface. */
export const OFFER = {
  de: 'Diese Seite auf Deutsch anzeigen', en: 'Show this page in English', ar: 'عرض الصفحة بالعربية',
  uk: 'Показати сторінку українською', ru: 'Показать страницу на русском', tr: 'Sayfayı Türkçe göster',
  fa: 'نمایش صفحه به فارسی', pl: 'Pokaż stronę po polsku', ro: 'Afișează pagina în română',
  bg: 'Покажи страницата на български',
};

const RTL = new Set(['ar', 'fa']);
const STORE_KEY = 'wegweiser.lang';
const loaded = {};
let current = 'de';
let chosen = null; // the language in use since the page loaded

/** dir returns "rtl" or "ltr" for a language. */
export const dir = (lang) => (RTL.has(lang) ? 'rtl' : 'ltr');

/** sep is the list separator of a language: Arabic and Persian use "،". */
export const sep = (code = current) => (RTL.has(code) ? '، ' : ', ');

/** lang returns the current interface language. */
export const lang = () => current;

/**
 * pick chooses the interface language: ?lang= first, then the last choice
 * made on this device, then the browser's languages, then German.
 */
export function pick(params) {
  // Within one visit the language stays what it was, even on a link without ?lang=.
  const asked = [params.get('lang'), chosen, stored(), ...(navigator.languages || [navigator.language])];
  for (const tag of asked) {
    const code = (tag || '').toLowerCase().split('-')[0];
    if (LANGS.includes(code)) return code;
  }
  return 'de';
}

function stored() {
  try { return localStorage.getItem(STORE_KEY); } catch { return null; }
}

/** remember keeps an explicit choice for the next visit. */
export function remember(code) {
  try { localStorage.setItem(STORE_KEY, code); } catch { /* private mode: fine */ }
}

/** use loads the strings of code (and German, the fallback) and applies them to <html>. */
export async function use(code) {
  await load('de');
  // Offline, a translation never opened before is missing: German it is.
  code = await load(code).then(() => code, () => 'de');
  current = code;
  chosen = code;
  document.documentElement.lang = code;
  document.documentElement.dir = dir(code);
}

async function load(code) {
  if (loaded[code]) return;
  const res = await fetch(new URL(`../i18n/${code}.json`, import.meta.url));
  if (!res.ok) throw new Error(`i18n ${code}: ${res.status}`);
  loaded[code] = await res.json();
}

/** t returns the string for key in the current language (or in: another loaded one). */
export function t(key, vars = {}, inLang = current) {
  let str = loaded[inLang]?.[key] ?? loaded.de?.[key] ?? key;
  if (typeof str === 'object') str = plural(str, vars.n, inLang);
  return str.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

// plural picks the form for n: {"one": "{n} result", "other": "{n} results"}.
function plural(forms, n, code) {
  const exact = n === 0 && forms.zero; // Arabic says "no results" rather than "0 results"
  return exact || forms[new Intl.PluralRules(code).select(n)] || forms.other;
}

/** tIn loads code if needed and returns a t bound to it (for the German side of a sheet). */
export async function tIn(code) {
  await load(code);
  return (key, vars) => t(key, vars, code);
}

// Arabic and Persian keep Latin digits and the Gregorian calendar, as on the
// addresses, phone numbers, letters and timetables people compare them with.
const locale = (code) => (RTL.has(code) ? `${code}-u-ca-gregory-nu-latn` : code);

const TZ = 'Europe/Berlin';

/** when formats an opening time in Berlin: "today 09:00", "tomorrow 09:00" or "Thursday, 09:00". */
export function when(iso, code = current) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const days = Math.round((berlinDay(d) - berlinDay(new Date())) / 864e5);
  if (days === 0 || days === 1) {
    const time = new Intl.DateTimeFormat(locale(code), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TZ }).format(d);
    return `${t(days ? 'tomorrow' : 'today', {}, code)} ${time}`;
  }
  return new Intl.DateTimeFormat(locale(code), {
    weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TZ,
  }).format(d);
}

// berlinDay is midnight UTC of the calendar day d has in Berlin.
function berlinDay(d) {
  return Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(d));
}

/** date formats a calendar date like 2024-09-01. */
export function date(ymd, code = current) {
  const d = new Date(`${ymd}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return new Intl.DateTimeFormat(locale(code), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** km formats a distance. */
export function km(n, code = current) {
  return new Intl.NumberFormat(locale(code), {
    style: 'unit', unit: 'kilometer', maximumFractionDigits: n < 10 ? 1 : 0,
  }).format(n);
}
