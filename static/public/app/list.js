// "My list", and lists others shared as one link (?view=list&ids=a,b).
import { h, replace } from './dom.js';
import { service, isServiceID } from './api.js';
import { t } from './i18n.js';
import * as saved from './saved.js';
import { link } from './results.js';
import { ui } from './icons.js';
import { shareButton } from './contact.js';

/** ids parses the ids of a shared list. */
export const ids = (st) => st.ids.split(',').filter(isServiceID).slice(0, 50);

/** render draws the saved list, or a shared one. */
export async function render(root, st, ctx) {
  if (st.ids) return shared(root, st, ctx);
  const draw = () => mine(root, st, ctx);
  draw();
  return { update: (next) => !next.ids && (draw(), true) };
}

function mine(root, st, ctx) {
  document.title = `${t('myList')} – ${t('appName')}`;
  const list = saved.all();
  const joined = list.map((e) => e.id).join(',');
  replace(root,
    h('h1', { tabindex: '-1', text: t('myList') }),
    h('p', { class: 'hint', text: t('myListPrivacy') }),
    list.length ? [
      h('div', { class: 'actions' },
        h('a', { class: 'button primary', href: link({ view: 'sheet', ids: joined }, st) }, ui('print'), h('span', { text: t('referralSheet') })),
        shareButton(t('myList'), link({ view: 'list', ids: joined }, st), ctx),
        h('button', { type: 'button', class: 'button', text: t('clearList'), onclick: () => {
          if (confirm(t('clearListConfirm'))) { saved.clear(); mine(root, st, ctx); ctx.announce(t('listCleared')); }
        } })),
      h('ul', { class: 'saved' }, list.map((e) => h('li', {},
        h('a', { href: link({ service: e.id }, st), text: e.name }),
        e.org && h('span', { class: 'org', text: e.org }),
        h('button', { type: 'button', class: 'button small', onclick: () => {
          saved.toggle(e); mine(root, st, ctx); ctx.announce(t('removedFromList', { name: e.name }));
          root.querySelector('h1')?.focus();
        } }, t('remove'), h('span', { class: 'visually-hidden', text: `: ${e.name}` }))))),
    ] : h('p', { class: 'notice', text: t('myListEmpty') }));
}

async function shared(root, st, ctx) {
  document.title = `${t('sharedList')} – ${t('appName')}`;
  const wanted = ids(st);
  const found = await Promise.all(wanted.map((id) => service(id).catch(() => null)));
  const entries = found.filter(Boolean).map((s) => ({ id: s.id, name: s.name, org: s.organization?.name }));
  const add = h('button', { type: 'button', class: 'button primary' }, ui('star'), h('span', { text: t('saveAll') }));
  add.addEventListener('click', () => { saved.add(entries); ctx.announce(t('allSaved'), true); });
  replace(root,
    h('h1', { tabindex: '-1', text: t('sharedList') }),
    h('div', { class: 'actions' }, add,
      h('a', { class: 'button', href: link({ view: 'sheet', ids: wanted.join(',') }, st) }, ui('print'), h('span', { text: t('referralSheet') }))),
    entries.length
      ? h('ul', { class: 'saved' }, entries.map((e) => h('li', {},
        h('a', { href: link({ service: e.id }, st), text: e.name }), e.org && h('span', { class: 'org', text: e.org }))))
      : h('p', { class: 'notice', text: t('loadError') }));
  return { update: () => false };
}
