// The filters of the results view. Each change is a new address (back undoes it).
import { h, replace } from './dom.js';
import { once, config } from './api.js';
import { t, lang, LANGS } from './i18n.js';
import { searchOnly, href } from './state.js';
import { ui } from './icons.js';

const NEAR_KEY = 'wegweiser.near';

/** near returns the shared location as "lat,lon", or "" (kept for this tab only, never in the address). */
export function near() {
  try { return sessionStorage.getItem(NEAR_KEY) || ''; } catch { return ''; }
}

function setNear(v) {
  try { v ? sessionStorage.setItem(NEAR_KEY, v) : sessionStorage.removeItem(NEAR_KEY); } catch { /* ignore */ }
}

/** FILTER_NAMES are the filters a link can carry, by parameter, with the words that name them. */
export const FILTER_NAMES = { topic: 'filterTopic', language: 'filterLanguage', area: 'filterArea', group: 'filterGroup',
  free: 'filterFree', wheelchair: 'filterWheelchair', open: 'filterOpenNow' };

/** searchParams turns a state into the parameters of /api/v1/search. */
export function searchParams(st) {
  return {
    q: st.q, topic: st.topic, language: st.language, group: st.group, area: st.area,
    free: st.free && 'true', wheelchair: st.wheelchair && 'true', open: st.open && 'now',
    page: st.page, near: near(),
  };
}

// Languages often asked for in the region, offered before any result names them.
const COMMON = ['en', 'ar', 'uk', 'ru', 'tr', 'fa', 'pl', 'ro', 'bg', 'fr', 'es', 'ku', 'ps', 'ti', 'so', 'sq'];

/** filterForm builds the filters; sync(state) updates them after back/forward. */
export async function filterForm(st, ctx) {
  const vocab = (name) => once(name).catch(() => ({}));
  const [{ topics = [] }, { groups = [] }, { areas = [] }, cfg] = await Promise.all([vocab('topics'), vocab('groups'), vocab('areas'), config()]);
  const fields = {
    topic: select('f-topic', t('filterTopic'), t('anyTopic'), topics.map((x) => [x.id, x.label])),
    language: select('f-language', t('filterLanguage'), t('anyLanguage'), languageOptions(), knownHint(cfg.coverage, 'languages')),
    area: select('f-area', t('filterArea'), t('anyArea'), areas.map((x) => [x.id, x.name])),
    group: select('f-group', t('filterGroup'), t('anyGroup'), groups.map((x) => [x.id, x.label])),
    free: check('f-free', t('filterFree')),
    wheelchair: check('f-wheelchair', t('filterWheelchair'), coverageHint(cfg.coverage)),
    open: check('f-open', t('filterOpenNow')),
  };
  const locBox = h('div', { class: 'near' });
  const form = h('form', { class: 'filters', 'aria-labelledby': 'filters-h' },
    Object.values(fields).map((f) => f.el), locBox,
    h('p', {}, h('a', { href: '#', class: 'reset', text: t('resetFilters'), onclick: (ev) => {
      ev.preventDefault();
      ctx.go({ q: st.q, lang: st.lang });
    } })));
  const value = () => ({
    ...searchOnly(st), q: document.getElementById('q')?.value.trim() ?? st.q,
    topic: list(fields.topic.input.value), language: list(fields.language.input.value),
    area: fields.area.input.value, group: list(fields.group.input.value),
    free: fields.free.input.checked ? '1' : '', wheelchair: fields.wheelchair.input.checked ? '1' : '',
    open: fields.open.input.checked ? 'now' : '', page: '',
  });
  form.addEventListener('change', () => ctx.go(value()));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); ctx.go(value()); });
  const sync = (s) => {
    st = s;
    fields.topic.input.value = s.topic[0] || '';
    ensureOption(fields.language.input, s.language[0]);
    fields.language.input.value = s.language[0] || '';
    fields.area.input.value = s.area;
    fields.group.input.value = s.group[0] || '';
    fields.free.input.checked = Boolean(s.free);
    fields.wheelchair.input.checked = Boolean(s.wheelchair);
    // No record says whether it is accessible: the filter cannot work (but
    // one set by a link can still be taken off).
    fields.wheelchair.input.disabled = cfg.coverage?.services > 0 && !cfg.coverage.wheelchair && !s.wheelchair;
    fields.open.input.checked = Boolean(s.open);
    nearControls(locBox, ctx);
  };
  sync(st);
  const badge = h('span', { class: 'filter-count' });
  const details = h('details', { class: 'filter-box' },
    h('summary', {}, h('h2', { id: 'filters-h' }, t('filters'), ' ', badge)), form);
  // Open on wide screens only: on a phone the open panel would push every
  // result below the first screen. The active filters show above the results.
  details.open = matchMedia('(min-width: 56em)').matches;
  const labels = {
    topic: (id) => topics.find((x) => x.id === id)?.label, area: (id) => areas.find((x) => x.id === id)?.name,
    group: (id) => groups.find((x) => x.id === id)?.label, language: (id) => optionText(fields.language.input, id),
    free: () => t('filterFree'), wheelchair: () => t('filterWheelchair'), open: () => t('filterOpenNow'),
  };
  const active = (s) => {
    const n = activeCount(s);
    badge.textContent = n ? `(${n})` : '';
    return activeFilters(activeList(s, labels), s);
  };
  // counts shows beside each value how many results choosing it gives (the
  // API counts each filter's values with every other filter applied); a
  // value that gives none cannot be chosen. Languages the results name join
  // the menu.
  const counts = (facets = {}) => {
    addLanguages(fields.language.input, facets.language);
    for (const dim of ['topic', 'language', 'area', 'group']) {
      const by = new Map((facets[dim] || []).map((f) => [f.id, f.count]));
      const menu = fields[dim].input;
      for (const o of menu.options) {
        if (!o.value) continue;
        const n = by.get(o.value) ?? 0;
        o.textContent = `${o.dataset.label} (${n})`;
        o.disabled = n === 0 && o.value !== menu.value;
      }
    }
  };
  return { el: details, sync, counts, active, list: (s) => activeList(s, labels) };
}

