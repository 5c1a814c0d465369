// The places a search read in its query (docs/api.md, `places`): which
// town or district the results are ranked for, and the same search without
// those words.
import { h } from './dom.js';
import { t, sep, lang } from './i18n.js';
import { hasSearch, searchOnly } from './state.js';
import { link } from './results.js';

/**
 * placesLine says which places come first, with a link to search without
 * them; its first child is the sentence alone (screen readers hear it with
 * the count).
 */
export function placesLine(res, st) {
  const read = res.places || [];
  if (!read.length || res.fallback) return null;
  const n = read.length;
  const names = read.map((p, i) => [i ? sep() : '', placeName(p)]);
  const [before, after = ''] = t('placesFirst', { n }).split('{places}');
  const to = { ...searchOnly(st), q: withoutPlaces(st.q, read), page: '' };
  return h('p', { class: 'places-read' },
    h('span', {}, before, names, after),
    hasSearch(to) && [' ', h('a', { href: link(to, st), text: t('searchWithoutPlace', { n }) })]);
}

// placeName is the town as the records name it, with its city or district
// ("Königslutter am Elm (Landkreis Helmstedt)"), or the city or district
// alone. Names are isolated: a German name keeps its order in Arabic.
function placeName(p) {
  const area = h('bdi', { lang: p.area_name_lang !== lang() ? p.area_name_lang : null, text: p.area_name });
  if (!p.place) return area;
  if (fold(p.place) === fold(p.area_name)) return h('bdi', { text: p.place });
  return [h('bdi', { text: p.place }), ' (', area, ')'];
}

/** withoutPlaces takes the words of each place read out of a query. */
export function withoutPlaces(q, places) {
  let words = q.split(/\s+/).filter(Boolean);
  for (const p of places) {
    const drop = p.text.split(/\s+/).map(fold);
    const at = words.findIndex((_, i) => drop.every((d, j) => fold(words[i + j] ?? '') === d));
    if (at >= 0) words = [...words.slice(0, at), ...words.slice(at + drop.length)];
  }
  return words.join(' ');
}

// fold compares words as the API reads them: normalised, lowercased,
// without punctuation around them.
const fold = (w) => w.normalize('NFC').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
