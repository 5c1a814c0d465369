// The embed builder (/embed-builder): a web editor picks language, topic,
// area and size, sees the live widget and copies the snippet (script or
// iframe). The page is in German, the language of the region's editors; the
// widget it builds speaks all ten.
import '/widget.js';
import { LANGS, NATIVE } from '../app/i18n.js';

const $ = (id) => document.getElementById(id);
const form = $('options');
const preview = $('preview');
const widget = document.createElement('wegweiser-search');
const frame = document.createElement('iframe');
frame.title = 'Vorschau: Wegweiser im iframe';

// Room for the search field and the results, per number of results: the
// frame's height until the page's script (if any) fits it.
const HEIGHT = { 3: 650, 5: 900, 10: 1500 };

async function options(id, path, label) {
  try {
    const res = await fetch(`/api/v1/${path}?lang=de`);
    const body = await res.json();
    for (const item of body[path]) $(id).append(new Option(item[label], item.id));
  } catch {
    $(id).append(new Option('(konnte nicht geladen werden)', '', false, false)); // the widget still works without
  }
}

function choice() {
  const f = new FormData(form);
  return {
    kind: f.get('kind'),
    attrs: [['lang', f.get('lang')], ['topic', f.get('topic')], ['area', f.get('area')], ['limit', f.get('limit')]]
      .filter(([, v]) => v),
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function embedURL(attrs) {
  return `${location.origin}/embed?${new URLSearchParams(attrs)}`.replace(/%2C/g, ',');
}

function snippet({ kind, attrs }) {
  if (kind === 'iframe') {
    const limit = attrs.find(([k]) => k === 'limit')?.[1] || '5';
    return `<iframe src="${esc(embedURL(attrs))}" title="Wegweiser: Beratung finden" width="100%" height="${HEIGHT[limit] || 900}" loading="lazy"></iframe>`;
  }
  const list = attrs.map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<script src="${location.origin}/widget.js" type="module"></script>\n<wegweiser-search${list}></wegweiser-search>`;
}

const resizeScript = () => `<script>
addEventListener('message', (e) => {
  if (e.origin !== '${location.origin}' || !e.data || e.data.type !== 'wegweiser:height') return;
  for (const f of document.querySelectorAll('iframe')) {
    if (f.contentWindow === e.source) f.height = String(Number(e.data.height) || f.height);
  }
});
</script>`;

function update() {
  const c = choice();
  $('snippet').value = snippet(c);
  $('snippet').rows = c.kind === 'iframe' ? 4 : 3;
  $('resize-box').hidden = c.kind !== 'iframe';
  $('resize').value = resizeScript();
  $('copied').textContent = '';
  if (c.kind === 'iframe') {
    const src = embedURL(c.attrs);
    if (frame.getAttribute('src') !== src) frame.src = src;
    if (preview.firstChild !== frame) preview.replaceChildren(frame);
    return;
  }
  // The same element stays, its attributes change: the widget re-renders.
  for (const k of ['lang', 'topic', 'area', 'limit']) {
    const v = c.attrs.find(([key]) => key === k)?.[1];
    if (v) widget.setAttribute(k, v);
    else widget.removeAttribute(k);
  }
  if (preview.firstChild !== widget) preview.replaceChildren(widget);
}

// The preview frame reports its height as any framing page would see it.
window.addEventListener('message', (e) => {
  if (e.origin === location.origin && e.source === frame.contentWindow && e.data?.type === 'wegweiser:height') {
    frame.height = String(e.data.height);
  }
});

$('copy').addEventListener('click', async () => {
  const box = $('snippet');
  try {
    await navigator.clipboard.writeText(box.value);
    $('copied').textContent = 'Der Code ist kopiert.';
  } catch {
    box.select(); // no clipboard access: the reader copies the selection
    $('copied').textContent = 'Der Code ist markiert: mit Strg+C (⌘+C) kopieren.';
  }
});

for (const code of LANGS) {
  const o = new Option(NATIVE[code], code);
  o.lang = code;
  $('b-lang').append(o);
}
form.addEventListener('change', update);
form.addEventListener('submit', (ev) => ev.preventDefault());
update();
await Promise.all([options('b-topic', 'topics', 'label'), options('b-area', 'areas', 'name')]);
