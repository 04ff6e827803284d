// The page: loads the engine (conscription_check_bg.wasm, next to this file) and renders the
// tool into <main id="cc-app">. The rendering itself lives in app-core.js, shared with the
// embeddable element and the offline single file.
import init, { assess, knowledge, convert } from "./conscription_check.js";
import { startPage } from "./app-core.js";

startPage(document.getElementById("cc-app"), () => init(), { assess, knowledge, convert });
