// When a search with filters finds nothing, say which filter stands in the
// way: the same search with each filter taken off, offered when it finds
// something ("the same topic in the region", "the same topic without the
// language"). The filter just added comes first, as an undo.
import { h } from './dom.js';
import { get } from './api.js';
import { t } from './i18n.js';
import { read } from './state.js';
import { link } from './results.js';
import { searchParams } from './filters.js';

/**
 * alternatives returns the note for a search that found nothing: items are
 * the filters in use ({ key, id, label, without }), previous the address
 * before this one. One search per filter, aborted with signal.
 */
export async function alternatives(st, items, previous, signal) {
  const added = justAdded(st, items, previous);
  const totals = await Promise.all(items.map((it) => get('search', { ...searchParams(it.without), page: '', limit: 1 }, { signal })
    .then((r) => r.total, (err) => { if (err.name === 'AbortError') throw err; return 0; })));
  const offers = items.map((it, i) => ({ ...it, total: totals[i], undo: it === added }))
    .filter((o) => o.total > 0)
    .sort((a, b) => b.undo - a.undo || b.total - a.total);
  return h('div', { class: 'notice zero-help' },
    h('p', { text: offers.length ? t('zeroWithFilters') : t('zeroEvenWithout') }),
    offers.length ? h('ul', {}, offers.map((o) => h('li', {},
      h('a', { href: link(o.without, st), text: t(o.undo ? 'undoFilter' : 'withoutFilter', { filter: o.label }) }),
      ' ', h('span', { class: 'zero-count', text: `(${t('resultCount', { n: o.total })})` })))) : null,
    items.length > 1 || !offers.length ? h('p', {}, h('a', { href: link({ q: st.q }, st), text: t('resetFilters') })) : null);
}

// justAdded is the filter in use now that the previous address did not have.
function justAdded(st, items, previous) {
  if (!previous) return null;
  const before = read(new URL(previous, location.origin).search);
  if ((before.q || '') !== (st.q || '')) return null;
  const had = (it) => [].concat(before[it.key] || []).includes(it.id);
  const fresh = items.filter((it) => !had(it));
  return fresh.length === 1 ? fresh[0] : null;
}
