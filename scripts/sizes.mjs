// Sizes, shared by `make bench` (bench/run.mjs) and the budget check of `make test`
// (scripts/budget.mjs). Everything here is deterministic: the same files give the same bytes.
//
//   gzip: zlib level 9 (what a static server with precompressed files, or `gzip -9`, serves);
//         each file is compressed on its own, as a server sends it.
//   knowledge-text floor: every text the tool can say, in the four languages — the `en`, `fr`,
//         `de`, `ru` values of every entry in data/**/*.toml (statements, texts, glossary terms,
//         disagreements) — concatenated per language (all English, then French, German,
//         Russian; the layout the engine compiles in) and gzipped. No encoding of the same
//         texts can be expected to ship in much less.
//   the page as served: dist/index.html and everything it loads, found by following the
//         markup's src/href and the scripts' imports, plus the .wasm the glue fetches and the
//         interface texts of one language (ui.en.json).
import { gzipSync, constants } from "node:zlib";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse as parseToml } from "smol-toml";

export const LANGS = ["en", "fr", "de", "ru"];
export const KB = 1024;

/** gzip -9 size of a buffer or string. */
export function gzipSize(data) {
  return gzipSync(typeof data === "string" ? Buffer.from(data) : data, { level: constants.Z_BEST_COMPRESSION }).length;
}

/** Raw and gzip size of a file. */
export function fileSize(path) {
  const b = readFileSync(path);
  return { raw: b.length, gzip: gzipSize(b) };
}

function tomlFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tomlFiles(p));
    else if (e.name.endsWith(".toml")) out.push(p);
  }
  return out;
}

/**
 * Every text of the knowledge base by language: { en: [...], fr: [...], de: [...], ru: [...] },
 * in file order (data/**\/*.toml sorted by path), read with smol-toml: the string values of
 * `en`, `fr`, `de`, `ru` keys anywhere in a file — the texts of [[statement]], [[text]],
 * [[term]], [[disagreement]] entries; not the glossary's `match` stems (build-time checks, not
 * texts).
 */
export function knowledgeTexts(dataDir) {
  const texts = { en: [], fr: [], de: [], ru: [] };
  const walk = (node) => {
    if (Array.isArray(node)) {
      for (const x of node) walk(x);
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === "string" && k in texts) texts[k].push(v);
        else if (k !== "match") walk(v);
      }
    }
  };
  for (const file of tomlFiles(dataDir)) {
    try {
      walk(parseToml(readFileSync(file, "utf8")));
    } catch (e) {
      throw new Error(`scripts/sizes.mjs: ${relative(process.cwd(), file)}: ${e.message}`);
    }
  }
  return texts;
}

/** The knowledge-text floor: count, raw bytes and gzip bytes of all texts in four languages. */
export function knowledgeFloor(dataDir) {
  const texts = knowledgeTexts(dataDir);
  const blob = Buffer.from(LANGS.map((l) => texts[l].join("")).join(""));
  const perLang = Object.fromEntries(LANGS.map((l) => [l, gzipSize(texts[l].join(""))]));
  return { texts: LANGS.reduce((n, l) => n + texts[l].length, 0), raw: blob.length, gzip: gzipSize(blob), gzipPerLanguage: perLang };
}

// Local references of a piece of markup or script (relative URLs only: nothing external).
function references(file, text) {
  const refs = new Set();
  const local = (u) => u && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(u);
  if (file.endsWith(".html")) {
    for (const m of text.matchAll(/<(?:script|link|img|source|iframe)\b[^>]*?\s(?:src|href)\s*=\s*["']([^"']+)["']/gi)) {
      if (local(m[1])) refs.add(m[1]);
    }
    // Inline module scripts import too.
    for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) for (const r of references("inline.js", m[1])) refs.add(r);
  } else if (file.endsWith(".js") || file.endsWith(".mjs")) {
    const patterns = [
      /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g, // import … from "x", import "x"
      /\bexport\s*[\w*{}\s,$]*\s*from\s*["']([^"']+)["']/g, // export … from "x"
      /\bimport\(\s*["']([^"']+)["']\s*\)/g, // import("x")
      /\bnew\s+URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g, // new URL("x", import.meta.url)
    ];
    for (const re of patterns) for (const m of text.matchAll(re)) if (local(m[1])) refs.add(m[1]);
  } else if (file.endsWith(".css")) {
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/g)) {
      const u = m[1] || m[2];
      if (local(u) && !u.startsWith("data:")) refs.add(u);
    }
  }
  return [...refs];
}

