// Small helpers to build DOM nodes without innerHTML, so that record texts
// can never become markup (the API's snippets are the one exception).

/**
 * h builds an element. attrs: class, text, on{Event} handlers, boolean or
 * string attributes (false/null/undefined are left out). Children may be
 * nodes, strings, arrays or falsy (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** s builds an SVG element. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false || c === '') continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

/** clear removes all children of el and appends the new ones. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** highlighted turns an API snippet (escaped text plus <mark>) into nodes. */
export function highlighted(html) {
  const out = [];
  const re = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const m of html.matchAll(re)) {
    out.push(unescape(html.slice(last, m.index)), h('mark', { text: unescape(m[1]) }));
    last = m.index + m[0].length;
  }
  out.push(unescape(html.slice(last)));
  return out;
}

function unescape(text) {
  const t = document.createElement('textarea');
  t.innerHTML = text; // a textarea never parses tags: this only decodes entities
  return t.value;
}
