// One search result, also used for saved services.
import { h, highlighted } from './dom.js';
import { t, when, km, sep } from './i18n.js';
import { href } from './state.js';
import * as saved from './saved.js';
import { ui } from './icons.js';
import { service } from './api.js';
import { unconfirmed } from './dates.js';

/** link returns the address of a view, keeping the language if the address names one. */
export function link(st, current) {
  return href({ ...st, lang: current.lang });
}

/** opening returns the "open now / opens …" text of a set of locations, or "". */
export function opening(locations = []) {
  if (locations.some((l) => l.open_now)) return t('openNow');
  const next = locations.map((l) => l.next_open).filter(Boolean).sort()[0];
  return next ? t('opensAt', { when: when(next) }) : '';
}

/** openingLine renders opening() with a marker that is more than a colour. */
export function openingLine(locations) {
  const text = opening(locations);
  if (!text) return null;
  const open = locations.some((l) => l.open_now);
  return h('p', { class: open ? 'opening is-open' : 'opening' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), text);
}

/** resultItem renders one result of /api/v1/search. */
export function resultItem(r, st) {
  const detail = link({ service: r.id }, st);
  // Texts shown in German because the record lacks the reader's language
  // are marked, so that screen readers switch to a German voice.
  const de = (field) => ({ lang: (r.untranslated || []).includes(field) ? 'de' : null, dir: 'auto' });
  return h('li', { class: 'result' },
    h('article', { 'aria-labelledby': `r-${r.id.replace('/', '--')}` },
      h('h3', { id: `r-${r.id.replace('/', '--')}`, ...de('name') }, h('a', { href: detail, text: r.name })),
      h('p', { class: 'org', ...de('organization_name'), text: r.organization_name }),
      onlyGerman(r),
      r.snippet && h('p', { class: 'snippet', ...de('snippet') }, highlighted(r.snippet)),
      topicChips(r.topics, st),
      languagesLine(r.languages, st),
      h('div', { class: 'result-foot' },
        openingLine(r.locations),
        r.distance_km !== undefined && h('p', { class: 'distance', text: t('distance', { km: km(r.distance_km) }) }),
        r.cost === 'free' && h('p', { class: 'free', text: t('costFree') }),
        unconfirmed(r) ? h('p', { class: 'stale unconfirmed', text: t('unconfirmedShort', { year: (r.confirmed || '?').slice(0, 4) }) })
          : r.stale && h('p', { class: 'stale', text: r.verified ? t('contactsYear', { year: r.verified.slice(0, 4) }) : t('contactsUndatedShort') }),
        saveButton({ id: r.id, name: r.name, org: r.organization_name }))));
}

// onlyGerman says, in the reader's language, that the texts below are in
// German because the record has none in that language: all of them (name
// and snippet) or some. An organization's name alone is not worth a notice.
function onlyGerman(r) {
  const de = (f) => (r.untranslated || []).includes(f);
  if (!de('name') && !de('snippet')) return null;
  const all = de('name') && (de('snippet') || !r.snippet);
  return h('p', { class: 'only-german', text: t(all ? 'onlyGerman' : 'untranslated') });
}

/** topicChips renders topics as links to their results. */
export function topicChips(topics = [], st) {
  if (!topics.length) return null;
  return h('ul', { class: 'chips', 'aria-label': t('topics') },
    topics.map((tp) => h('li', {}, h('a', { href: link({ topic: [tp.id] }, st), text: tp.label }))));
}

/** languagesLine lists the languages spoken, each a link to services in it. */
export function languagesLine(langs = [], st, label = true) {
  if (!langs.length) return null;
  return h(label ? 'p' : 'span', { class: 'langs' },
    label && [h('span', { class: 'label', text: `${t('languagesSpoken')}:` }), ' '],
    langs.map((l, i) => [i ? sep() : '', h('a', { href: link({ language: [l.code] }, st), text: l.name })]));
}

/** saveButton toggles a service in "My list". */
export function saveButton(entry) {
  const btn = h('button', { type: 'button', class: 'button save' });
  const paint = () => {
    const on = saved.has(entry.id);
    btn.setAttribute('aria-pressed', String(on));
    btn.replaceChildren(ui('star'), h('span', { text: t('save') }),
      h('span', { class: 'visually-hidden', text: `: ${entry.name}` }));
  };
  btn.addEventListener('click', () => {
    const on = saved.toggle(entry);
    if (on) service(entry.id).catch(() => {}); // the service worker keeps it for offline use
    paint();
    document.dispatchEvent(new CustomEvent('announce', { detail: t(on ? 'addedToList' : 'removedFromList', { name: entry.name }) }));
  });
  paint();
  return btn;
}