/**
 * The page as served from `dir`: the entry (index.html) and every file it loads, transitively.
 * Returns [{ path (relative to dir), raw, gzip }] in discovery order, and the references that
 * point at no file (missing).
 */
export function pageFiles(dir, entry = "index.html") {
  const root = resolve(dir);
  const seen = new Map();
  const missing = [];
  const queue = [join(root, entry)];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    if (!existsSync(file) || !statSync(file).isFile()) {
      missing.push(relative(root, file));
      continue;
    }
    const buf = readFileSync(file);
    seen.set(file, { path: relative(root, file), raw: buf.length, gzip: gzipSize(buf) });
    if (/\.(html|m?js|css)$/.test(file)) {
      for (const r of references(file, buf.toString("utf8"))) {
        const clean = r.split(/[?#]/)[0];
        const target = clean.startsWith("/") ? join(root, clean) : resolve(dirname(file), clean);
        if (target.startsWith(root)) queue.push(target);
      }
    }
  }
  return { files: [...seen.values()], missing };
}

/** Sums of raw and gzip over files. */
export function total(files) {
  return files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
}

/** The budgets of issue 6, from the floor. */
export function budgets(floorGzip) {
  return {
    wasmAndGlueGzip: Math.floor(1.5 * floorGzip + 20 * KB),
    pageGzipTarget: 120 * KB,
  };
}

/**
 * A wasm module's sections: { code: {raw, gzip}, data: {raw, gzip}, other: {raw, gzip} } —
 * the instructions, the static data (mostly the texts), and the rest (types, imports, exports,
 * names…). Each part gzipped on its own, so the parts don't add up to the file's gzip size.
 */
export function wasmSections(buf) {
  const parts = { code: [], data: [], other: [] };
  let i = 8;
  const leb = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++];
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return n;
    }
  };
  while (i < buf.length) {
    const id = buf[i++];
    const len = leb();
    const body = buf.subarray(i, i + len);
    (id === 10 ? parts.code : id === 11 ? parts.data : parts.other).push(body);
    i += len;
  }
  const size = (list) => {
    const b = Buffer.concat(list);
    return { raw: b.length, gzip: gzipSize(b) };
  };
  return { code: size(parts.code), data: size(parts.data), other: size(parts.other) };
}

/** Every size the bench and the budget check report, for the repository at `root`. */
export function measureSizes(root) {
  const p = (...x) => join(root, ...x);
  const out = { gzipLevel: 9 };
  out.floor = knowledgeFloor(p("data"));
  const wasm = p("pkg", "conscription_check_bg.wasm");
  // The JS that loads it: the package's entry and wasm-bindgen's glue it imports.
  const glue = [p("pkg", "conscription_check.js"), p("pkg", "conscription_check_glue.js")];
  out.wasm = existsSync(wasm) ? { ...fileSize(wasm), sections: wasmSections(readFileSync(wasm)) } : null;
  out.glue = glue.every((f) => existsSync(f))
    ? glue.map(fileSize).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }))
    : null;
  out.wasmAndGlue = out.wasm && out.glue ? { raw: out.wasm.raw + out.glue.raw, gzip: out.wasm.gzip + out.glue.gzip } : null;
  if (existsSync(p("dist", "index.html"))) {
    const page = pageFiles(p("dist"));
    // The interface texts of the page's language: their file name is made at run time
    // (ui.<lang>.json), so no reference leads to it. Counted for one language, English.
    const ui = p("dist", "ui.en.json");
    if (existsSync(ui)) page.files.push({ path: "ui.en.json", ...fileSize(ui) });
    else page.missing.push("ui.en.json");
    out.page = { ...total(page.files), files: page.files, missing: page.missing };
  } else {
    out.page = null;
  }
  const single = p("dist", "conscription-check.html");
  out.singleFile = existsSync(single) ? fileSize(single) : null;
  out.budgets = budgets(out.floor.gzip);
  return out;
}
