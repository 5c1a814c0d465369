// Wegweiser's page: a small router over the address bar, the language
// menu, "My list" in the header, the offline note and the service worker.
import { pick, use, t, lang, LANGS, NATIVE, remember } from './i18n.js';
import { read, href } from './state.js';
import * as saved from './saved.js';
import * as search from './search.js';
import * as detail from './detail.js';
import * as list from './list.js';

const views = { search, detail, list, sheet: () => import('./sheet.js') };
const main = document.getElementById('main');
let current = null; // { name, lang, update }
let generation = 0;
let previous = ''; // the in-app address before this one, for "back" links
let outdated = false; // a new version took over: the next link loads the page afresh

const ctx = {
  go(st, { replace = false } = {}) {
    const to = href(st);
    if (outdated) return location.assign(to);
    if (to === location.pathname + location.search) return route({ focus: false });
    saveScroll();
    previous = location.pathname + location.search;
    history[replace ? 'replaceState' : 'pushState'](null, '', to);
    return route({ focus: !replace, scroll: 0 });
  },
  refresh: () => route({ focus: false, force: true }),
  previous: () => previous,
  announce,
};

function viewName(st) {
  if (st.service) return 'detail';
  if (st.view === 'list') return 'list';
  if (st.view === 'sheet') return 'sheet';
  return 'search';
}

async function route({ focus = true, scroll, force = false } = {}) {
  const gen = ++generation;
  const st = read();
  const code = pick(new URLSearchParams(location.search));
  if (code !== lang()) {
    await use(code).then(chrome);
    // Offline, a language the service worker has not stored stays German: say so.
    if (lang() !== code) announce(t('languageUnavailable', { name: NATIVE[code] }), true);
  }
  const name = viewName(st);
  if (!force && current?.name === name && current.lang === code && current.update) {
    if (await current.update(st)) return done(focus, scroll, false);
  }
  const mod = typeof views[name] === 'function' ? await views[name]() : views[name];
  const box = document.createElement('div');
  main.setAttribute('aria-busy', 'true');
  const view = await mod.render(box, st, ctx);
  if (gen !== generation) return;
  main.replaceChildren(...box.childNodes);
  main.removeAttribute('aria-busy');
  current = { name, lang: code, update: view?.update };
  done(focus, scroll, true);
}

function done(focus, scroll, fresh) {
  document.getElementById('skip-results').hidden = !document.getElementById('results-title');
  if (scroll !== undefined) window.scrollTo(0, scroll);
  if (focus && fresh) main.querySelector('h1')?.focus({ preventScroll: true });
}

function saveScroll() {
  history.replaceState({ scroll: window.scrollY }, '');
}

/** chrome translates the parts of index.html outside <main>. */
function chrome() {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  const menu = document.getElementById('ui-lang');
  if (!menu.options.length) {
    for (const c of LANGS) menu.append(new Option(NATIVE[c], c));
    for (const o of menu.options) o.lang = o.value;
  }
  menu.value = lang();
  // The legal pages are written by the server, in the language they are asked in.
  for (const a of document.querySelectorAll('.legal a')) a.setAttribute('href', `${a.pathname}?lang=${lang()}`);
  listCount();
  offline();
}

function listCount() {
  const n = saved.all().length;
  const el = document.getElementById('list-count');
  el.textContent = n ? String(n) : '';
  el.hidden = !n;
}

function offline() {
  const el = document.getElementById('offline');
  el.hidden = navigator.onLine;
  el.textContent = t('offline');
}

/** announce says msg to screen readers (and shows it briefly when visible). */
function announce(msg, visible = false) {
  const live = document.getElementById('live');
  live.textContent = '';
  setTimeout(() => { live.textContent = msg; }, 50);
  if (visible) {
    const toast = document.getElementById('toast');
    toast.textContent = msg;
    toast.hidden = false;
    setTimeout(() => { toast.hidden = true; }, 4000);
  }
}

function onClick(ev) {
  const a = ev.target.closest('a[href]');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  if (a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || url.pathname !== '/') return;
  ev.preventDefault();
  if (url.hash && url.search === location.search) { jump(url.hash.slice(1)); return; }
  const here = new URLSearchParams(location.search).get('lang');
  if (here && !url.searchParams.has('lang')) url.searchParams.set('lang', here); // keep ?lang= in the address
  if (outdated) { location.assign(url.pathname + url.search); return; }
  saveScroll();
  previous = location.pathname + location.search;
  history.pushState(null, '', url.pathname + url.search);
  route({ scroll: 0 });
}

// jump moves the focus to an element of this page (the skip links), without
// a new address: the router would take it for another view.
function jump(id) {
  const target = document.getElementById(decodeURIComponent(id));
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

function onLanguage(ev) {
  const code = ev.target.value;
  remember(code);
  const p = new URLSearchParams(location.search);
  p.set('lang', code);
  history.replaceState(history.state, '', `/?${p}`);
  route({ focus: false });
}

async function start() {
  history.scrollRestoration = 'manual';
  await use(pick(new URLSearchParams(location.search)));
  chrome();
  document.addEventListener('click', onClick);
  document.getElementById('ui-lang').addEventListener('change', onLanguage);
  window.addEventListener('popstate', () => route({ scroll: history.state?.scroll ?? 0 }));
  window.addEventListener('online', offline);
  window.addEventListener('offline', offline);
  document.addEventListener('saved-changed', listCount);
  document.addEventListener('announce', (ev) => announce(ev.detail));
  await route({ focus: false });
  if ('serviceWorker' in navigator) {
    // A new version's worker deletes the old assets; this page then moves
    // to the new version at the next link instead of failing on a lazy module.
    const sw = navigator.serviceWorker;
    const had = Boolean(sw.controller);
    sw.addEventListener('controllerchange', () => { outdated = had; });
    sw.register('/sw.js').catch(() => {});
  }
}

start().catch((err) => {
  main.removeAttribute('aria-busy');
  main.textContent = `Wegweiser: ${err.message}`;
});
