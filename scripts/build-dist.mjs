// Builds dist/ from www/ and pkg/ (run by `make dist`, after `make pkg`), with esbuild:
//   dist/app.js        the page: www/app.js, the tool's modules (www/app/) and the engine
//                      (pkg/), bundled and minified (ES module)
//   dist/element.js    the custom element: www/element.js, bundled the same way
//   dist/ui.en.json, ui.fr.json, ui.de.json, ui.ru.json
//                      the interface texts (data/texts/ui.toml), one file a language; the page
//                      and the element load the ones they use
//   dist/index.html, style.css, quick-exit.js, embed-demo.*               (copied from www/)
//   dist/conscription_check.js, conscription_check_glue.js, conscription_check_bg.wasm,
//   dist/texts/en.bin, fr, de, ru
//                      the package's files as they are, for `import "/conscription_check.js"`;
//                      the engine fetches the statement texts of the visitor's language (issue 15)
//   dist/conscription-check.html   one file with everything inlined, for file:// and offline use
//   dist/*.br, dist/*.gz  each text asset and the .wasm precompressed (brotli, gzip -9), for
//                      hosts that serve them (scripts/serve.mjs does)
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";
import { COMPRESSED } from "./serve.mjs";
import { LANGS, uiFileName, uiTexts } from "./ui-texts.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const pkg = join(root, "pkg");
const dist = join(root, "dist");
const ENTRY = "conscription_check.js"; // the package's entry (www/engine/), imports the glue
const GLUE = "conscription_check_glue.js"; // wasm-bindgen's glue
const WASM = "conscription_check_bg.wasm";
// Bundled from www/ instead of copied.
const BUNDLED = new Set(["app.js", "element.js"]);

function fail(msg) {
  console.error(`build-dist: ${msg}`);
  process.exit(1);
}

const TEXTS = LANGS.map((l) => `texts/${l}.bin`); // each language's texts (issue 15)
for (const f of [ENTRY, GLUE, WASM, ...TEXTS]) {
  if (!existsSync(join(pkg, f))) fail(`pkg/${f} is missing: run \`make pkg\` first`);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// 1. The static files as they are (www/app/ is bundled, www/engine/ and www/types/ are the
//    package's, not served).
for (const name of readdirSync(www)) {
  const src = join(www, name);
  if (statSync(src).isDirectory() || BUNDLED.has(name)) continue;
  cpSync(src, join(dist, name));
}
for (const f of [ENTRY, GLUE, WASM]) cpSync(join(pkg, f), join(dist, f));
mkdirSync(join(dist, "texts"));
for (const f of TEXTS) cpSync(join(pkg, f), join(dist, f));
const ui = uiTexts(root);
for (const lang of LANGS) writeFileSync(join(dist, uiFileName(lang)), JSON.stringify(ui[lang]));

// The page and the element import the engine as "./conscription_check.js", the file next to
// them once served; here it is the package's entry in pkg/.
const engineFromPkg = {
  name: "engine-from-pkg",
  setup(b) {
    b.onResolve({ filter: /^\.\/conscription_check\.js$/ }, () => ({ path: join(pkg, ENTRY) }));
  },
};
const common = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
  plugins: [engineFromPkg],
};

// 2. The page and the element. The glue fetches conscription_check_bg.wasm relative to
//    import.meta.url, which is dist/app.js or dist/element.js: the .wasm next to them.
await build({ ...common, entryPoints: { app: join(www, "app.js"), element: join(www, "element.js") }, outdir: dist });

