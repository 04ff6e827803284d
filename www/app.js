// The page: loads the engine (conscription_check_bg.wasm, next to this file) and renders the
// tool into <main id="cc-app">. The tool itself lives in app/ (app/tool.js and the modules it
// uses), shared with the embeddable element and the offline single file. `make dist` bundles
// this file and everything it imports into dist/app.js (scripts/build-dist.mjs, esbuild).
import init, { assess, knowledge, convert } from "./conscription_check.js";
import { startPage } from "./app/page.js";
import { textStore } from "./app/i18n.js";

// The interface texts of each language are ui.<lang>.json, next to this file once built.
const texts = textStore({ url: (lang) => new URL(`./ui.${lang}.json`, import.meta.url) });
startPage(document.getElementById("cc-app"), () => init(), { assess, knowledge, convert }, texts);
