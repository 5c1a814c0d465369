// The dates of contact facts ("Telefon, Stand 2016") and the notice for an
// organization whose existence was last confirmed long ago. A fact's date is
// the date of the source that states it; "unknown" when no source gives one.
import { h } from './dom.js';
import { t } from './i18n.js';

const year = (ymd) => (ymd || '').slice(0, 4);

/** asOf returns "Stand 2016", or "Stand unbekannt" for an undated fact. */
export const asOf = (ymd, tl = t) => (ymd ? tl('asOf', { year: year(ymd) }) : tl('asOfUnknown'));

/** asOfTag renders asOf as a small marked span to put beside a fact. */
export const asOfTag = (ymd, tl = t) => h('span', { class: ymd ? 'as-of' : 'as-of unknown' }, ` (${asOf(ymd, tl)})`);

/** unconfirmed tells whether a service or result belongs to an organization that may be gone. */
export const unconfirmed = (s) => Boolean(s.unconfirmed || s.organization?.status === 'unconfirmed');

/** unconfirmedNotice renders the notice for an organization last confirmed long ago, or null. */
export function unconfirmedNotice(s, tl = t) {
  if (!unconfirmed(s)) return null;
  const confirmed = s.organization?.confirmed;
  return h('p', { class: 'callout unconfirmed', role: 'note' }, tl('unconfirmedNotice', { year: year(confirmed) || '?' }));
}

const CHANNEL_KEYS = {
  'in-person': 'channelInPerson', phone: 'channelPhone', email: 'channelEmail', chat: 'channelChat',
  video: 'channelVideo', form: 'channelForm', outreach: 'channelOutreach',
};

/** channelsText lists how a service is reached: "in person, phone, chat". */
export const channelsText = (s, tl = t, separator = ', ') => (s.channels || [])
  .filter((c) => CHANNEL_KEYS[c]).map((c) => tl(CHANNEL_KEYS[c])).join(separator);

/** shownDates returns the dates of the phone, e-mail, website and booking page a service shows. */
export function shownDates(s) {
  const c = s.contact || {};
  const org = s.organization || {};
  return {
    phone: c.phone ? c.phone_as_of : org.phones?.[0]?.as_of,
    email: c.email ? c.email_as_of : org.email_as_of,
    web: c.url ? c.url_as_of : org.website_as_of,
    booking: c.booking_url_as_of,
  };
}
