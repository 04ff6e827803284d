// Builds dist/ from www/ and pkg/ (run by `make dist`, after `make pkg`):
//   dist/index.html, app.js, app-core.js, element.js, style.css, embed-demo.*  (copied from www/)
//   dist/conscription_check.js, conscription_check_glue.js, conscription_check_bg.wasm,
//   dist/texts/en.bin, fr, de, ru  (copied from pkg/; the page fetches the visitor's language)
//   dist/conscription-check.html   one file with everything inlined, for file:// and offline use
// Node only, no dependencies.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const pkg = join(root, "pkg");
const dist = join(root, "dist");
const ENTRY = "conscription_check.js"; // the package's entry (www/engine/), imports the glue
const GLUE = "conscription_check_glue.js"; // wasm-bindgen's glue
const WASM = "conscription_check_bg.wasm";

function fail(msg) {
  console.error(`build-dist: ${msg}`);
  process.exit(1);
}

const LANGS = ["en", "fr", "de", "ru"];
const TEXTS = LANGS.map((l) => `texts/${l}.bin`); // each language's texts (issue 15)
for (const f of [ENTRY, GLUE, WASM, ...TEXTS]) {
  if (!existsSync(join(pkg, f))) fail(`pkg/${f} is missing: run \`make pkg\` first`);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// 1. The page, the element and the demo, as they are (www/types/ is for developers, not served).
for (const name of readdirSync(www)) {
  const src = join(www, name);
  if (statSync(src).isDirectory()) continue;
  cpSync(src, join(dist, name));
}
// 2. The engine next to them: app.js and element.js import "./conscription_check.js", whose
//    glue fetches "./conscription_check_bg.wasm" relative to itself.
cpSync(join(pkg, ENTRY), join(dist, ENTRY));
cpSync(join(pkg, GLUE), join(dist, GLUE));
cpSync(join(pkg, WASM), join(dist, WASM));
mkdirSync(join(dist, "texts"));
for (const f of TEXTS) cpSync(join(pkg, f), join(dist, f));

// 3. The single file. ES module imports of other files don't work from file://, so the glue and
//    app-core.js become plain functions inside one inline module script, and the wasm and the
//    four languages' texts are base64 handed to initSync. The CSP allows exactly that script and that style, by their hashes.
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Turns an ES module without imports into a function body that returns its exports. */
function moduleAsFunction(source, file, exportsWanted) {
  if (/^\s*import\s/m.test(source)) fail(`${file} imports another module; the single file can't inline that`);
  let body = source
    .replace(/^export\s*\{[^}]*\};?\s*$/gm, "")
    .replace(/^export\s+default\s+/gm, "")
    .replace(/^export\s+(?=(async\s+)?function|const|let|class)/gm, "")
    .replace(/import\.meta\.url/g, "document.baseURI");
  if (/^\s*export\s/m.test(body)) fail(`${file}: an export form this build doesn't know`);
  for (const name of exportsWanted) {
    if (!new RegExp(`(function|const|let|class)\\s+${name}\\b`).test(body)) fail(`${file} has no ${name}`);
  }
  return `(() => {\n${body}\nreturn { ${exportsWanted.join(", ")} };\n})()`;
}

const glue = readFileSync(join(pkg, GLUE), "utf8");
const glueImport = 'import * as glue from "./conscription_check_glue.js";';
let entry = readFileSync(join(pkg, ENTRY), "utf8");
if (!entry.includes(glueImport)) fail(`${ENTRY} does not import the glue as \`${glueImport}\``);
entry = entry.replace(glueImport, () => `const glue = ${moduleAsFunction(glue, GLUE, ["initSync", "assessJson", "knowledgeJson", "convertJson", "loadTexts", "__ccModule", "__ccForgetInstance"])};`);
const core = readFileSync(join(www, "app-core.js"), "utf8");
const css = readFileSync(join(www, "style.css"), "utf8");
const wasmB64 = readFileSync(join(pkg, WASM)).toString("base64");
const textsB64 = Object.fromEntries(LANGS.map((l) => [l, readFileSync(join(pkg, `texts/${l}.bin`)).toString("base64")]));
const quickExit = readFileSync(join(www, "quick-exit.js"), "utf8");

const script = [
  "// conscription-check, offline single file: the engine (wasm-bindgen glue and the WebAssembly",
  "// module as base64) and the page (app-core.js), inlined. Nothing is loaded from anywhere.",
  `const engine = ${moduleAsFunction(entry, ENTRY, ["initSync", "assess", "knowledge", "convert", "loadLanguage", "isLanguageLoaded"])};`,
  `const core = ${moduleAsFunction(core, "app-core.js", ["startPage"])};`,
  `const wasmBase64 = "${wasmB64}";`,
  `const textsBase64 = ${JSON.stringify(textsB64)};`,
  "function bytesOf(base64) {",
  "  const bin = atob(base64);",
  "  const bytes = new Uint8Array(bin.length);",
  "  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);",
  "  return bytes;",
  "}",
  "const texts = () => Object.fromEntries(Object.entries(textsBase64).map(([l, b]) => [l, bytesOf(b)]));",
  "core.startPage(document.getElementById(\"cc-app\"), () => engine.initSync({ module: bytesOf(wasmBase64), texts: texts() }), engine);",
  "",
].join("\n");

if (/<\/script/i.test(script)) fail("the inlined script contains </script");
if (/<\/style/i.test(css)) fail("style.css contains </style");
if (/<\/script/i.test(quickExit)) fail("quick-exit.js contains </script");

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
];
for (const [pattern, replacement] of swaps) {
  if (!pattern.test(html)) fail(`www/index.html: expected ${pattern} (the single file is made from it)`);
  html = html.replace(pattern, replacement);
}
writeFileSync(join(dist, "conscription-check.html"), html);

// 4. Sizes.
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [...readdirSync(dist).filter((f) => f !== "texts"), ...TEXTS].sort().map((f) => [f, statSync(join(dist, f)).size]);
const width = Math.max(...rows.map(([f]) => f.length));
console.log(`built ${relative(root, dist)}/:`);
for (const [f, size] of rows) console.log(`  ${f.padEnd(width)}  ${kb(size).padStart(10)}`);
