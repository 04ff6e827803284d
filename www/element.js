// <conscription-check>: the whole tool as a custom element, for counselling services' websites.
//
//   <script type="module" src="/path/to/element.js"></script>
//   <conscription-check lang="de"></conscription-check>
//
// Copy element.js, style.css, conscription_check_bg.wasm and ui.en.json, ui.fr.json,
// ui.de.json, ui.ru.json (the interface texts, one file a language, loaded as needed) from
// dist/ (element.js there is bundled with the engine and the tool's modules) to one folder of
// your site, or import "conscription-check/element" from the npm package; nothing is loaded
// from anywhere else. Your Content-Security-Policy needs script-src 'self' 'wasm-unsafe-eval'
// and connect-src 'self' (for the .wasm, the .css and the texts);
// when it blocks the engine, the element says that the page's security policy did, and which
// directive.
//
// The tool renders in a shadow root: your page's styles don't reach in, and its styles don't
// leak out. The root is closed by default, so your page's scripts (analytics, session replay)
// cannot read the answers through element.shadowRoot; shadow="open" opens it, e.g. for tests.
// The tool itself sends nothing anywhere; it says so, and that your page is responsible for
// its own scripts.
//
// Attributes
//   lang            "en" | "fr" | "de" | "ru" (also "de-CH" etc.). Default: the browser's
//                   language. Changing it re-renders the tool in that language; the language
//                   menu inside the tool updates it in turn.
//   memo-lang       the language of the memo (the copied summary and the print), "en" | "fr" |
//                   "de" | "ru"; default: the form's. The page's memo-language menu updates it.
//   as-of           YYYY-MM-DD: the day the law and his age are evaluated for (default: today).
//   heading-level   level of the tool's top heading, 1–4 (default 2: your page keeps its own h1).
//   shadow          "open" renders into an open shadow root; anything else, or no attribute,
//                   a closed one (the default). Read when the element is first connected.
//   share-statuses  when present, cc-assessed carries the statuses and change the assessment
//                   (see Events), and the case property can be read; without it, events carry
//                   only { lang } and case reads null, so your page learns nothing about the
//                   person's situation.
// Properties
//   case            get/set the CaseInput (API.md). Get needs share-statuses (else null); set
//                   replaces the answers, throws the engine's AssessError for a refused case.
//   language        the tool's current language, or null before it is ready.
// Every attribute may change at any moment, also while the engine is still loading: the tool
// shows what the attributes say when it appears, and follows them afterwards.
//
// Theming: CSS custom properties set on the element (or inherited from your page)
//   --cc-font         font family             (default: system-ui stack)
//   --cc-font-size    base font size          (default 16px)
//   --cc-fg           text colour             (default #1b1f24)
//   --cc-bg           background              (default #ffffff)
//   --cc-muted        secondary text          (default #4d5866)
//   --cc-accent       buttons, links, borders (default #1d4f7c)
//   --cc-accent-fg    text on accent          (default #ffffff)
//   --cc-border       lines                   (default #c4ccd6)
//   --cc-focus        focus outline           (default #b3560b)
//   --cc-radius       corner radius           (default 6px)
//   --cc-max-width    maximum width           (default 80rem)
// Keep text/background contrast at 4.5:1 or more when you change colours.
//
// Events (bubbling, composed; detail never holds an answer the user gave)
//   cc-ready        { lang, knowledgeVersion, reportDate }  the tool is on screen
//   cc-assessed     { lang } after every change of an answer that gave a result; with the
//                   share-statuses attribute also what the tool concluded: { lang, asOf,
//                   deferral, restrictions, returnRisk, deployment, payment,
//                   penalties: { "cao-21-5": "likely", … }, missingFacts: <count> }
//                   (conclusions can reveal a person's situation: opt in only if you need them)
//   change          { lang } after every change that gave a result; with share-statuses also
//                   { lang, assessment }: the whole Assessment (API.md), which holds the answers
//                   its findings rest on (because[]), so opt in only if you need it
//   cc-lang-change  { lang }                                  the language changed
//   cc-quick-exit   (cancelable) the user pressed "Quick exit" or Esc twice; the form and the
//                   tool's clipboard copy are emptied, then, unless you call preventDefault(),
//                   the tab is replaced by a blank page (about:blank, location.replace).
import init, { assess, knowledge, convert } from "./conscription_check.js";
import { mountTool } from "./app/tool.js";
import { pickLang, langOf, textStore } from "./app/i18n.js";
import { showLoadError, showLoadingExit } from "./app/loading.js";

