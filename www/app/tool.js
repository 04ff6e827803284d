// conscription-check: the whole tool (form, result, converter, sources), rendered into a given
// root. Shared by the page (page.js), the embeddable element (element.js) and the offline single
// file (scripts/build-dist.mjs bundles the page). It holds no text of its own: every visible
// string comes from the interface texts (data/texts/ui.toml) or from the engine's result.
//
// The Tool class keeps the state and builds the whole tool; its other methods live in the
// modules by what they do (format, form, result, glance, memo, case file, money, sources), each
// an object of methods installed on Tool.prototype below: `this` is the tool in all of them.
//
// Safety: every string is put into the DOM as text (dom.js), never parsed as markup. Nothing is
// kept in the browser's storage and nothing is sent anywhere: the engine runs in this tab, and
// saving a case is a download the user asks for.
import { h, clearClipboard } from "./dom.js";
import { LANGS, LOCALES, uiKey, fill } from "./i18n.js";
import { clone } from "./paths.js";
import { SECTIONS } from "./questions.js";
import { formatMethods, numberFormat, languageName } from "./format.js";
import { formMethods } from "./form.js";
import { resultMethods } from "./result.js";
import { glanceMethods } from "./glance.js";
import { memoMethods } from "./memo.js";
import { caseFileMethods } from "./case-file.js";
import { moneyMethods } from "./money.js";
import { sourcesMethods } from "./sources.js";
import { stepsMethods } from "./steps.js";

let instances = 0;

// ---------------------------------------------------------------------------------------------

/**
 * Renders the tool into `container` (an element or a shadow root).
 * api: { assess, knowledge, convert } of the initialised package.
 * texts: the interface texts (i18n.js textStore), with options.lang's (and options.memoLang's)
 *        already loaded.
 * options: { lang, headingLevel (1 to 4), asOf (YYYY-MM-DD or ""), onEvent(name, detail), onLangChange(lang),
 *            onQuickExit(), notice (a message shown at the top, e.g. an unusable lang attribute),
 *            stagedStart (the first result in two tasks: its overview first, result.js) }
 */
export function mountTool(container, api, texts, options = {}) {
  return new Tool(container, api, texts, options);
}

class Tool {
  constructor(container, api, texts, options) {
    this.container = container;
    this.api = api;
    this.texts = texts;
    this.opts = options;
    this.p = `cc${++instances}-`;
    this.state = {};
    this.birthMode = "unknown";
    this.yearDraft = "";
    this.asOf = typeof options.asOf === "string" ? options.asOf : "";
    // The memo's language (the copied summary and the print), when it differs from the form's.
    this.memoLang = LANGS.includes(options.memoLang) ? options.memoLang : null;
    this.rubPer = null;
    this.result = null;
    this.issues = null;
    this.announced = "";
    this.announceTimer = 0;
    this.ready = false;
    this.setLang(options.lang || "en", { silent: true });
  }

  /** Speaks `lang` from now on (its interface texts must be loaded: see changeLang). */
  setLang(lang, { silent = false } = {}) {
    this.lang = LANGS.includes(lang) ? lang : "en";
    this.k = this.api.knowledge({ lang: this.lang });
    this.ui = this.texts.get(this.lang);
    if (!this.ui) throw new Error(`conscription-check: the interface texts of "${this.lang}" are not loaded`);
    this.locale = LOCALES[this.lang];
    this.nf = numberFormat(this.locale);
    this.build();
    if (!silent) this.opts.onLangChange?.(this.lang);
  }

  /**
   * Whether `lang` can be spoken now: its interface texts are here and the engine holds its
   * statement texts (issue 15: the engine loads them by language; an engine without
   * isLanguageLoaded has all of them).
   */
  hasLang(lang) {
    return !!this.texts.get(lang) && (!this.api.isLanguageLoaded || this.api.isLanguageLoaded(lang));
  }

  /** Loads what speaking `lang` needs: its interface texts (and the engine's, where it loads them by language). */
  loadLang(lang) {
    return Promise.all([this.texts.load(lang), this.api.loadLanguage ? this.api.loadLanguage(lang) : null]);
  }

  /**
   * Switches to `lang` once it is loaded (at once when it is); of several switches in a row,
   * the last one wins. A language that cannot be loaded leaves the tool as it is.
   */
  changeLang(lang, opts) {
    const l = LANGS.includes(lang) ? lang : "en";
    this.wantedLang = l;
    if (this.hasLang(l)) {
      this.setLang(l, opts);
      return Promise.resolve();
    }
    return this.loadLang(l).then(
      () => { if (this.wantedLang === l && !this.leaving) this.setLang(l, opts); },
      (e) => console.error(`conscription-check: the texts of "${l}" could not be loaded`, e),
    );
  }

