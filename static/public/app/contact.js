// Contact buttons, addresses, opening hours and route links.
import { h } from './dom.js';
import { t } from './i18n.js';
import { ui } from './icons.js';
import { openingLine } from './results.js';
import { asOfTag, shownDates } from './dates.js';

/** telHref turns "0531 123-45" into "tel:053112345". */
export const telHref = (n) => `tel:${n.replace(/(?!^\+)[^\d]/g, '')}`;

const web = (u) => (/^https?:\/\//.test(u || '') ? u : null);

/** contactLinks returns the phone, e-mail, website and booking buttons of a service. */
export function contactLinks(s) {
  const c = s.contact || {};
  const org = s.organization || {};
  const phone = c.phone || org.phones?.[0]?.number;
  const email = c.email || org.email;
  const url = web(c.url) || web(org.website);
  const when = shownDates(s);
  const items = [
    phone && button(telHref(phone), 'phone', t('call'), phone, when.phone),
    email && button(`mailto:${email}`, 'mail', t('email'), email, when.email),
    url && button(url, 'web', t('website'), new URL(url).hostname, when.web),
    web(c.booking_url) && button(c.booking_url, 'calendar', t('bookAppointment'), new URL(c.booking_url).hostname, when.booking),
  ].filter(Boolean);
  const more = (org.phones || []).filter((p) => p.number !== phone);
  if (!items.length && !more.length) return h('p', { text: t('noContact') });
  return [
    h('ul', { class: 'contact' }, items.map((el) => h('li', {}, el))),
    more.length ? h('ul', { class: 'phones' }, more.map((p) => h('li', {},
      h('a', { href: telHref(p.number), dir: 'ltr', text: p.number }), p.description ? [' – ', h('span', { dir: 'auto', text: p.description })] : '',
      asOfTag(p.as_of)))) : null,
  ];
}

// button is one contact fact as a link, with the date of the source that states it.
function button(href, icon, label, detail, asOf) {
  const ext = /^https?:/.test(href);
  return h('a', { class: 'button contact-button', href, rel: ext ? 'noopener noreferrer' : null },
    ui(icon), h('span', {}, h('strong', { text: label }), h('span', { class: 'detail', dir: 'ltr', text: detail }), asOfTag(asOf)));
}

/** address returns the lines of a location's address. */
export const address = (l) => [l.street, [l.postcode, l.city].filter(Boolean).join(' ')].filter(Boolean);

/**
 * placeLine is a location on one line: its name, then its address. Names
 * often end with the street ("Caritasverband Braunschweig, Kasernenstraße"):
 * the parts of the name that the address says again are left out, or the
 * street would be printed twice.
 */
export function placeLine(l) {
  const lines = address(l);
  const said = (part) => lines.some((line) => line === part || line.startsWith(`${part} `));
  const name = (l.name || '').split(',').map((x) => x.trim());
  while (name.length && said(name[name.length - 1])) name.pop();
  return [name.join(', '), ...lines].filter(Boolean).join(', ');
}

/** routeHref links to a route on openstreetmap.org (a link: nothing is loaded from there). */
export function routeHref(l) {
  const to = l.lat !== undefined && !l.approximate ? `${l.lat},${l.lon}` : address(l).join(', ');
  return to ? `https://www.openstreetmap.org/directions?to=${encodeURIComponent(to)}` : null;
}

/**
 * locationBlock renders one place with address, hours and a route link. Its
 * name, hours note and directions are marked German (lang="de") where the
 * service's answer lists them as untranslated.
 */
export function locationBlock(l, s = {}) {
  const de = (field) => ({ dir: 'auto', lang: (s.untranslated || []).includes(`locations.${field}`) ? 'de' : null });
  const route = routeHref(l);
  const wheel = { yes: t('wheelchairYes'), limited: t('wheelchairLimited'), no: t('wheelchairNo') }[l.wheelchair];
  return h('div', { class: 'location' },
    l.name && h('h3', { ...de('name'), text: l.name }),
    h('address', { dir: 'auto' }, address(l).map((line, i) => [i ? h('br') : '', line]), asOfTag(l.as_of)),
    l.approximate && l.street === undefined ? h('p', { class: 'hint', text: t('approximate') }) : null,
    wheel && h('p', { text: wheel }),
    openingLine([l]),
    hoursTable(l),
    l.hours_note && h('p', { ...de('hours_note'), text: l.hours_note }),
    l.transport && h('p', {}, h('span', { class: 'label', text: `${t('transport')}:` }), ' ', h('span', { ...de('transport'), text: l.transport })),
    route && h('p', {}, h('a', { class: 'button', href: route, rel: 'noopener noreferrer' },
      ui('route'), h('span', { text: t('route') }), h('span', { class: 'visually-hidden', text: ` (openstreetmap.org)` }))));
}

const DAYS = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

function berlinDay() {
  const wd = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'Europe/Berlin' }).format(new Date());
  return DAYS[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(wd)];
}

/** hoursTable renders opening hours as a table, today marked. */
export function hoursTable(l) {
  if (!l.hours?.length) {
    return l.opening_hours ? h('p', {}, h('span', { class: 'label', text: t('openingHours') }), ' ',
      h('span', { dir: 'ltr', text: l.opening_hours }), asOfTag(l.hours_as_of)) : null;
  }
  const today = berlinDay();
  return h('table', { class: 'hours' },
    h('caption', {}, t('openingHours'), asOfTag(l.hours_as_of)),
    h('tbody', {}, l.hours.map((d) => h('tr', { class: d.day === today ? 'today' : null },
      h('th', { scope: 'row' }, d.label, d.day === today ? h('span', { class: 'today-mark', text: ` (${t('today')})` }) : ''),
      h('td', { dir: d.ranges?.length ? 'ltr' : null, text: d.ranges?.length ? d.ranges.map((r) => r.replace('-', '–')).join(', ') : t('closed') })))));
}

/** shareButton shares a link (the system share sheet, or copies it). */
export function shareButton(title, path, ctx) {
  return h('button', { type: 'button', class: 'button', onclick: async () => {
    const url = new URL(path, location.origin).href;
    try {
      if (navigator.share) await navigator.share({ title, url });
      else { await navigator.clipboard.writeText(url); ctx.announce(t('linkCopied'), true); }
    } catch { /* cancelled */ }
  } }, ui('share'), h('span', { text: t('share') }));
}
