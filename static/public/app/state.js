// The address bar carries the whole state of a view, so every view can be
// bookmarked, shared and reached with back/forward.

const LISTS = ['topic', 'language', 'group'];
const SINGLES = ['q', 'area', 'free', 'wheelchair', 'open', 'page', 'service', 'view', 'ids', 'for', 'lang'];

/** read turns a URL's query into a state object. */
export function read(search = location.search) {
  const p = new URLSearchParams(search);
  const st = {};
  for (const k of LISTS) st[k] = p.getAll(k).filter(Boolean);
  for (const k of SINGLES) st[k] = p.get(k) || '';
  st.q = st.q.slice(0, 200);
  return st;
}

/** href turns a state object into a URL (path and query). */
export function href(st) {
  const p = new URLSearchParams();
  for (const k of [...SINGLES.slice(0, -1), ...LISTS, 'lang']) {
    for (const v of [].concat(st[k] ?? [])) if (v) p.append(k, v);
  }
  if (p.get('page') === '1') p.delete('page');
  // "/" and "," need no escaping in a query; unescaped, shared links and QR codes stay short and legible.
  const qs = p.toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
  return qs ? `/?${qs}` : '/';
}

/** hasSearch tells whether a state asks for results (a query or any filter). */
export function hasSearch(st) {
  return Boolean(st.q || st.area || st.free || st.wheelchair || st.open ||
    LISTS.some((k) => st[k].length));
}

/** searchOnly keeps the search part of a state (and the language). */
export function searchOnly(st) {
  const out = { lang: st.lang };
  for (const k of [...LISTS, 'q', 'area', 'free', 'wheelchair', 'open']) out[k] = st[k];
  return out;
}
