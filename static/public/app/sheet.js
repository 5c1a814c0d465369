// The referral sheet: one printed page per visit to a counsellor, the key
// facts in the client's language and in German side by side, with a QR code.
import { h, s as svg, replace } from './dom.js';
import { service } from './api.js';
import { t, tIn, lang, dir, date, sep, LANGS, NATIVE } from './i18n.js';
import { link } from './results.js';
import { ids } from './list.js';
import { href } from './state.js';
import { ui } from './icons.js';
import { placeLine } from './contact.js';
import { asOf, unconfirmedNotice, shownDates, channelsText } from './dates.js';

/** render draws the sheet for st.ids. */
export async function render(root, st, ctx) {
  const wanted = ids(st);
  const code = LANGS.includes(st.for) ? st.for : lang();
  const both = code !== 'de';
  const [mine, german, tDe, tClient] = await Promise.all([
    Promise.all(wanted.map((id) => service(id, code).catch(() => null))),
    both ? Promise.all(wanted.map((id) => service(id, 'de').catch(() => null))) : null,
    tIn('de'), tIn(code),
  ]);
  const target = wanted.length === 1 ? link({ service: wanted[0] }, st) : link({ view: 'list', ids: wanted.join(',') }, st);
  // The QR code opens the page in the client's language (a service's url is that page).
  const forClient = wanted.length === 1
    ? mine[0]?.url || href({ service: wanted[0], lang: code })
    : href({ view: 'list', ids: wanted.join(','), lang: code });
  const url = new URL(forClient, location.origin).href;
  document.title = `${t('referralSheet')} – ${t('appName')}`;
  const printBtn = h('button', { type: 'button', class: 'button primary' }, ui('print'), h('span', { text: t('print') }));
  printBtn.addEventListener('click', () => window.print());
  const qr = h('div', { class: 'qr' });
  replace(root,
    h('div', { class: 'no-print sheet-tools' },
      h('h1', { tabindex: '-1', text: t('referralSheet') }),
      h('p', { class: 'hint', text: both ? t('sheetHintBoth') : t('sheetHint') }),
      clientMenu(code, st, ctx),
      h('div', { class: 'actions' }, printBtn, h('a', { class: 'button', href: target, text: t('back') }))),
    h('article', { class: 'sheet', 'aria-label': t('referralSheet') },
      h('header', { class: 'sheet-head' },
        h('div', {},
          h('p', { class: 'sheet-brand', lang: 'de', dir: 'auto', text: `${tDe('appName')} – ${tDe('region')}` }),
          h('p', { class: 'sheet-url', dir: 'ltr', text: url }),
          h('p', { lang: 'de', dir: 'auto', text: tDe('printedOn', { date: date(new Date().toISOString().slice(0, 10), 'de') }) })),
        qr),
      mine.map((svc, i) => item(svc, both && german[i], tClient, tDe, code))));
  const scan = both ? `${tClient('scanMe')} · ${tDe('scanMe')}` : tDe('scanMe');
  qrCode(url).then((el) => replace(qr, el, h('p', { text: scan }))).catch(() => qr.remove());
  return { update: () => false };
}

function clientMenu(code, st, ctx) {
  const menu = h('select', { id: 'client-lang' }, LANGS.map((c) => h('option', { value: c, lang: c, text: NATIVE[c] })));
  menu.value = code;
  menu.addEventListener('change', () => ctx.go({ ...st, for: menu.value }, { replace: true })
    .then(() => document.getElementById('client-lang')?.focus()));
  return h('div', { class: 'field' }, h('label', { for: 'client-lang', text: t('clientLanguage') }), ' ', menu);
}

// item is one service on the sheet: the client's language beside German,
// or, when the record has no translation into it, German once, marked in
// the client's language (two identical columns would only waste paper).
function item(mine, german, tClient, tDe, code) {
  if (!mine) return null;
  if (german && untranslated(mine)) {
    return h('section', { class: 'sheet-item' },
      h('div', {},
        h('div', { lang: code, dir: dir(code) },
          h('p', { class: 'only-german', text: tClient('onlyGerman') }), unconfirmedNotice(mine, tClient)),
        column(german, tDe, 'de')));
  }
  return h('section', { class: german ? 'sheet-item two' : 'sheet-item' }, column(mine, tClient, code), german && column(german, tDe, 'de'));
}