const api = { assess, knowledge, convert };
const here = import.meta.url;
let engine = null;
let sheet = null;
// The interface texts of each language (ui.<lang>.json next to this file), loaded when an
// element first needs the language and shared by every element on the page.
// (import.meta.url written out, so that bundlers see the files this refers to.)
const texts = textStore({ url: (lang) => new URL(`./ui.${lang}.json`, import.meta.url) });

// Content-Security-Policy violations on this page (the browser reports them as events, a
// little after the load fails): the directive that blocked the engine or the stylesheet.
const blocked = [];
if (typeof document !== "undefined") {
  document.addEventListener("securitypolicyviolation", (e) => {
    const uri = String(e.blockedURI || "");
    if (uri === "wasm-eval" || uri === "eval" || uri.startsWith(new URL(".", here).href)) {
      blocked.push(e.effectiveDirective || e.violatedDirective || "script-src");
    }
  });
}

async function blockedBy(error) {
  await new Promise((r) => setTimeout(r, 100));
  if (blocked.length) return blocked[0];
  return /content security policy/i.test(String(error && error.message)) ? "script-src" : null;
}

// One engine and one stylesheet for every element on the page.
function loadEngine() {
  engine ??= init().catch((e) => {
    engine = null; // a later element may try again
    throw e;
  });
  return engine;
}

function loadSheet() {
  sheet ??= (async () => {
    const res = await fetch(new URL("./style.css", here));
    if (!res.ok) throw new Error(`style.css: HTTP ${res.status}`);
    const s = new CSSStyleSheet();
    s.replaceSync(await res.text());
    return s;
  })().catch((e) => {
    sheet = null;
    throw e;
  });
  return sheet;
}

