// The map: two clicks for privacy. Nothing is loaded from the tile server
// until the reader asks for it, and only from the server the operator set.
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { ui } from './icons.js';
import { placeLine } from './contact.js';

const TEMPLATE = /^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/;

/** mapBox offers the map for locations; it loads Leaflet and tiles on click. */
export function mapBox(locations, cfg) {
  if (!TEMPLATE.test(cfg.tile_url || '')) return null;
  const host = new URL(cfg.tile_url.replace(/\{[^}]*\}/g, '0')).host;
  const box = h('div', { class: 'map-box' });
  const btn = h('button', { type: 'button', class: 'button' }, ui('map'), h('span', { text: t('showMap') }));
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      await leaflet();
      show(box, locations.filter((l) => l.lat !== undefined), cfg);
    } catch {
      replace(box, h('p', { class: 'notice', text: t('loadError') }));
    }
  });
  replace(box, h('p', { class: 'hint', text: t('mapPrivacy', { host }) }), btn);
  return box;
}

function show(box, locs, cfg) {
  const el = h('div', { class: 'map', role: 'region', 'aria-label': t('map') });
  replace(box, el, locs.some((l) => l.approximate) ? h('p', { class: 'hint', text: t('approximate') }) : null);
  const L = window.L;
  const map = L.map(el, { scrollWheelZoom: false });
  L.tileLayer(cfg.tile_url, { maxZoom: 19, attribution: cfg.tile_attribution || '' }).addTo(map);
  const points = locs.map((l) => {
    const label = placeLine(l);
    L.circleMarker([l.lat, l.lon], { radius: 9, weight: 3, color: '#0b5563', fillOpacity: 0.6 })
      .bindTooltip(h('span', { text: label })).addTo(map); // an element: Leaflet would parse a string as HTML
    return [l.lat, l.lon];
  });
  if (points.length === 1) map.setView(points[0], 16);
  else map.fitBounds(points, { padding: [30, 30] });
  el.focus?.();
}

let loading = null;

function leaflet() {
  loading ??= new Promise((resolve, reject) => {
    const css = h('link', { rel: 'stylesheet', href: new URL('../vendor/leaflet/leaflet.css', import.meta.url).href });
    const js = h('script', { src: new URL('../vendor/leaflet/leaflet.js', import.meta.url).href });
    js.onload = () => resolve();
    js.onerror = () => { loading = null; reject(new Error('leaflet')); };
    document.head.append(css, js);
  });
  return loading;
}