// untranslated: the record's own texts (name and description) are all German.
const untranslated = (s) => ['name', 'description'].every((f) => (s.untranslated || []).includes(f) || (f === 'description' && !s.description));

// Record texts get dir="auto" (and lang="de" when they fell back to German):
// a German name or address inside an Arabic column keeps its punctuation.
// Phone numbers and opening hours read left to right in every language.
function column(s, tl, code) {
  const de = (field) => ({ dir: 'auto', lang: code !== 'de' && (s.untranslated || []).includes(field) ? 'de' : null });
  // row: a fact as one or more [text, note, attrs]; the text is isolated, the
  // note (the date of its source, "Stand 2016") is in the column's language.
  const row = (label, ...items) => {
    const shown = items.filter((x) => x?.[0]);
    return shown.length ? [h('dt', { text: label }), h('dd', {}, shown.map(([text, note, attrs = { dir: 'auto' }], i) => [
      i ? ' · ' : '', h('bdi', { ...attrs, text }), note ? ` (${note})` : '']))] : null;
  };
  const c = s.contact || {};
  const when = shownDates(s);
  const phone = c.phone || s.organization?.phones?.[0]?.number;
  const appt = { required: tl('apptRequired'), recommended: tl('apptRecommended'), none: tl('apptNone') }[s.appointment];
  const cost = { free: tl('costFree'), fee: tl('costFee') }[s.cost];
  return h('div', { class: 'sheet-col', lang: code, dir: dir(code) },
    h('h2', { ...de('name'), text: s.name }),
    h('p', { class: 'org', dir: 'auto', text: s.organization?.name }),
    unconfirmedNotice(s, tl),
    s.description && h('p', { ...de('description'), text: s.description }),
    h('dl', { class: 'facts' },
      row(tl('address'), ...(s.locations || []).map((l) => [placeLine(l), asOf(l.as_of, tl)])),
      row(tl('openingHours'), ...hours(s.locations, tl)),
      row(tl('phone'), [phone, asOf(when.phone, tl), { dir: 'ltr' }]),
      row(tl('email'), [c.email || s.organization?.email, asOf(when.email, tl)]),
      row(tl('website'), [c.url || s.organization?.website, asOf(when.web, tl)]),
      row(tl('channels'), [channelsText(s, tl, sep(code))]),
      row(tl('appointment'), [appt]),
      row(tl('cost'), [cost]),
      row(tl('languagesSpoken'), [(s.languages || []).map((l) => l.name).join(sep(code))]),
      row(tl('whatToBring'), [s.what_to_bring, '', de('what_to_bring')])),
    h('p', { class: 'contacts-as-of' }, s.verified ? tl('contactsAsOf', { date: date(s.verified, code) }) : tl('contactsUndated')));
}

// hours lists the opening hours of the first location that has them, as
// row items: "Montag 09:00-12:00" per day, the last with its date.
function hours(locs = [], tl) {
  const l = locs.find((x) => x.hours?.length || x.opening_hours);
  if (!l) return [];
  const days = (l.hours || []).filter((d) => d.ranges?.length);
  const items = days.length
    ? days.map((d) => [`${d.label} ${d.ranges.join(', ')}`, '', { dir: 'auto' }])
    : [l.hours?.length ? [tl('closed'), '', { dir: 'auto' }] : [l.opening_hours, '', { dir: 'ltr' }]];
  items[items.length - 1][1] = asOf(l.hours_as_of, tl);
  return items;
}

async function qrCode(url) {
  const { default: qrcode } = await import('../vendor/qrcode/qrcode.mjs');
  const qr = qrcode(0, 'M');
  qr.addData(url);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.isDark(y, x)) d += `M${x} ${y}h1v1h-1z`;
  return svg('svg', { class: 'qr-code', viewBox: `-4 -4 ${n + 8} ${n + 8}`, role: 'img', 'aria-label': t('qrLabel'), 'shape-rendering': 'crispEdges' },
    svg('rect', { x: -4, y: -4, width: n + 8, height: n + 8, fill: '#fff' }),
    svg('path', { d, fill: '#000' }));
}
