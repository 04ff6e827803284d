// The page (app.js and the offline single file): starts the engine and renders the tool.
import { pickLang, LOCALES } from "./i18n.js";
import { warmFormats } from "./format.js";
import { mountTool } from "./tool.js";
import { showLoadError } from "./loading.js";

/**
 * The page: starts the engine (load(lang) runs init or initSync, with the statement texts of
 * that language) and loads the interface texts of
 * the browser's language (texts: an i18n.js textStore), then renders the tool into main in that
 * language, keeping <html lang> and the title in step with the language menu.
 */
export async function startPage(main, load, api, texts) {
  const lang = pickLang(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
  try {
    const loading = Promise.all([load(lang), texts.load(lang)]);
    // While the engine and the texts are fetched: the formatters' set-up (format.js), in a task
    // of its own once the fetches have been sent.
    setTimeout(() => warmFormats(LOCALES[lang]), 0);
    await loading;
    if (api.loadLanguage) await api.loadLanguage(lang);
  } catch (e) {
    showLoadError(main, lang);
    console.error("conscription-check: the engine could not start", e);
    return null;
  }
  const follow = (tool) => {
    document.documentElement.lang = tool.lang;
    document.title = tool.t("title");
  };
  let tool = null;
  // The page's quick exit is in the static HTML (quick-exit.js); the tool tells it what to clear.
  const exit = typeof window !== "undefined" ? window.ccQuickExit : null;
  tool = mountTool(main, api, texts, {
    lang,
    headingLevel: 1,
    printHeader: true,
    stagedStart: true,
    externalExit: !!exit,
    onExitLabels: (label, hint, l) => exit?.label(label, hint, l),
    onCopied: () => exit?.copied(),
    onLangChange: () => tool && follow(tool),
    onQuickExit: () => {
      document.title = "";
      location.replace("about:blank");
    },
  });
  exit?.beforeExit(() => tool.clear());
  follow(tool);
  main.removeAttribute("aria-busy");
  return tool;
}
