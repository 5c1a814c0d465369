// <wegweiser-search>: Wegweiser's search inside any page. Embedding is
//   <script src="https://HOST/widget.js" type="module"></script>
//   <wegweiser-search lang="ar" topic="labour-rights" area="wolfsburg" limit="5"></wegweiser-search>
// One file with no imports, so one request. Everything lives in an open
// shadow root; nothing global but the element's name. It asks nothing but
// Wegweiser's origin (the one that served this file), sends no credentials
// and stores nothing. Under a host's strict CSP it needs only script-src and
// connect-src for that origin: no eval, no inline style attributes, styles in
// a constructed stylesheet. See README "Embed Wegweiser".

const ORIGIN = new URL('/', import.meta.url);
// The server writes the asset folder of this version here (server/static.go).
const ASSETS = new URL('/assets/_/', import.meta.url);
const LANGS = ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'pl', 'ro', 'bg'];
const RTL = ['ar', 'fa'];
const ATTRS = ['lang', 'q', 'topic', 'area', 'group', 'language', 'free', 'limit', 'target'];
const GET = { credentials: 'omit', referrerPolicy: 'no-referrer' };

/** langOf matches a language tag to an interface language; "" when none fits. */
export function langOf(tag) {
  const code = String(tag || '').toLowerCase().split('-')[0];
  return LANGS.includes(code) ? code : '';
}

/** dirOf is the writing direction of an interface language. */
export const dirOf = (code) => (RTL.includes(code) ? 'rtl' : 'ltr');

// The page's translations (static/public/i18n), one request per language,
// shared by every widget on the page.
const texts = new Map();
function strings(code) {
  if (!texts.has(code)) {
    texts.set(code, fetch(new URL(`i18n/${code}.json`, ASSETS), GET)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status))))
      .catch((err) => { texts.delete(code); throw err; }));
  }
  return texts.get(code);
}

// translator returns t(key, vars) over one language's strings. Plurals are
// {"one": …, "other": …}; Arabic's "zero" reads "no results" for 0.
function translator(all, code) {
  return (key, vars = {}) => {
    let s = all[key] ?? key;
    if (typeof s === 'object') s = (vars.n === 0 && s.zero) || s[new Intl.PluralRules(code).select(vars.n)] || s.other;
    return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? vars[k] : m));
  };
}

async function api(path, params, signal) {
  const url = new URL(`api/v1/${path}`, ORIGIN);
  for (const [k, v] of params) if (v) url.searchParams.append(k, v);
  const res = await fetch(url, { ...GET, signal });
  if (!res.ok) {
    // A wrong attribute (topic="x") is a 400 naming it: tell the page's author.
    const msg = (await res.json().catch(() => ({}))).error?.message || res.status;
    console.warn(`<wegweiser-search>: ${msg}`);
    throw new Error(msg);
  }
  return res.json();
}

// pageURL addresses Wegweiser's page with a search, the way the page writes
// its addresses (static/public/app/state.js): "/" and "," unescaped, lang
// last. A service's page is the API's url (root-relative, in the answer's
// language).
function pageURL(params) {
  const p = new URLSearchParams(params.filter(([, v]) => v));
  return new URL(`/?${p}`.replace(/%2F/g, '/').replace(/%2C/g, ','), ORIGIN).href;
}

// h builds an element; text never becomes markup.
function h(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === 'text') el.textContent = v;
    else if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...kids.flat().filter((k) => k != null && k !== false && k !== ''));
  return el;
}

const CSS = `
:host{display:block;--a:var(--wegweiser-accent,#0b5563);--r:var(--wegweiser-radius,.5rem);line-height:1.5}
:host([hidden]),[hidden]{display:none!important}
*{box-sizing:border-box}
label{display:block;font-weight:700;font-size:1.1em}
p{margin:.25rem 0}
a{color:var(--a);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.row{display:flex;gap:.5rem;align-items:flex-start;margin-top:.4rem}
.combo{flex:1;min-width:0}
input,button{font:inherit;min-height:2.75rem;border:2px solid var(--a);border-radius:var(--r)}
input{width:100%;padding:.4rem .6rem;background:#fff;color:#1b1f23;border-color:#5f6e74}
button{padding:.4rem .9rem;background:var(--a);color:#fff;font-weight:600;cursor:pointer}
ul,ol{list-style:none;margin:0;padding:0}
[role=listbox]{margin-top:.25rem;background:#fff;color:#1b1f23;border:2px solid #5f6e74;border-radius:var(--r)}
[role=option]{padding:.6rem .8rem;cursor:pointer}
[role=option][aria-selected=true]{background:var(--a);color:#fff}
.count{font-weight:600;margin-top:.75rem}
li.r{border-bottom:1px solid #c9d3d6;padding:.7rem 0}
.r>a{font-weight:700;font-size:1.1em}
.facts{display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.95em}
.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;border:2px solid;margin-inline-end:.35em}
.open .dot{background:currentColor}
.more{margin-top:.75rem}
`;

