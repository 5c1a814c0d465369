// Home (search field and topic tiles) and results (filters and list).
import { h, replace } from './dom.js';
import { get, once, isServiceID } from './api.js';
import { t, sep, lang, dir, LANGS, OFFER } from './i18n.js';
import { hasSearch, searchOnly, href } from './state.js';
import { icon } from './icons.js';
import { searchForm } from './suggest.js';
import { resultItem, link } from './results.js';
import { filterForm, searchParams, FILTER_NAMES } from './filters.js';
import { alternatives } from './alternatives.js';
import { placesLine } from './places.js';

/** render draws the home or the results view; ctx.go(state) navigates. */
export async function render(root, st, ctx) {
  const form = searchForm(st.q, {
    onSearch: (q) => ctx.go({ ...searchOnly(st), q, page: '' }),
    onPick: (s) => pick(s, st, ctx),
  });
  if (!hasSearch(st)) return home(root, form, st);
  return results(root, form, st, ctx);
}

// pick opens the chosen suggestion's service (suggestions are services:
// docs/api.md); anything else searches for its words.
function pick(s, st, ctx) {
  if (isServiceID(s.id)) return ctx.go({ service: s.id, lang: st.lang });
  return ctx.go({ ...searchOnly(st), q: s.text, page: '' });
}

async function home(root, form, st) {
  document.title = `${t('appName')} – ${t('region')}`;
  const tiles = h('ul', { class: 'tiles' });
  replace(root,
    h('div', { class: 'intro' },
      h('h1', { tabindex: '-1', text: t('homeTitle') }),
      h('p', { class: 'lead', text: t('homeIntro') })),
    form,
    h('section', { 'aria-labelledby': 'topics-h' },
      h('h2', { id: 'topics-h', text: t('topicsTitle') }), tiles));
  try {
    const { topics } = await once('topics');
    replace(tiles, topics.map((tp) => h('li', {}, h('a', { class: 'tile', href: link({ topic: [tp.id] }, st) },
      icon(tp, 'tile-icon'), h('span', { class: 'tile-label', text: tp.label }),
      tp.count ? h('span', { class: 'tile-count', text: t('servicesCount', { n: tp.count }) }) : null))));
  } catch {
    replace(tiles, h('li', { class: 'notice', text: t('loadError') }));
  }
  return { mode: 'home', update: () => false };
}

async function results(root, form, st, ctx) {
  const heading = h('h1', { id: 'results-title', tabindex: '-1' });
  const count = h('p', { class: 'count', id: 'count' });
  const chips = h('div');
  const list = h('ol', { class: 'results', 'aria-labelledby': 'results-h' });
  const extra = h('div');
  const pages = h('div');
  const filters = await filterForm(st, ctx);
  replace(root, form,
    h('div', { class: 'results-layout' },
      filters.el,
      h('section', { class: 'results-main', 'aria-labelledby': 'results-h' },
        heading, h('h2', { id: 'results-h', class: 'visually-hidden', text: t('results') }),
        count, chips, extra, list, pages)));
  const view = { mode: 'results', ctrl: null };
  view.update = async (next) => {
    if (!hasSearch(next)) return false;
    form.querySelector('#q').value = next.q;
    filters.sync(next);
    await load(next, { heading, count, chips, list, extra, pages, view, ctx, filters });
    return true;
  };
  await load(st, { heading, count, chips, list, extra, pages, view, ctx, filters });
  return view;
}