// 3. The single file. ES module imports of other files don't work from file://, so everything
//    is one inline module script without imports (esbuild's bundle, written to memory), with
//    the wasm and the four languages' statement texts as base64 handed to initSync, and the
//    interface texts of all four languages. The CSP allows exactly that script, the quick exit
//    and the style, by their hashes.
const single = await build({
  ...common,
  write: false,
  outdir: dist,
  loader: { ".wasm": "base64", ".bin": "base64" },
  stdin: {
    resolveDir: www,
    sourcefile: "conscription-check.html.js",
    contents: [
      "// conscription-check, offline single file: the engine (wasm-bindgen glue, the WebAssembly",
      "// module and the statement texts as base64) and the page, inlined. Nothing is loaded from anywhere.",
      `import { initSync, assess, knowledge, convert, loadLanguage, isLanguageLoaded } from "./${ENTRY}";`,
      `import wasmBase64 from ${JSON.stringify(join(pkg, WASM))};`,
      ...LANGS.map((l) => `import texts_${l} from ${JSON.stringify(join(pkg, "texts", `${l}.bin`))};`),
      'import { startPage } from "./app/page.js";',
      'import { textStore } from "./app/i18n.js";',
      ...LANGS.map((l) => `import ui_${l} from ${JSON.stringify(join(dist, uiFileName(l)))};`),
      `const texts = textStore({ preloaded: { ${LANGS.map((l) => `${l}: ui_${l}`).join(", ")} } });`,
      "function bytesOf(base64) {",
      "  const bin = atob(base64);",
      "  const bytes = new Uint8Array(bin.length);",
      "  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);",
      "  return bytes;",
      "}",
      `const statementTexts = () => ({ ${LANGS.map((l) => `${l}: bytesOf(texts_${l})`).join(", ")} });`,
      'startPage(document.getElementById("cc-app"), () => initSync({ module: bytesOf(wasmBase64), texts: statementTexts() }), { assess, knowledge, convert, loadLanguage, isLanguageLoaded }, texts);',
    ].join("\n"),
  },
});
if (single.outputFiles.length !== 1) fail(`the single file's script came out as ${single.outputFiles.length} files`);
const script = single.outputFiles[0].text;
const css = readFileSync(join(www, "style.css"), "utf8");
const quickExit = readFileSync(join(www, "quick-exit.js"), "utf8");

if (/<\/script/i.test(script)) fail("the inlined script contains </script");
if (/<\/style/i.test(css)) fail("style.css contains </style");
if (/<\/script/i.test(quickExit)) fail("quick-exit.js contains </script");
if (/^\s*import\s/m.test(script)) fail("the inlined script still imports a module");

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} ${sha256(quickExit)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  "img-src data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

let html = readFileSync(join(www, "index.html"), "utf8");
const swaps = [
  [/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`],
  [/<link rel="stylesheet" href="style.css">/, () => `<style>${css}</style>`],
  [/<script type="module" src="app.js"><\/script>/, () => `<script type="module">${script}</script>`],
  [/<script src="quick-exit.js"><\/script>/, () => `<script>${quickExit}</script>`],
  // Preloads of the served page's files: everything is inline here.
  [/\n<link rel="(?:modulepreload|preload)" [^>]*>/g, ""],
  // The language files quick-exit.js preloads for the served page: inline here too.
  [/\n<meta name="cc-preload" [^>]*>/, ""],
];
for (const [pattern, replacement] of swaps) {
  if (!pattern.test(html)) fail(`www/index.html: expected ${pattern} (the single file is made from it)`);
  html = html.replace(pattern, replacement);
}
writeFileSync(join(dist, "conscription-check.html"), html);

// 4. Precompressed files: app.js.br and app.js.gz next to app.js, for each text asset and the
//    .wasm. Brotli at its best quality (text mode for text), gzip at level 9.
for (const f of [...readdirSync(dist), ...TEXTS]) {
  if (!COMPRESSED.some((ext) => f.endsWith(ext))) continue;
  const raw = readFileSync(join(dist, f));
  const text = !f.endsWith(".wasm") && !f.endsWith(".bin");
  writeFileSync(join(dist, `${f}.br`), brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  }));
  writeFileSync(join(dist, `${f}.gz`), gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }));
}

// 5. Sizes.
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const size = (f) => (existsSync(join(dist, f)) ? kb(statSync(join(dist, f)).size) : "");
const rows = [...readdirSync(dist).filter((f) => f !== "texts" && !/\.(br|gz)$/.test(f)), ...TEXTS].sort();
const width = Math.max(...rows.map((f) => f.length));
console.log(`built ${relative(root, dist)}/:${" ".repeat(Math.max(0, width - 10))}        raw        .gz        .br`);
for (const f of rows) console.log(`  ${f.padEnd(width)}  ${size(f).padStart(10)} ${size(`${f}.gz`).padStart(10)} ${size(`${f}.br`).padStart(10)}`);