let sheet;
function style(root) {
  if ('adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(h('style', { text: CSS })); // older browsers; a host CSP may block it
  }
}

// when says "today 09:00", "tomorrow 09:00" or "Thursday, 09:00" in Berlin.
function when(iso, code, t) {
  const d = new Date(iso);
  const loc = RTL.includes(code) ? `${code}-u-ca-gregory-nu-latn` : code;
  const opt = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' };
  const day = (x) => Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: opt.timeZone }).format(x));
  const days = Math.round((day(d) - day(new Date())) / 864e5);
  if (days === 0 || days === 1) return `${t(days ? 'tomorrow' : 'today')} ${new Intl.DateTimeFormat(loc, opt).format(d)}`;
  return new Intl.DateTimeFormat(loc, { ...opt, weekday: 'long' }).format(d);
}

class WegweiserSearch extends HTMLElement {
  static observedAttributes = ATTRS;
  #root = this.attachShadow({ mode: 'open' });
  #box = h('div', { part: 'root' });
  #query = null; // what the reader searched; null: the q attribute
  #gen = 0;
  #due = false;
  #ctrl = null;
  #watch = new MutationObserver(() => this.hasAttribute('lang') || this.#schedule());

  constructor() {
    super();
    style(this.#root);
    this.#root.append(this.#box);
  }

  connectedCallback() {
    // Without a lang attribute the host page's language counts, also when it changes.
    this.#watch.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#watch.disconnect();
    this.#ctrl?.abort();
  }

  attributeChangedCallback(name) {
    if (name === 'q') this.#query = null;
    this.#schedule();
  }

  // Several attributes set in a row render once.
  #schedule() {
    if (this.#due) return;
    this.#due = true;
    queueMicrotask(() => {
      this.#due = false;
      if (this.isConnected) this.#render();
    });
  }

  #lang() {
    return langOf(this.getAttribute('lang')) || langOf(this.parentElement?.closest('[lang]')?.lang) ||
      langOf(document.documentElement.lang) || 'de';
  }

