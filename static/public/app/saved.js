// "My list": services saved in this browser only (localStorage, nothing sent).
import { isServiceID } from './api.js';

const KEY = 'wegweiser.list';
const MAX = 50;

/** all returns the saved entries, newest first: [{id, name, org}]. */
export function all() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list.filter((e) => isServiceID(e?.id)) : [];
  } catch {
    return [];
  }
}

/** has tells whether a service is saved. */
export const has = (id) => all().some((e) => e.id === id);

/** toggle saves or removes a service and returns whether it is saved now. */
export function toggle(entry) {
  const list = all();
  const rest = list.filter((e) => e.id !== entry.id);
  const saved = rest.length === list.length;
  write(saved ? [{ id: entry.id, name: entry.name, org: entry.org }, ...rest].slice(0, MAX) : rest);
  return saved;
}

/** add saves several entries at once (a shared list), keeping existing ones. */
export function add(entries) {
  const list = all();
  const known = new Set(list.map((e) => e.id));
  write([...entries.filter((e) => !known.has(e.id)), ...list].slice(0, MAX));
}

/** clear empties the list. */
export const clear = () => write([]);

function write(list) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch { /* storage full or disabled: the list simply is not kept */ }
  document.dispatchEvent(new CustomEvent('saved-changed'));
}
