// CaseInput paths ("studies.fullTime", "summonses[0].date"): reading, setting and normalising
// them, and copying plain JSON values.

export function parsePath(path) {
  const out = [];
  for (const part of String(path).split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) { out.push(part); continue; }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Sets (or, with undefined, removes) a value; removes objects left empty, but not summonses. */
export function setPath(obj, path, value) {
  const keys = parsePath(path);
  const chain = [obj];
  let o = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (o[k] == null || typeof o[k] !== "object") {
      if (value === undefined) return;
      o[k] = typeof keys[i + 1] === "number" ? [] : {};
    }
    o = o[k];
    chain.push(o);
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  for (let i = keys.length - 1; i > 0; i--) {
    const parent = chain[i - 1];
    const node = chain[i];
    if (Array.isArray(parent) || Array.isArray(node)) break;
    if (Object.keys(node).length === 0) delete parent[keys[i - 1]];
    else break;
  }
}

/** The value at a path, or undefined. */
export const get = (obj, path) => parsePath(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
export const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
export const isoDate = /^\d{4}-\d{2}-\d{2}$/;
export const normPath = (path) => String(path).replace(/\[\d+\]/g, "");
