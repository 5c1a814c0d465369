// The embed page (/embed?q=&topic=&area=&lang=): the widget as a page of its
// own, for sites that may frame Wegweiser but not run its script. It tells
// the framing page its height, so that the frame can fit it.
import { langOf, dirOf } from '/widget.js';

const KEYS = ['q', 'topic', 'area', 'group', 'language', 'limit'];
const params = new URLSearchParams(location.search);
// Without ?lang= the reader's browser languages decide, as on the main page.
const code = [params.get('lang'), ...navigator.languages].map(langOf).find(Boolean) || 'de';
document.documentElement.lang = code;
document.documentElement.dir = dirOf(code);

const widget = document.createElement('wegweiser-search');
for (const k of KEYS) if (params.get(k)) widget.setAttribute(k, params.get(k));
if (params.get('free')) widget.setAttribute('free', '');
widget.setAttribute('lang', code);
widget.setAttribute('target', '_top'); // a link opens Wegweiser in place of the framing page
document.getElementById('main').append(widget);

// Only a number leaves the frame: {type: 'wegweiser:height', height}.
if (window.parent !== window) {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'wegweiser:height', height }, '*');
  }).observe(document.documentElement);
}
