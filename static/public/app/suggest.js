// The search field with suggestions as you type: the ARIA 1.2 combobox
// pattern (the field keeps focus; arrow keys move through the list).
import { h, replace } from './dom.js';
import { get } from './api.js';
import { t } from './i18n.js';
import { ui } from './icons.js';

/**
 * searchForm returns the search form. onSearch(text) runs on submit;
 * onPick(suggestion) when a suggestion is chosen.
 */
export function searchForm(value, { onSearch, onPick }) {
  const input = h('input', {
    id: 'q', name: 'q', type: 'search', value, maxlength: 200, autocomplete: 'off',
    spellcheck: 'false', enterkeyhint: 'search', role: 'combobox', 'aria-autocomplete': 'list',
    'aria-expanded': 'false', 'aria-controls': 'q-list', 'aria-describedby': 'q-hint',
  });
  const list = h('ul', { id: 'q-list', role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': t('suggestions') });
  const combo = new Combo(input, list, onPick);
  const form = h('form', { class: 'search', role: 'search', action: '/', 'aria-label': t('search') },
    h('label', { for: 'q', class: 'search-label', text: t('searchLabel') }),
    h('p', { id: 'q-hint', class: 'hint', text: t('searchHint') }),
    h('div', { class: 'search-row' },
      h('div', { class: 'combo' }, input, list),
      h('button', { type: 'submit', class: 'button primary' }, ui('search'), h('span', { text: t('searchButton') }))));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (combo.chooseActive()) return;
    combo.close();
    onSearch(input.value.trim());
  });
  return form;
}

class Combo {
  constructor(input, list, onPick) {
    Object.assign(this, { input, list, onPick, items: [], active: -1, timer: 0, ctrl: null });
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (ev) => this.key(ev));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    list.addEventListener('mousedown', (ev) => ev.preventDefault()); // keep focus in the field
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fetch(), 150);
  }

  async fetch() {
    const q = this.input.value.trim();
    if (q.length < 2) return this.close();
    this.ctrl?.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    try {
      const res = await get('suggest', { q }, { signal: ctrl.signal });
      // An answer for words no longer in the field, or after the field was
      // left, would cover the results.
      if (ctrl.signal.aborted || this.input.value.trim() !== q || document.activeElement !== this.input) return;
      this.show(res.suggestions || []);
    } catch {
      if (this.ctrl === ctrl) this.show([]); // offline: the field still works without suggestions
    }
  }

  show(items) {
    this.items = items.slice(0, 8);
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    replace(this.list, this.items.map((it, i) => h('li', {
      id: `q-opt-${i}`, role: 'option', 'aria-selected': 'false', dir: 'auto', onclick: () => this.choose(i),
    }, it.text, it.organization && h('span', { class: 'suggestion-org', text: ` – ${it.organization}` }))));
    const open = this.items.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
  }

  /** close hides the list and cancels a suggestion request pending or in flight. */
  close() {
    clearTimeout(this.timer);
    this.ctrl?.abort();
    this.ctrl = null;
    this.show([]);
  }

  key(ev) {
    const n = this.items.length;
    if (ev.key === 'Escape' && n) { ev.preventDefault(); this.close(); return; }
    if (!n || (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp')) return;
    ev.preventDefault();
    this.move(ev.key === 'ArrowDown' ? (this.active + 1) % n : (this.active - 1 + n) % n);
  }

  move(i) {
    this.list.querySelectorAll('[role=option]').forEach((li, j) => li.setAttribute('aria-selected', String(i === j)));
    this.active = i;
    this.input.setAttribute('aria-activedescendant', `q-opt-${i}`);
  }

  chooseActive() {
    if (this.active < 0 || this.list.hidden) return false;
    this.choose(this.active);
    return true;
  }

  choose(i) {
    const item = this.items[i];
    this.input.value = item.text;
    this.close();
    this.onPick(item);
  }
}
