// Makes pkg/ the package a JavaScript developer installs. Run by scripts/build-pkg.sh after
// wasm-pack (which leaves wasm-bindgen's glue in pkg/conscription_check.js):
//   conscription_check_glue.js  wasm-bindgen's glue, internal, plus two helpers the entry needs
//                               to replace a broken instance (__ccModule, __ccForgetInstance)
//   conscription_check.js       the entry (www/engine/): size checks, JSON in its own try,
//                               recovery, isAssessError, reset
//   node.js                     the "node" condition: loads the adjacent .wasm and texts by itself
//   texts/en.bin, fr, de, ru    each language's texts (build-pkg.sh copies them from build.rs's
//                               output); the entry loads those of the languages in use
//   conscription_check.d.ts     www/types/api.d.ts (needs no DOM lib)
//   element.js, style.css, element.d.ts, ui.<lang>.json   the custom element (./element): www/element.js and
//                               the tool's modules (www/app/) bundled by esbuild, importing the
//                               engine from ./conscription_check.js
//   case-input.schema.json, README.md (www/engine/README.md), LICENSE-MIT, LICENSE-APACHE
//   package.json                exports map, files, metadata, version from Cargo.toml
import { readFileSync, writeFileSync, copyFileSync, existsSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { build } from "esbuild";
import { LANGS, uiFileName, uiTexts } from "./ui-texts.mjs";

const fail = (msg) => {
  throw new Error(`finish-pkg: ${msg}`);
};
// The package's fields as Cargo reads them (not a regex over Cargo.toml).
const meta = JSON.parse(execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"], { encoding: "utf8", maxBuffer: 16 << 20 }));
const crate = meta.packages.find((p) => p.name === "conscription-check") || fail("cargo metadata lists no conscription-check");
const field = (k) => crate[k] ?? fail(`Cargo.toml has no ${k}`);

// 1. The glue becomes internal; the entry can forget its instance and make a new one from
//    the same compiled module.
let glue = readFileSync("pkg/conscription_check.js", "utf8");
if (!/^let wasmModule, wasmInstance, wasm;$/m.test(glue)) fail("the wasm-bindgen glue changed shape: no `let wasmModule, wasmInstance, wasm;`");
if (!/^let __wbg_init_promise;$/m.test(glue)) fail("the wasm-bindgen glue changed shape: no `let __wbg_init_promise;`");
for (const name of ["assessJson", "sourcesJson", "knowledgeJson", "convertJson", "loadTexts"]) {
  if (!new RegExp(`^export function ${name}\\(`, "m").test(glue)) fail(`the glue has no ${name}`);
}
const caches = [...glue.matchAll(/^let (cached\w+) = null;$/gm)].map((m) => m[1]);
if (!caches.length) fail("the glue has no memory caches (cached…Memory0)");
if (/@ts-self-types/.test(glue)) fail("the glue points at generated declarations: build with --no-typescript");
glue += `
// Added by scripts/finish-pkg.mjs for the entry (conscription_check.js): the compiled module,
// and forgetting the current instance so that initSync makes a fresh one.
export function __ccModule() {
    return wasmModule;
}
export function __ccForgetInstance() {
    wasm = undefined;
    wasmInstance = undefined;
    __wbg_init_promise = undefined;
${caches.map((c) => `    ${c} = null;`).join("\n")}
}
`;
writeFileSync("pkg/conscription_check_glue.js", glue);
rmSync("pkg/conscription_check.js");
rmSync("pkg/.gitignore", { force: true });

// 2. The entry, the Node entry, the declarations, the element, the schema, the texts.
const copies = [
  ["www/engine/conscription_check.js", "conscription_check.js"],
  ["www/engine/node.js", "node.js"],
  ["www/types/api.d.ts", "conscription_check.d.ts"],
  ["www/types/element.d.ts", "element.d.ts"],
  ["www/style.css", "style.css"],
  ["www/types/case-input.schema.json", "case-input.schema.json"],
  ["www/engine/README.md", "README.md"],
  ["LICENSE-MIT", "LICENSE-MIT"],
  ["LICENSE-APACHE", "LICENSE-APACHE"],
];
for (const [from, to] of copies) {
  if (!existsSync(from)) fail(`${from} is missing`);
  copyFileSync(from, `pkg/${to}`);
}

// The element with the tool's modules in one file (not minified: a developer may read it); the
// engine stays the package's own entry, next to it.
await build({
  entryPoints: ["www/element.js"],
  outfile: "pkg/element.js",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  charset: "utf8",
  external: ["./conscription_check.js"],
  banner: { js: "// <conscription-check>, the custom element (www/element.js and the tool's modules in www/app/,\n// bundled): attributes, properties, events and theming in README.md and element.d.ts." },
  logLevel: "warning",
});

// Its interface texts, one file a language (data/texts/ui.toml; the element loads the ones it uses).
const ui = uiTexts(".");
for (const lang of LANGS) writeFileSync(`pkg/${uiFileName(lang)}`, JSON.stringify(ui[lang]));

const repository = field("repository");
const pkg = {
  name: "conscription-check",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  repository: { type: "git", url: `git+${repository}.git` },
  homepage: repository,
  type: "module",
  main: "conscription_check.js",
  module: "conscription_check.js",
  types: "conscription_check.d.ts",
  exports: {
    ".": {
      types: "./conscription_check.d.ts",
      node: "./node.js",
      import: "./conscription_check.js",
      default: "./conscription_check.js",
    },
    "./element": { types: "./element.d.ts", default: "./element.js" },
    "./style.css": "./style.css",
    ...Object.fromEntries(LANGS.map((l) => [`./${uiFileName(l)}`, `./${uiFileName(l)}`])),
    "./case-input.schema.json": "./case-input.schema.json",
    "./conscription_check_bg.wasm": "./conscription_check_bg.wasm",
    "./texts/*.bin": "./texts/*.bin",
    "./package.json": "./package.json",
  },
  files: [
    "conscription_check_bg.wasm",
    "texts/en.bin",
    "texts/fr.bin",
    "texts/de.bin",
    "texts/ru.bin",
    "conscription_check_glue.js",
    "conscription_check.js",
    "conscription_check.d.ts",
    "node.js",
    "element.js",
    "element.d.ts",
    ...LANGS.map(uiFileName),
    "style.css",
    "case-input.schema.json",
    "README.md",
    "LICENSE-MIT",
    "LICENSE-APACHE",
  ],
  // Importing the element defines <conscription-check>; everything else only exports.
  sideEffects: ["./element.js"],
  engines: { node: ">=18" },
  keywords: ["conscription", "russia", "asylum", "refugee", "wasm", "webassembly", "custom-element", "country-of-origin-information"],
};
for (const f of pkg.files) if (!existsSync(`pkg/${f}`)) fail(`pkg/${f} is listed in files but missing`);
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
