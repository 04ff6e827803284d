// conscription-check for Node (the package's "node" export condition): the same API, already
// loaded from the conscription_check_bg.wasm file next to this one, with the texts of all four
// languages (texts/*.bin), so `import { assess } from "conscription-check"` is all a Node
// program needs. init(), initSync() and loadLanguage() do nothing more.
import { readFileSync } from "node:fs";
import { initSync } from "./conscription_check.js";

const file = (name) => readFileSync(new URL(name, import.meta.url));
initSync({
  module: file("./conscription_check_bg.wasm"),
  texts: { en: file("./texts/en.bin"), fr: file("./texts/fr.bin"), de: file("./texts/de.bin"), ru: file("./texts/ru.bin") },
});

export * from "./conscription_check.js";
export { default } from "./conscription_check.js";