  // The filters the host set; attributes may list several values.
  #filters() {
    const list = (name) => (this.getAttribute(name) || '').split(/[\s,]+/).filter(Boolean).map((v) => [name, v]);
    return [
      ...list('area').slice(0, 1), ['free', this.hasAttribute('free') ? 'true' : ''],
      ...list('topic'), ...list('language'), ...list('group'),
    ];
  }

  async #render() {
    const gen = ++this.#gen;
    const code = this.#lang();
    let all;
    try {
      all = await strings(code);
    } catch {
      all = await strings('de').catch(() => ({}));
    }
    if (gen !== this.#gen) return;
    const t = translator(all, code);
    const ui = this.#form(t, code);
    this.#box.lang = code;
    this.#box.dir = dirOf(code);
    this.#box.replaceChildren(ui.form, ui.count, ui.note, ui.list, ui.more);
    const q = this.#query ?? (this.getAttribute('q') || '').slice(0, 200);
    ui.input.value = q;
    this.#search(q, ui, t, code);
  }

  #form(t, code) {
    const input = h('input', {
      id: 'q', part: 'input', type: 'search', maxlength: 200, autocomplete: 'off', spellcheck: 'false',
      enterkeyhint: 'search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': 'opts', 'aria-describedby': 'hint',
    });
    const opts = h('ul', { id: 'opts', role: 'listbox', part: 'suggestions', 'aria-label': t('suggestions'), hidden: true });
    const ui = {
      input,
      count: h('p', { class: 'count', part: 'count', role: 'status' }),
      note: h('div', { part: 'note' }),
      list: h('ol', { part: 'results', 'aria-label': t('results') }),
      more: h('p', { class: 'more', hidden: true }, h('a', { part: 'more', text: t('widgetMore'), ...this.#target() })),
    };
    const combo = new Combo(input, opts, code, (text) => this.#search(text, ui, t, code));
    ui.form = h('form', { part: 'form', role: 'search', 'aria-label': t('search') },
      h('label', { for: 'q', part: 'label', text: t('searchLabel') }),
      h('p', { id: 'hint', text: t('searchHint') }),
      h('div', { class: 'row' }, h('div', { class: 'combo' }, input, opts),
        h('button', { type: 'submit', part: 'button', text: t('searchButton') })));
    ui.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (combo.pick()) return;
      combo.close();
      this.#search(input.value.trim(), ui, t, code);
    });
    return ui;
  }

  #target() {
    const target = this.getAttribute('target');
    return { target, rel: target && 'noopener' };
  }

  async #search(q, ui, t, code) {
    this.#query = q;
    const filters = this.#filters();
    this.#ctrl?.abort();
    if (!q && !filters.some(([, v]) => v)) {
      ui.list.replaceChildren();
      ui.count.textContent = '';
      return;
    }
    const ctrl = (this.#ctrl = new AbortController());
    const limit = Math.min(20, Math.max(1, Number.parseInt(this.getAttribute('limit'), 10) || 5));
    ui.list.setAttribute('aria-busy', 'true');
    let res;
    try {
      res = await api('search', [['q', q], ...filters, ['lang', code], ['limit', limit]], ctrl.signal);
    } catch (err) {
      if (err.name === 'AbortError') return;
      ui.list.replaceChildren();
      ui.count.textContent = t('loadError');
      return;
    } finally {
      if (this.#ctrl === ctrl) ui.list.removeAttribute('aria-busy');
    }
    ui.count.textContent = res.fallback ? t('noResults') : t('resultCount', { n: res.total });
    const again = (text) => (ev) => { ev.preventDefault(); ui.input.value = text; this.#search(text, ui, t, code); };
    ui.note.replaceChildren(...(res.fallback ? [
      res.suggestion && h('p', {}, `${t('didYouMean')} `, h('a', {
        href: '#', dir: 'auto', text: res.suggestion, onclick: again(res.suggestion),
      })),
      res.results.length ? h('p', { text: t('firstContacts') }) : null,
    ].filter(Boolean) : [placesLine(res.places, q, filters, again, t, code)].filter(Boolean)));
    ui.list.replaceChildren(...res.results.map((r) => this.#result(r, t, code)));
    const more = ui.more.firstChild;
    more.href = pageURL([['q', q], ...filters.map(([k, v]) => [k, k === 'free' && v ? '1' : v]), ['lang', code]]);
    ui.more.hidden = res.fallback || res.total <= res.results.length;
  }

  #result(r, t, code) {
    const de = (field) => ((r.untranslated || []).includes(field) ? 'de' : null);
    const locs = r.locations || [];
    const towns = [...new Set(locs.map((l) => l.city).filter(Boolean))];
    const open = locs.some((l) => l.open_now);
    const next = locs.map((l) => l.next_open).filter(Boolean).sort()[0];
    const sep = RTL.includes(code) ? '، ' : ', ';
    const langs = (r.languages || []).map((l) => l.name).join(sep);
    return h('li', { class: 'r', part: 'result' },
      h('a', { href: new URL(r.url, ORIGIN).href, part: 'link', dir: 'auto', lang: de('name'), text: r.name, ...this.#target() }),
      h('p', { dir: 'auto', lang: de('organization_name'), text: r.organization_name }),
      h('ul', { class: 'facts' },
        de('name') && h('li', { text: t('onlyGerman') }),
        langs && h('li', { text: `${t('languagesSpoken')}: ${langs}` }),
        r.cost && h('li', { text: t(r.cost === 'free' ? 'costFree' : 'costFee') }),
        towns.length ? h('li', { dir: 'auto', text: towns.join(sep) }) : r.online_only && h('li', { text: t('onlineOnly') }),
        (open || next) && h('li', { class: open ? 'open' : '' }, h('span', { class: 'dot', 'aria-hidden': 'true' }),
          open ? t('openNow') : t('opensAt', { when: when(next, code, t) }))));
  }
}

// placesLine says which places of the query come first, as the page does
// (static/public/app/places.js), with a link that searches again in the
// widget without their words, unless nothing would be left to search.
function placesLine(places = [], q, filters, again, t, code) {
  if (!places.length) return null;
  const n = places.length;
  const names = places.flatMap((p, i) => [i ? (RTL.includes(code) ? '، ' : ', ') : '', ...placeName(p, code)]);
  const [before, after = ''] = t('placesFirst', { n }).split('{places}');
  const rest = withoutPlaces(q, places);
  const link = (rest || filters.some(([, v]) => v)) && h('a', { href: '#', text: t('searchWithoutPlace', { n }), onclick: again(rest) });
  return h('p', { part: 'places' }, before, ...names, after, link ? ' ' : '', link);
}

// placeName is the town as the records name it, with its city or district,
// or the city or district alone; names are isolated for right to left.
function placeName(p, code) {
  const area = h('bdi', { lang: p.area_name_lang !== code && p.area_name_lang, text: p.area_name });
  if (!p.place) return [area];
  if (fold(p.place) === fold(p.area_name)) return [h('bdi', { text: p.place })];
  return [h('bdi', { text: p.place }), ' (', area, ')'];
}

// withoutPlaces takes the words of each place read out of a query.
function withoutPlaces(q, places) {
  let words = q.split(/\s+/).filter(Boolean);
  for (const p of places) {
    const drop = p.text.split(/\s+/).map(fold);
    const at = words.findIndex((_, i) => drop.every((d, j) => fold(words[i + j] ?? '') === d));
    if (at >= 0) words = [...words.slice(0, at), ...words.slice(at + drop.length)];
  }
  return words.join(' ');
}

const fold = (w) => w.normalize('NFC').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

// Combo is the ARIA 1.2 combobox of the search field: suggestions as you
// type; the field keeps focus, arrow keys move through the list.
class Combo {
  constructor(input, list, code, onPick) {
    Object.assign(this, { input, list, code, onPick, items: [], active: -1, timer: 0, ctrl: null });
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.fetch(), 150);
    });
    input.addEventListener('keydown', (ev) => this.key(ev));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    list.addEventListener('mousedown', (ev) => ev.preventDefault()); // keep focus in the field
  }

  async fetch() {
    const q = this.input.value.trim();
    this.ctrl?.abort();
    if (q.length < 2) return this.show([]);
    this.ctrl = new AbortController();
    try {
      this.show((await api('suggest', [['q', q], ['lang', this.code]], this.ctrl.signal)).suggestions || []);
    } catch {
      this.show([]); // without suggestions the field still works
    }
  }

  // close hides the list and cancels a suggestion still on its way.
  close() {
    clearTimeout(this.timer);
    this.ctrl?.abort();
    this.show([]);
  }

  show(items) {
    this.items = items.slice(0, 8);
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.list.replaceChildren(...this.items.map((it, i) => h('li', {
      id: `o${i}`, role: 'option', part: 'option', 'aria-selected': 'false', dir: 'auto', text: it.text,
      onclick: () => this.choose(i),
    })));
    this.list.hidden = !this.items.length;
    this.input.setAttribute('aria-expanded', String(!this.list.hidden));
  }

  key(ev) {
    const n = this.items.length;
    if (ev.key === 'Escape' && n) {
      ev.preventDefault();
      this.close();
    } else if (n && (ev.key === 'ArrowDown' || ev.key === 'ArrowUp')) {
      ev.preventDefault();
      this.active = (this.active + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
      [...this.list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === this.active)));
      this.input.setAttribute('aria-activedescendant', `o${this.active}`);
    }
  }

  // pick chooses the highlighted suggestion on Enter; false when none is.
  pick() {
    if (this.active < 0 || this.list.hidden) return false;
    this.choose(this.active);
    return true;
  }

  choose(i) {
    this.input.value = this.items[i].text;
    this.close();
    this.onPick(this.input.value);
  }
}

if (!customElements.get('wegweiser-search')) customElements.define('wegweiser-search', WegweiserSearch);
