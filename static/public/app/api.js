// The HTTP API (docs/api.md). Every call carries the interface language.
import { lang } from './i18n.js';

/**
 * ApiError is a failed call; status 0 means the network failed. A 400 names
 * the parameter that is wrong (and, for a filter, the value): the link asks
 * for something that does not exist, which no retry mends.
 */
export class ApiError extends Error {
  constructor(status, message, { parameter = '', value = '' } = {}) {
    super(message);
    Object.assign(this, { status, parameter, value });
  }
}

/** get fetches /api/v1/<path> with params (arrays repeat the key). */
export async function get(path, params = {}, { signal } = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries({ lang: lang(), ...params })) {
    for (const one of [].concat(v)) if (one !== '' && one !== undefined && one !== null) qs.append(k, one);
  }
  let res;
  try {
    res = await fetch(`/api/v1/${path}?${qs}`, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, err.message);
  }
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new ApiError(res.status, body.error?.message || res.statusText, body.error || {});
  }
  return res.json();
}

const ID = /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/;

/** isServiceID tells whether id looks like "organization/service". */
export const isServiceID = (id) => typeof id === 'string' && ID.test(id);

/** service fetches one service in the interface language or in code. */
export function service(id, code = lang()) {
  if (!isServiceID(id)) return Promise.reject(new ApiError(404, 'bad id'));
  return get(`services/${id}`, { lang: code });
}

const memo = new Map();

/** once fetches a vocabulary (topics, groups, areas, config) once per language. */
export function once(path) {
  const key = `${path}|${lang()}`;
  if (!memo.has(key)) {
    memo.set(key, get(path).catch((err) => { memo.delete(key); throw err; }));
  }
  return memo.get(key);
}

/** config returns the operator settings; a server without them means "none". */
export async function config() {
  try { return await once('config'); } catch { return {}; }
}