const browserLang = () => pickLang(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export class ConscriptionCheckElement extends HTMLElement {
  static get observedAttributes() {
    return ["lang", "memo-lang", "as-of", "heading-level"];
  }

  constructor() {
    super();
    this._root = null;
    this._tool = null;
    this._started = false;
    this._reflecting = false;
  }

  connectedCallback() {
    if (this._started) return;
    this._started = true;
    // Closed unless the host asks for an open root; kept privately either way.
    this._root = this.attachShadow({ mode: this.getAttribute("shadow") === "open" ? "open" : "closed" });
    this._start();
  }

  /**
   * The case (a CaseInput, API.md). Reading it gives the person's answers to your page's
   * scripts, so it needs the share-statuses attribute (else null, as before the tool is ready).
   * Setting it replaces the answers (also before the tool is ready: they are filled in when it
   * appears); a case the engine refuses throws its AssessError and changes nothing.
   */
  get case() {
    if (!this.hasAttribute("share-statuses")) return null;
    if (this._tool) return this._tool.getCase();
    return this._pendingCase === undefined ? null : JSON.parse(JSON.stringify(this._pendingCase));
  }

  set case(input) {
    if (this._tool) this._tool.setCase(input);
    else this._pendingCase = input == null ? {} : JSON.parse(JSON.stringify(input));
  }

  /** The tool's current language ("en" | "fr" | "de" | "ru"), or null before it is ready. */
  get language() {
    return this._tool ? this._tool.lang : null;
  }

  async _start() {
    const root = this._root;
    // Quick exit while the engine loads (its labels can't come from the engine yet).
    showLoadingExit(root, this._wantedLang().lang, () => {
      if (this._emit("cc-quick-exit", null, true)) location.replace("about:blank");
    });
    try {
      const [, s] = await Promise.all([loadEngine(), loadSheet(), this._loadLangs()]);
      root.adoptedStyleSheets = [s];
      // The attributes may have changed while this loaded: until what they ask for now is there.
      while (!this._langsLoaded()) await this._loadLangs();
    } catch (e) {
      const policy = await blockedBy(e);
      showLoadError(root, this._wantedLang().lang, policy);
      console.error("conscription-check: the engine could not start", e);
      return;
    }
    // The attributes as they are now: they may have changed while the engine loaded.
    const wanted = this._wantedLang();
    this._tool = mountTool(root, api, texts, {
      lang: wanted.lang,
      memoLang: langOf(this.getAttribute("memo-lang") || ""),
      notice: wanted.notice,
      asOf: this._asOf(),
      headingLevel: this._headingLevel(),
      embedded: true,
      onEvent: (name, detail, result) => this._emit(name, detail, false, result),
      onLangChange: (lang) => {
        // The language menu inside the tool: reflect it on the attribute without re-rendering.
        this._reflecting = true;
        this.setAttribute("lang", lang);
        this._reflecting = false;
      },
      onMemoLangChange: (lang) => {
        this._reflecting = true;
        this.setAttribute("memo-lang", lang);
        this._reflecting = false;
      },
      onQuickExit: () => {
        if (this._emit("cc-quick-exit", null, true)) location.replace("about:blank");
      },
    });
    if (this._pendingCase !== undefined) {
      const pending = this._pendingCase;
      this._pendingCase = undefined;
      try {
        this._tool.setCase(pending);
      } catch (e) {
        console.error("conscription-check: the case set before the tool was ready was refused", e);
      }
    }
  }

  attributeChangedCallback(name, old, value) {
    // Before the tool is there, nothing to do: _start reads the attributes when it mounts.
    if (this._reflecting || !this._tool || old === value) return;
    const tool = this._tool;
    if (name === "lang") {
      const wanted = this._wantedLang();
      tool.opts.notice = wanted.notice;
      tool.changeLang(wanted.lang, { silent: true });
    } else if (name === "memo-lang") {
      tool.setMemoLang(langOf(value || ""));
    } else if (name === "as-of") {
      tool.asOf = this._asOf();
      tool.build();
    } else if (name === "heading-level") {
      tool.opts.headingLevel = this._headingLevel();
      tool.build();
    }
  }

  /** The languages the attributes ask for now: the form's and the memo's. */
  _langs() {
    const memo = langOf(this.getAttribute("memo-lang") || "");
    return [this._wantedLang().lang, ...(memo ? [memo] : [])];
  }

  _langsLoaded() {
    return this._langs().every((l) => texts.get(l));
  }

  _loadLangs() {
    return Promise.all(this._langs().map((l) => texts.load(l)));
  }

  _headingLevel() {
    const level = Number(this.getAttribute("heading-level"));
    return Number.isInteger(level) && level >= 1 && level <= 4 ? level : 2;
  }

  _asOf() {
    const v = (this.getAttribute("as-of") || "").trim();
    if (v && !isoDay.test(v)) console.warn(`conscription-check: as-of="${v.slice(0, 40)}" is not a date of the form YYYY-MM-DD; using today`);
    return isoDay.test(v) ? v : "";
  }

  _wantedLang() {
    const attr = this.getAttribute("lang");
    if (attr === null || attr.trim() === "") return { lang: browserLang() };
    const lang = langOf(attr);
    if (lang) return { lang };
    // Not a language the tool has: say so, as text, and use the browser's language.
    const shown = attr.length > 60 ? `${attr.slice(0, 60)}…` : attr;
    return { lang: browserLang(), notice: { key: "notice.lang", params: { value: shown } } };
  }

  _emit(name, detail, cancelable = false, result = null) {
    // The statuses leave the element only if the host opted in.
    const share = this.hasAttribute("share-statuses");
    if (name === "cc-assessed" && !share) detail = { lang: detail?.lang };
    const ok = this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
    // "change": the assessment after every change, again only when the host opted in.
    if (name === "cc-assessed") {
      const r = result || this._tool?.result;
      const change = share && r ? { lang: detail.lang, assessment: JSON.parse(JSON.stringify(r)) } : { lang: detail?.lang };
      this.dispatchEvent(new CustomEvent("change", { detail: change, bubbles: true, composed: true }));
    }
    return ok;
  }
}

if (!customElements.get("conscription-check")) customElements.define("conscription-check", ConscriptionCheckElement);
