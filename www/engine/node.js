// conscription-check for Node (the package's "node" export condition): the same API, already
// loaded from the conscription_check_bg.wasm file next to this one, so `import { assess } from
// "conscription-check"` is all a Node program needs. init() and initSync() do nothing more.
import { readFileSync } from "node:fs";
import { initSync } from "./conscription_check.js";

initSync({ module: readFileSync(new URL("./conscription_check_bg.wasm", import.meta.url)) });

export * from "./conscription_check.js";
export { default } from "./conscription_check.js";
