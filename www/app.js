// The page: loads the engine (conscription_check_bg.wasm, next to this file) and renders the
// tool into <main id="cc-app">. The rendering itself lives in app-core.js, shared with the
// embeddable element and the offline single file.
import init, { assess, knowledge, convert, loadLanguage, isLanguageLoaded } from "./conscription_check.js";
import { startPage } from "./app-core.js";

// Only the visitor's language is fetched (texts/<lang>.bin), with the engine; others on demand.
startPage(document.getElementById("cc-app"), (lang) => init({ languages: [lang] }), { assess, knowledge, convert, loadLanguage, isLanguageLoaded });
