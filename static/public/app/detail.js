// The detail view of one service: everything needed to go there.
import { h, replace } from './dom.js';
import { service, config, get } from './api.js';
import { t, date, sep } from './i18n.js';
import { topicChips, languagesLine, saveButton, link } from './results.js';
import { ui } from './icons.js';
import { contactLinks, locationBlock, shareButton } from './contact.js';
import { unconfirmedNotice, channelsText } from './dates.js';

/** render draws the service named by st.service. */
export async function render(root, st, ctx) {
  let s;
  try {
    s = await service(st.service);
  } catch (err) {
    return failed(root, err, st);
  }
  const cfg = await config();
  // Record texts: German where untranslated, and dir="auto" so that a German
  // name or address keeps its punctuation inside a right-to-left page.
  const de = (field) => ({ lang: (s.untranslated || []).includes(field) ? 'de' : null, dir: 'auto' });
  document.title = `${s.name} – ${t('appName')}`;
  const self = link({ service: s.id }, st);
  replace(root, h('article', { class: 'detail' },
    backLink(ctx, st),
    h('h1', { tabindex: '-1', ...de('name'), text: s.name }),
    h('p', { class: 'org', ...de('organization'), text: s.organization?.name }),
    unconfirmedNotice(s),
    s.organization?.notice && h('p', { class: 'callout', ...de('organization.notice'), text: s.organization.notice }),
    s.untranslated?.length ? h('p', { class: 'note', text: t('untranslated') }) : null,
    h('div', { class: 'actions' },
      saveButton({ id: s.id, name: s.name, org: s.organization?.name }),
      h('a', { class: 'button', href: link({ view: 'sheet', ids: s.id }, st) }, ui('print'), h('span', { text: t('referralSheet') })),
      shareButton(s.name, self, ctx)),
    s.description && section('about', t('whatTheyDo'), h('p', { ...de('description'), text: s.description }), topicChips(s.topics, st)),
    facts(s, st, de),
    section('contact', t('contact'), contactLinks(s)),
    locations(s, cfg),
    moreFromOrganization(s, st),
    sourceSection(s, cfg, self)));
  return { update: () => false };
}

function failed(root, err, st) {
  document.title = `${t('notFound')} – ${t('appName')}`;
  replace(root, h('h1', { tabindex: '-1', text: err.status === 404 ? t('notFound') : t('loadError') }),
    h('p', {}, h('a', { href: link({}, st), text: t('backHome') })));
  return { update: () => false };
}

function backLink(ctx, st) {
  const prev = ctx.previous();
  return h('p', { class: 'back' }, h('a', { href: prev || link({}, st), text: prev ? t('back') : t('backHome') }));
}

function section(id, title, ...body) {
  return h('section', { 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h`, text: title }), body);
}

function facts(s, st, de) {
  const row = (label, ...value) => (value.some(Boolean) ? [h('dt', { text: label }), h('dd', {}, value)] : null);
  const groups = (s.target_groups || []).map((g) => g.label).join(sep());
  const areas = (s.areas || []).map((a) => a.name || a.label).filter(Boolean).join(sep());
  const cost = { free: t('costFree'), fee: t('costFee') }[s.cost];
  const appt = { required: t('apptRequired'), recommended: t('apptRecommended'), none: t('apptNone') }[s.appointment];
  return section('facts', t('keyFacts'), h('dl', { class: 'facts' },
    row(t('whoFor'), groups),
    row(t('areaServed'), areas && h('span', { dir: 'auto', text: onlyFor(s, areas) })),
    row(t('channels'), channelsText(s, t, sep())),
    row(t('languagesSpoken'), s.languages?.length && languagesLine(s.languages, st, false)),
    row(t('cost'), cost, s.cost_note && h('span', { class: 'cost-note', ...de('cost_note'), text: s.cost_note })),
    row(t('appointment'), appt),
    row(t('howToApply'), s.how_to_apply && h('span', { ...de('how_to_apply'), text: s.how_to_apply })),
    row(t('whatToBring'), s.what_to_bring && h('span', { ...de('what_to_bring'), text: s.what_to_bring })),
    row(t('onlineOnly'), s.online_only && t('yes'))));
}

// onlyFor is the area served, or for a service limited to some towns the
// town whose people alone it serves (its first name), not the whole area.
function onlyFor(s, areas) {
  return s.limited_to?.length ? t('areaServedOnly', { place: s.limited_to[0], area: areas }) : areas;
}

function locations(s, cfg) {
  const locs = s.locations || [];
  if (!locs.length) return null;
  const box = h('div', { class: 'map-slot' });
  if (cfg.tile_url && locs.some((l) => l.lat !== undefined)) {
    import('./map.js').then((m) => replace(box, m.mapBox(locs, cfg)));
  }
  return section('locations', locs.length > 1 ? t('locations') : t('location'),
    locs.map((l) => locationBlock(l, s)), box);
}

// moreFromOrganization lists the organization's other services once they arrive.
function moreFromOrganization(s, st) {
  const box = h('div');
  if (!/^[a-z][a-z0-9-]*$/.test(s.organization_id || '')) return box;
  get(`organizations/${s.organization_id}`).then((o) => {
    const others = (o.services || []).filter((x) => x.id !== s.service_id);
    if (others.length) {
      replace(box, section('more', t('moreFromOrg'), h('ul', { class: 'more' }, others.map((x) => h('li', {},
        h('a', { href: link({ service: `${s.organization_id}/${x.id}` }, st), dir: 'auto', text: x.name }))))));
    }
  }).catch(() => { /* offline: the rest of the page is what matters */ });
  return box;
}

function sourceSection(s, cfg, self) {
  const sources = (s.source || []).filter((u) => /^https?:\/\//.test(u));
  return section('source', t('aboutInfo'),
    h('p', { class: 'contacts-as-of' }, s.verified ? t('contactsAsOf', { date: date(s.verified) }) : t('contactsUndated')),
    s.stale && h('p', { class: 'note', text: t('stale') }),
    sources.length ? h('p', {}, t('sources'), ' ', sources.map((u, i) => [i ? sep() : '',
      h('a', { href: u, rel: 'noopener noreferrer', text: new URL(u).hostname })])) : null,
    cfg.report_email && h('p', {}, h('a', { class: 'button', href: reportHref(s, cfg, self) },
      ui('flag'), h('span', { text: t('reportError') }))));
}

function reportHref(s, cfg, self) {
  const url = new URL(self, location.origin).href;
  const subject = `Wegweiser: ${s.name} (${s.id})`;
  const body = `${t('reportBody')}\n\n${url}\n\n`;
  return `mailto:${encodeURIComponent(cfg.report_email).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