  t(key, params) {
    key = uiKey(key);
    let s = this.ui[key];
    if (s === undefined) {
      console.error(`conscription-check: no interface text "${key}" in data/texts/ui.toml`);
      s = key;
    }
    if (params) s = fill(s, params);
    return s;
  }

  has(key) {
    return Object.prototype.hasOwnProperty.call(this.ui, uiKey(key));
  }

  heading(level, attrs, ...children) {
    const base = this.opts.headingLevel || 1;
    return h(`h${Math.min(6, base + level - 1)}`, attrs, ...children);
  }

  build() {
    const p = this.p;
    const root = h("div", { class: "cc", lang: this.lang, "data-cc-root": "" });
    this.root = root;
    this.fields = [];
    // Narrow screens: the guided path, a step at a time (steps.js); the step is kept across a rebuild.
    this.guided = this.narrow();
    this.watchWidth();
    this.buildSteps();

    // Quick exit first (the first thing a keyboard reaches), sticky (style.css). The page has its
    // own, in the static HTML (quick-exit.js), so that it is there while the engine loads.
    const langSelect = h("select", { id: `${p}lang`, class: "cc-lang-select", "data-cc": "lang" },
      LANGS.map((l) => h("option", { value: l, selected: l === this.lang, lang: l }, this.langName(l))));
    langSelect.addEventListener("change", () => {
      this.opts.notice = null;
      this.changeLang(langSelect.value).then(() => this.root.querySelector("[data-cc=lang]")?.focus());
    });
    const exitBar = this.opts.externalExit ? null : h("div", { class: "cc-exit-bar" },
      h("button", { type: "button", class: "cc-exit", "data-cc": "quick-exit", onclick: () => this.quickExit() }, this.t("quick-exit")),
      h("span", { class: "cc-exit-hint" }, this.t("quick-exit.hint")));
    this.opts.onExitLabels?.(this.t("quick-exit"), this.t("quick-exit.hint"), this.lang);
    // Embedded in someone else's page, the tool can only speak for itself (element.js).
    const bar = h("div", { class: "cc-bar" },
      h("p", { class: "cc-promise" }, h("span", { class: "cc-lock", "aria-hidden": "true" }), this.t(this.opts.embedded ? "promise.embedded" : "promise")),
      h("div", { class: "cc-bar-actions" },
        h("label", { class: "cc-lang", for: `${p}lang` }, this.t("language")), langSelect));

    const stale = this.staleness();
    const knowledgeLine = h("p", { class: "cc-knowledge" },
      this.t("knowledge-line", { date: this.fmtDate(this.k.reportDate), currentTo: this.fmtDate(this.k.currentTo), version: this.k.version }),
      stale ? [" ", h("strong", { class: "cc-stale" }, this.t("knowledge-old", { currentTo: this.fmtDate(this.k.currentTo) }))] : null);

    const notice = this.opts.notice ? h("p", { class: "cc-notice", role: "note" }, this.t(this.opts.notice.key, this.opts.notice.params)) : null;

    // The form.
    const form = h("form", { class: "cc-form", id: `${p}form`, novalidate: true, "aria-labelledby": `${p}form-h` });
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("input", (e) => this.onInput(e));
    form.addEventListener("change", (e) => this.onInput(e));
    for (const sec of SECTIONS) form.append(this.buildSection(sec));
    form.append(this.buildSettings());

    // The result column: persistent toolbar and boxes, and the part redrawn on each change.
    this.resultsBody = h("div", { class: "cc-results-body", id: `${p}results-body` });
    this.ratesBox = this.buildRates();
    this.fileStatus = h("div", { class: "cc-file-status", id: `${p}file-status`, "aria-live": "polite" });
    this.liveRegion = h("p", { class: "cc-visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    const results = h("section", { class: "cc-results", id: `${p}results`, "aria-labelledby": `${p}results-h`, tabindex: "-1" },
      this.heading(2, { id: `${p}results-h`, tabindex: "-1" }, this.t("results.title")),
      this.stepEdit,
      // At a glance (glance.js), first: above the buttons, so it is in view with the heading.
      this.glanceBox = h("div", { class: "cc-glance-slot" }),
      this.buildActions(),
      this.buildCaseLabel(),
      this.fileStatus,
      this.resultsBody,
      this.memoBox = h("div", { class: "cc-memo-print", "data-cc": "memo-print" }),
      this.liveRegion);

    root.append(...[
      exitBar,
      bar,
      this.heading(1, { class: "cc-title" }, this.t("title")),
      h("p", { class: "cc-intro" }, this.t("intro")),
      h("details", { class: "cc-safety", "data-cc": "safety" },
        h("summary", null, this.t("safety.title")),
        h("p", null, this.t("safety.text"))),
      knowledgeLine,
      notice,
      h("p", { class: "cc-skip" }, h("a", { href: `#${p}results`, "data-cc-jump": `${p}results` }, this.t("jump-to-results"))),
      h("div", { class: "cc-main" },
        h("section", { class: "cc-form-col", "aria-labelledby": `${p}form-h` },
          this.heading(2, { id: `${p}form-h` }, this.t("form.title")),
          h("p", { class: "cc-help" }, this.t("form.intro")),
          this.stepHead,
          form,
          this.checkBox,
          this.stepNav),
        results),
      this.buildConverter(),
      this.buildCatalogue(),
      h("footer", { class: "cc-footer" },
        h("p", null, this.t("disclaimer")),
        h("p", null, this.t("footer.version", { version: this.k.version }))),
    ].filter(Boolean));

    root.addEventListener("click", (e) => this.onClick(e));
    if (!this.opts.externalExit) {
      // Esc twice within a second, anywhere in the tool: quick exit.
      root.addEventListener("keydown", (e) => {
        if (e.key !== "Escape" || e.repeat) return;
        const now = Date.now();
        if (now - (this.lastEsc || 0) < 1000) this.quickExit();
        else this.lastEsc = now;
      });
    }
    this.container.replaceChildren(root);
    this.update({ announce: false, emit: false });
    if (!this.ready) {
      this.ready = true;
      this.opts.onEvent?.("cc-ready", { lang: this.lang, knowledgeVersion: this.k.version, reportDate: this.k.reportDate });
    } else if (this.builtLang !== this.lang) {
      this.opts.onEvent?.("cc-lang-change", { lang: this.lang });
    }
    this.builtLang = this.lang;
    if (this.result && !this.issues) this.opts.onEvent?.("cc-assessed", this.eventDetail(), this.result);
  }

  /** A language's name in that language (format.js). */
  langName(l) {
    return languageName(l);
  }

  /** Whether the knowledge is old today (from knowledge().staleFrom; the result's warnings say it for asOf). */
  staleness() {
    const today = new Date().toISOString().slice(0, 10);
    return today >= (this.k.staleFrom || this.k.currentTo || this.k.reportDate);
  }

  buildActions() {
    const p = this.p;
    const fileInput = h("input", { type: "file", id: `${p}open`, class: "cc-file-input", accept: ".json,application/json", "data-cc": "open-file" });
    fileInput.addEventListener("change", () => this.openFile(fileInput));
    return h("div", { class: "cc-actions", role: "group", "aria-label": this.t("actions.label") },
      h("button", { type: "button", "data-cc": "copy" }, this.t("actions.copy")),
      h("button", { type: "button", "data-cc": "print" }, this.t("actions.print")),
      h("button", { type: "button", "data-cc": "save" }, this.t("actions.save")),
      h("span", { class: "cc-file" }, fileInput, h("label", { for: `${p}open`, class: "cc-file-label" }, this.t("actions.open"))),
      this.buildMemoLang());
  }

  onClick(e) {
    const target = e.target instanceof Element ? e.target.closest("[data-cc], [data-cc-jump], a[href^='#']") : null;
    if (!target || !this.root.contains(target)) return;
    const action = target.dataset.cc;
    if (this.onStepClick(action, target)) return;
    if (target.matches("a[href^='#']")) {
      this.fillCatalogue?.();
      const id = target.dataset.ccJump || target.getAttribute("href").slice(1);
      const dest = this.root.querySelector(`#${CSS.escape(id)}`);
      if (dest) {
        e.preventDefault();
        dest.scrollIntoView({ block: "start" });
        dest.focus({ preventScroll: true });
      }
      return;
    }
    if (action === "add-summons") {
      const list = Array.isArray(this.state.summonses) ? this.state.summonses : (this.state.summonses = []);
      list.push({});
      this.renderSummonsList();
      this.update();
      this.root.querySelector(`#${this.p}summons-${list.length - 1} input, #${this.p}summons-${list.length - 1} select`)?.focus();
    } else if (action === "remove-summons") {
      const i = Number(target.dataset.index);
      this.state.summonses.splice(i, 1);
      this.renderSummonsList();
      this.update();
      const next = this.root.querySelector(`[data-cc="add-summons"]`) || this.root.querySelector(`#${this.p}f-summonses input:checked`);
      next?.focus();
    } else if (action === "copy") {
      this.copySummary();
    } else if (action === "print") {
      this.fillCatalogue?.();
      window.print();
    } else if (action === "save") {
      this.saveCase();
    } else if (action === "rates-reset") {
      this.rubPer = null;
      for (const inp of this.ratesBox.querySelectorAll("input")) inp.value = "";
      this.rateMsg.textContent = this.t("rates.reset-done");
      this.update();
      this.rerunConverter();
    } else if (action === "goto-field") {
      const ctl = this.controlFor(target.dataset.goto);
      if (ctl && this.guided && this.stepOf(ctl)) {
        this.stepId = this.stepOf(ctl);
        this.applyStep();
      }
      if (ctl) {
        ctl.scrollIntoView({ block: "center" });
        ctl.focus();
      }
    }
  }

  /** Empties the form and everything the tool holds (quick exit). */
  clear() {
    this.state = {};
    this.birthMode = "unknown";
    this.yearDraft = "";
    this.asOf = "";
    this.rubPer = null;
    this.caseLabel = "";
    this.result = null;
    this.issues = null;
    clearTimeout(this.announceTimer);
    this.container.replaceChildren();
  }

  quickExit() {
    if (this.leaving) return;
    this.leaving = true;
    const go = () => this.opts.onQuickExit?.();
    const copied = this.copied;
    this.clear();
    if (copied) clearClipboard().then(go, go);
    else go();
  }

  /** The CaseInput the answers amount to (a copy). */
  getCase() {
    return clone(this.caseInput());
  }

  /**
   * Replaces the answers with a CaseInput. A case the engine refuses throws its AssessError
   * (issues with path, code and message) and leaves the answers as they were.
   */
  setCase(input) {
    const answers = input == null ? {} : input;
    this.api.assess(answers, { ...this.assessOptions(), output: "compact" }); // a check only: nothing to expand
    this.state = clone(answers);
    this.birthMode = answers.birthDate !== undefined ? "date" : answers.birthYear !== undefined ? "year" : "unknown";
    this.yearDraft = answers.birthYear !== undefined ? String(answers.birthYear) : "";
    delete this.state.birthYear;
    this.build();
  }

  /** The CaseInput the answers amount to. */
  caseInput() {
    const input = clone(this.state);
    delete input.birthDate;
    delete input.birthYear;
    if (this.birthMode === "date" && this.state.birthDate) input.birthDate = this.state.birthDate;
    if (this.birthMode === "year" && this.yearDraft !== "") {
      const y = Number(this.yearDraft);
      input.birthYear = Number.isFinite(y) ? y : this.yearDraft;
    }
    if (input.service && !input.service.status) delete input.service;
    return input;
  }

  assessOptions() {
    const o = { lang: this.lang };
    if (this.asOf) o.asOf = this.asOf;
    if (this.rubPer) o.rubPer = this.rubPer;
    return o;
  }

  update({ announce = true, emit = true } = {}) {
    try {
      this.result = this.api.assess(this.caseInput(), this.assessOptions());
      this.issues = null;
    } catch (e) {
      if (e && e.name === "AssessError" && Array.isArray(e.issues)) this.issues = e.issues;
      else throw e;
    }
    this.refreshForm();
    this.renderResults();
    this.applyStep();
    if (this.result && !this.issues) {
      // Guided, the result is announced when it is reached (steps.js goStep), not while answering.
      if (announce && !(this.guided && this.stepId !== "result")) this.announce();
      if (emit) this.opts.onEvent?.("cc-assessed", this.eventDetail(), this.result);
    }
  }

  eventDetail() {
    const r = this.result;
    return {
      lang: r.lang,
      asOf: r.asOf,
      deferral: r.deferral.status,
      restrictions: r.restrictions.status,
      returnRisk: r.returnRisk.status,
      deployment: r.deployment.status,
      payment: r.payment.status,
      penalties: Object.fromEntries(r.penalties.map((x) => [x.id, x.exposure])),
      missingFacts: r.missingFacts.length,
    };
  }
}

Object.assign(Tool.prototype, formatMethods, formMethods, resultMethods, glanceMethods, memoMethods, caseFileMethods, moneyMethods, sourcesMethods, stepsMethods);