function addLanguages(menu, facet = []) {
  const known = new Set([...menu.options].map((o) => o.value));
  for (const f of facet) if (!known.has(f.id) && f.id !== 'de') menu.append(option(f.id, f.label));
}

// coverageHint says how many services say whether they are accessible.
function coverageHint(cov) {
  if (!cov?.services || cov.wheelchair === cov.services) return '';
  return cov.wheelchair ? t('knownForSome', { n: cov.wheelchair, total: cov.services }) : t('wheelchairUnknownAll');
}

// knownHint says how many services have the data a filter reads, when not all do.
function knownHint(cov, field) {
  if (!cov?.services || !(field in cov) || cov[field] >= cov.services) return '';
  return t('knownForSome', { n: cov[field], total: cov.services });
}

const list = (v) => (v ? [v] : []);

const optionText = (menu, value) => [...menu.options].find((o) => o.value === value)?.dataset.label;

const option = (value, label) => h('option', { value, text: label, 'data-label': label });

/**
 * activeList lists the filters in use: { key, id, label, without }, where
 * without is the state with that filter taken off.
 */
function activeList(st, labels) {
  const items = [];
  // A value no vocabulary knows (a mistyped link) is named by its filter, never by its raw id.
  const label = (key, id) => labels[key](id) || `${t(FILTER_NAMES[key])}: ${t('unknownValue')}`;
  const add = (key, id, without) => items.push({ key, id, label: label(key, id), without: { ...searchOnly(st), ...without } });
  for (const key of ['topic', 'language', 'group']) {
    for (const id of st[key]) add(key, id, { [key]: st[key].filter((x) => x !== id) });
  }
  if (st.area) add('area', st.area, { area: '' });
  for (const key of ['free', 'wheelchair', 'open']) if (st[key]) add(key, st[key], { [key]: '' });
  return items;
}

// activeFilters shows the filters in use, each a link that removes it.
function activeFilters(items, st) {
  if (!items.length) return null;
  return h('ul', { class: 'active-filters', 'aria-label': t('activeFilters') }, items.map((it) => h('li', {},
    h('a', { href: href({ ...it.without, lang: st.lang }) },
      h('span', { text: it.label }), h('span', { class: 'visually-hidden', text: ` – ${t('removeFilter')}` }), ui('close')))));
}

function activeCount(st) {
  return [st.topic.length, st.language.length, st.area, st.group.length, st.free, st.wheelchair, st.open]
    .filter(Boolean).length;
}

function select(id, label, any, options, hint = '') {
  const input = h('select', { id, name: id, 'aria-describedby': hint ? `${id}-hint` : null },
    h('option', { value: '', text: any }),
    options.map(([v, text]) => option(v, text)));
  return { input, el: h('div', { class: 'field' }, h('label', { for: id, text: label }), input,
    hint && h('p', { id: `${id}-hint`, class: 'hint', text: hint })) };
}

function check(id, label, hint = '') {
  const input = h('input', { id, type: 'checkbox', name: id, 'aria-describedby': hint ? `${id}-hint` : null });
  return { input, el: h('div', { class: 'field' }, h('div', { class: 'check' }, input, h('label', { for: id, text: label })),
    hint && h('p', { id: `${id}-hint`, class: 'hint', text: hint })) };
}

// ensureOption adds a language from the address that the menu does not offer
// yet, when it is one: a code with no name ("zz") is not offered as if it were.
function ensureOption(menu, code) {
  if (!code || [...menu.options].some((o) => o.value === code)) return;
  let name = '';
  try { name = new Intl.DisplayNames([lang()], { type: 'language', fallback: 'none' }).of(code) || ''; } catch { /* old browser or malformed code */ }
  if (name) menu.append(option(code, name));
}

function languageOptions() {
  let names = null;
  try { names = new Intl.DisplayNames([lang()], { type: 'language' }); } catch { /* old browser */ }
  const codes = [...new Set([...LANGS.filter((c) => c !== 'de'), ...COMMON])];
  return codes.map((c) => [c, names?.of(c) || c])
    .sort((a, b) => a[1].localeCompare(b[1], lang()));
}

function nearControls(box, ctx) {
  const on = Boolean(near());
  const btn = h('button', { type: 'button', class: 'button' }, ui('location'),
    h('span', { text: on ? t('nearOff') : t('nearOn') }));
  const msg = h('p', { class: 'hint', role: 'status' });
  btn.addEventListener('click', () => {
    if (on) { setNear(''); ctx.refresh(); return; }
    if (!navigator.geolocation) { msg.textContent = t('nearUnavailable'); return; }
    msg.textContent = t('nearWaiting');
    navigator.geolocation.getCurrentPosition((pos) => {
      setNear(`${pos.coords.latitude.toFixed(3)},${pos.coords.longitude.toFixed(3)}`);
      ctx.refresh();
    }, () => { msg.textContent = t('nearUnavailable'); }, { maximumAge: 600000, timeout: 15000 });
  });
  replace(box, btn, h('p', { class: 'hint', text: t('nearHint') }), msg);
}
