// The referral sheet: one printed page per visit to a counsellor, the key
// facts in the client's language and in German side by side, with a QR code.
import { h, s as svg, replace } from './dom.js';
import { service } from './api.js';
import { t, tIn, lang, dir, date, sep, LANGS, NATIVE } from './i18n.js';
import { link } from './results.js';
import { ids } from './list.js';
import { href } from './state.js';
import { ui } from './icons.js';
import { address } from './contact.js';
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
      mine.map((svc, i) => (svc ? h('section', { class: both ? 'sheet-item two' : 'sheet-item' },
        column(svc, tClient, code),
        both && german[i] && column(german[i], tDe, 'de')) : null))));
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

function column(s, tl, code) {
  const row = (label, value) => (value ? [h('dt', { text: label }), h('dd', { dir: 'auto', text: value })] : null);
  // dated: a contact fact with the date of its source, "0531 … (Stand 2016)".
  const dated = (value, ymd) => (value ? `${value} (${asOf(ymd, tl)})` : '');
  const c = s.contact || {};
  const when = shownDates(s);
  const phone = c.phone || s.organization?.phones?.[0]?.number;
  const appt = { required: tl('apptRequired'), recommended: tl('apptRecommended'), none: tl('apptNone') }[s.appointment];
  const cost = { free: tl('costFree'), fee: tl('costFee') }[s.cost];
  return h('div', { class: 'sheet-col', lang: code, dir: dir(code) },
    h('h2', { text: s.name }),
    h('p', { class: 'org', text: s.organization?.name }),
    unconfirmedNotice(s, tl),
    s.description && h('p', { text: s.description }),
    h('dl', { class: 'facts' },
      row(tl('address'), (s.locations || []).map((l) => dated([l.name, ...address(l)].filter(Boolean).join(', '), l.as_of)).join(' · ')),
      row(tl('openingHours'), hours(s.locations, tl)),
      row(tl('phone'), dated(phone, when.phone)),
      row(tl('email'), dated(c.email || s.organization?.email, when.email)),
      row(tl('website'), dated(c.url || s.organization?.website, when.web)),
      row(tl('channels'), channelsText(s, tl, sep(code))),
      row(tl('appointment'), appt),
      row(tl('cost'), cost),
      row(tl('languagesSpoken'), (s.languages || []).map((l) => l.name).join(sep(code))),
      row(tl('whatToBring'), s.what_to_bring)),
    h('p', { class: 'contacts-as-of' }, s.verified ? tl('contactsAsOf', { date: date(s.verified, code) }) : tl('contactsUndated')));
}

function hours(locs = [], tl) {
  const l = locs.find((x) => x.hours?.length || x.opening_hours);
  if (!l) return '';
  const shown = l.hours?.length
    ? l.hours.filter((d) => d.ranges?.length).map((d) => `${d.label} ${d.ranges.join(', ')}`).join(' · ') || tl('closed')
    : l.opening_hours;
  return `${shown} (${asOf(l.hours_as_of, tl)})`;
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
