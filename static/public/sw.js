// Wegweiser's service worker: the page works offline once visited.
// server/static.go fills in the asset folder and the shell list at startup.
const BASE = '/assets/_/';
const SHELL = /*PRECACHE*/[];
const STATIC = `static-${BASE}`;
const DATA = 'data-v1';
const MAX_DATA = 150;

// The topics of every interface language (the tiles of the home page), so
// that a language chosen offline has them; the translations are in SHELL.
const LANGS = SHELL.map((u) => u.match(/\/i18n\/([a-z]+)\.json$/)?.[1]).filter(Boolean);
const TOPICS = LANGS.map((code) => `/api/v1/topics?lang=${code}`);

self.addEventListener('install', (ev) => {
  ev.waitUntil(caches.open(STATIC).then((c) => c.addAll(SHELL))
    .then(() => caches.open(DATA).then((c) => c.addAll(TOPICS)).catch(() => {})) // welcome, not required
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (ev) => {
  ev.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('static-') && k !== STATIC).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (ev) => {
  const req = ev.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate' && url.pathname === '/') ev.respondWith(page(req)); // not /embed, /embed-builder
  else if (url.pathname.startsWith(BASE)) ev.respondWith(asset(req));
  else if (url.pathname.startsWith('/api/v1/') && !url.pathname.startsWith('/api/v1/suggest')) ev.respondWith(data(req));
});

// Pages: fresh when online, the stored copy when not. The shell at / reads
// its state from the address, so one copy serves every view; other pages
// (the legal ones, the widget's) are kept under their own path.
async function page(req) {
  const path = new URL(req.url).pathname;
  try {
    const res = await fetch(req);
    if (res.ok && res.type === 'basic') (await caches.open(STATIC)).put(path, res.clone());
    return res;
  } catch {
    return (await caches.match(path, { cacheName: STATIC })) || Response.error();
  }
}

// Assets never change under their URL: the cache is always right.
async function asset(req) {
  const hit = await caches.match(req, { cacheName: STATIC });
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) (await caches.open(STATIC)).put(req, res.clone());
  return res;
}

// Answers of the API: fresh when online, the last one seen when not. This
// keeps the topics, searches and every service opened or saved.
async function data(req) {
  const cache = await caches.open(DATA);
  try {
    const res = await fetch(req);
    if (res.ok) {
      await cache.put(req, res.clone());
      trim(cache);
    }
    return res;
  } catch {
    return (await cache.match(req)) || Response.error();
  }
}

// trim keeps the newest answers; the topics of every language stay.
async function trim(cache) {
  const keys = (await cache.keys()).filter((k) => !TOPICS.includes(new URL(k.url).pathname + new URL(k.url).search));
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_DATA))) await cache.delete(k);
}