async function load(st, { heading, count, chips, list, extra, pages, view, ctx, filters }) {
  view.ctrl?.abort();
  const ctrl = new AbortController();
  view.ctrl = ctrl;
  // Busy from the first moment the address changed until the new results are in.
  root(list).setAttribute('aria-busy', 'true');
  replace(chips, filters.active(st));
  let res;
  try {
    heading.textContent = await title(st);
    document.title = `${heading.textContent} – ${t('appName')}`;
    res = await get('search', searchParams(st), { signal: ctrl.signal });
  } catch (err) {
    if (err.name === 'AbortError') return;
    replace(list);
    replace(pages);
    replace(extra, err.status === 400 ? badLink(err, st) : h('p', { class: 'notice', role: 'alert', text: err.status === 0 ? t('offlineError') : t('loadError') }));
    count.textContent = '';
    return;
  } finally {
    if (view.ctrl === ctrl) root(list).removeAttribute('aria-busy');
  }
  count.textContent = res.fallback ? '' : t('resultCount', { n: res.total });
  const help = h('div');
  const places = placesLine(res, st);
  replace(extra, places, languageOffer(res, st), help, fallbackNote(res, st));
  filters.counts(res.facets);
  replace(list, res.results.map((r) => resultItem(r, st)));
  replace(pages, pager(res, st));
  // A page past the last one (page=50 of 3) is a link that asks too much, as page=99999 is.
  if (!res.results.length && res.total > 0) {
    replace(extra, badLink({ parameter: 'page' }, st));
    replace(pages);
  }
  ctx.announce(res.fallback ? t('noResults') : [t('resultCount', { n: res.total }), places?.firstChild.textContent].filter(Boolean).join('. '));
  const used = filters.list(st);
  if (res.total === 0 && used.length) {
    alternatives(st, used, ctx.previous(), ctrl.signal)
      .then((el) => { if (view.ctrl === ctrl) replace(help, el); })
      .catch(() => { /* aborted or offline: the first contacts below still help */ });
  }
}

const root = (el) => el.parentElement;

async function title(st) {
  if (st.q) return t('resultsFor', { q: st.q });
  if (st.topic.length) {
    const topics = (await once('topics').catch(() => ({}))).topics || [];
    const labels = st.topic.map((id) => topics.find((tp) => tp.id === id)?.label).filter(Boolean);
    if (labels.length) return labels.join(sep());
  }
  return t('results');
}

// languageOffer proposes the interface in the language the query is written
// in (the API detects it), in that language's own words.
function languageOffer(res, st) {
  const code = res.detected_lang;
  if (!code || code === lang() || !LANGS.includes(code)) return null;
  return h('p', { class: 'offer-lang', lang: code, dir: dir(code) },
    h('a', { href: href({ ...st, lang: code }), text: OFFER[code] }));
}

function fallbackNote(res, st) {
  if (!res.fallback) return null;
  return h('div', { class: 'notice' },
    h('p', { text: t('noResults') }),
    res.suggestion && h('p', { class: 'did-you-mean' }, t('didYouMean'), ' ',
      h('a', { href: link({ ...searchOnly(st), q: res.suggestion }, st), text: res.suggestion })),
    res.results.length ? h('p', { text: t('firstContacts') }) : null);
}

/**
 * badLink answers a link that asks for what does not exist (the API said 400
 * and named the parameter): no such page, or a filter value unknown, each
 * with the way back. It is not "try again later": it would fail later too.
 */
function badLink(err, st) {
  const way = (text, to) => h('p', {}, h('a', { href: link(to, st), text }));
  const say = (text, ...more) => h('div', { class: 'notice', role: 'alert' }, h('p', { text }), ...more);
  if (err.parameter === 'page') {
    return say(t('noSuchPage', { page: st.page }), way(t('toFirstPage'), { ...searchOnly(st), page: '' }));
  }
  if (FILTER_NAMES[err.parameter]) {
    return say(t('unknownFilter', { filter: t(FILTER_NAMES[err.parameter]) }),
      way(t('removeUnknownFilter'), withoutValue(searchOnly(st), err.parameter, err.value)));
  }
  if (err.parameter === 'q') return say(t('queryTooLong'));
  return say(t('badLink'), way(t('backHome'), {}));
}

// withoutValue takes a wrong value off a filter, or the whole filter when
// the API did not say which value (a filter that takes one).
function withoutValue(st, key, value) {
  const out = { ...st };
  if (Array.isArray(st[key]) && value) out[key] = st[key].filter((v) => v !== value);
  else out[key] = Array.isArray(st[key]) ? [] : '';
  return out;
}

function pager(res, st) {
  const page = Number(res.page) || 1;
  const last = Math.max(1, Math.ceil(res.total / (res.limit || 20)));
  if (last === 1 || res.fallback) return null;
  const to = (p) => link({ ...searchOnly(st), page: String(p) }, st);
  return h('nav', { class: 'pager', 'aria-label': t('pages') },
    page > 1 && h('a', { href: to(page - 1), rel: 'prev', text: t('previous') }),
    h('span', { text: t('pageOf', { page, last }) }),
    page < last && h('a', { href: to(page + 1), rel: 'next', text: t('next') }));
}
