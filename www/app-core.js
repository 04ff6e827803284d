// conscription-check: the whole tool (form, result, converter, sources), rendered into a given
// root. Shared by the page (app.js), the embeddable element (element.js) and the offline single
// file (scripts/build-dist.mjs). It holds no text of its own: every visible string comes from
// knowledge({ lang }).ui (data/texts/ui.toml) or from the engine's result.
//
// Safety: every string is put into the DOM as text (textContent, Text nodes, attributes), never
// parsed as markup. Nothing is kept in the browser's storage and nothing is sent
// anywhere: the engine runs in this tab, and saving a case is a download the user asks for.

export const LANGS = ["en", "fr", "de", "ru"];
const DATE_FORMATS = new Map();
const LOCALES = { en: "en-GB", fr: "fr", de: "de", ru: "ru" };

/** The first supported language among candidates (e.g. navigator.languages), else "en". */
export function pickLang(candidates) {
  for (const c of candidates || []) {
    const base = String(c || "").trim().toLowerCase().split(/[-_]/)[0];
    if (LANGS.includes(base)) return base;
  }
  return "en";
}

/** The language a value names exactly ("de", "de-CH"), or null. */
export function langOf(value) {
  if (typeof value !== "string") return null;
  const m = /^([a-z]{2})(?:[-_][a-z0-9]{1,8})*$/i.exec(value.trim());
  const base = m ? m[1].toLowerCase() : null;
  return base && LANGS.includes(base) ? base : null;
}

// ---------------------------------------------------------------------------------------------
// The questions. Paths are CaseInput paths (API.md); summons paths are relative to one summons.

const REGIONS_RUSSIA = ["moscow", "dagestan", "kursk", "belgorod", "bryansk", "other-russia"];
const REGIONS_OCCUPIED = ["crimea", "sevastopol", "donetsk", "luhansk", "zaporizhzhia", "kherson"];
const REGION_GROUPS = [
  { label: "region-group.russia", values: REGIONS_RUSSIA },
  { label: "region-group.occupied", values: REGIONS_OCCUPIED },
];
const STUDYING = ["technical-college", "university", "postgraduate"];
// He lives in, or comes from, a Russian-occupied region of Ukraine: the passport question matters.
const fromOccupied = (s) => s.residence === "occupied-ukraine" || REGIONS_OCCUPIED.includes(s.region) || REGIONS_OCCUPIED.includes(s.origin?.region);
const SERVING = ["conscript", "contract"];

const get = (obj, path) => parsePath(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
const isIn = (list) => (v) => list.includes(v);

// kind: select | bool | date | year ; show(state) decides when a question is worth asking.
const SECTIONS = [
  {
    id: "person",
    fields: [
      { kind: "birth", path: "birthDate", also: ["birthYear"] },
      { kind: "select", path: "residence", options: ["russia", "abroad", "occupied-ukraine"], help: true },
      {
        kind: "select", path: "region", groups: REGION_GROUPS, optionKey: "o.region", help: true,
        show: (s) => ["russia", "occupied-ukraine"].includes(s.residence),
      },
      // Where he comes from, asked whatever he answers about where he lives now (issue 17).
      { kind: "select", path: "origin.region", groups: REGION_GROUPS, optionKey: "o.region", help: true },
      { kind: "bool", path: "citizenship.russianPassport", help: true, show: fromOccupied },
      { kind: "date", path: "citizenship.since", show: (s) => get(s, "citizenship.russianPassport") === true },
    ],
  },
  {
    id: "studies",
    fields: [
      { kind: "select", path: "studies.current", options: ["none", "school", "technical-college", "university", "postgraduate"] },
      { kind: "bool", path: "studies.fullTime", show: (s) => isIn(STUDYING)(get(s, "studies.current")) },
      { kind: "bool", path: "studies.afterTechnicalCollege", help: true, show: (s) => isIn(["university", "postgraduate"])(get(s, "studies.current")) },
      { kind: "bool", path: "studies.changedSubject", help: true, show: (s) => isIn(STUDYING)(get(s, "studies.current")) },
      { kind: "date", path: "studies.expectedEnd", show: (s) => isIn(["school", ...STUDYING])(get(s, "studies.current")) },
    ],
  },
  {
    id: "health",
    fields: [
      { kind: "select", path: "health.fitness", options: ["a", "b", "v", "g", "d"], help: true },
      { kind: "bool", path: "health.documented", show: (s) => isIn(["v", "g", "d"])(get(s, "health.fitness")) },
    ],
  },
  {
    id: "summonses",
    fields: [{ kind: "summonses", path: "summonses" }],
  },
  {
    id: "registration",
    fields: [
      { kind: "bool", path: "registration.residenceNotified", help: true },
      { kind: "bool", path: "registration.departureReported", help: true, show: (s) => s.residence === "abroad" },
    ],
  },
  {
    id: "abroad",
    show: (s) => s.residence === "abroad",
    fields: [
      { kind: "date", path: "abroad.since" },
      { kind: "bool", path: "abroad.planningReturn" },
    ],
  },
  {
    id: "work",
    fields: [
      { kind: "bool", path: "employment.stateEmployee", help: true },
      { kind: "bool", path: "alternativeService.applied", help: true },
    ],
  },
  {
    id: "service",
    fields: [
      { kind: "select", path: "service.status", options: ["none", "conscript", "contract", "completed"] },
      { kind: "date", path: "service.start", show: (s) => isIn([...SERVING, "completed"])(get(s, "service.status")) },
      {
        kind: "select", path: "service.region", groups: REGION_GROUPS, optionKey: "o.region",
        show: (s) => isIn(SERVING)(get(s, "service.status")),
      },
      {
        kind: "select", path: "service.contract.stage", options: ["none", "application", "signed"], help: true,
        show: (s) => isIn(SERVING)(get(s, "service.status")),
      },
      { kind: "bool", path: "service.contract.voluntary", show: (s) => isIn(["application", "signed"])(get(s, "service.contract.stage")) },
      { kind: "bool", path: "service.contract.forged", show: (s) => isIn(["application", "signed"])(get(s, "service.contract.stage")) },
      { kind: "bool", path: "service.contract.paymentReceived", show: (s) => get(s, "service.contract.stage") === "signed" },
    ],
  },
];

const SUMMONS_FIELDS = [
  { kind: "date", key: "date" },
  { kind: "select", key: "delivery", options: ["in-person", "registered-mail", "electronic", "unknown"] },
  { kind: "bool", key: "signed" },
  { kind: "bool", key: "appeared" },
  { kind: "bool", key: "validReason", show: (m) => m.appeared !== true },
  { kind: "date", key: "appearanceDate", help: true, show: (m) => m.appeared !== true },
  { kind: "campaign", key: "campaign", help: true },
];

// The result's sections, in reading order, and how each status reads.
const STATUS_TONE = {
  likely: "good", unlikely: "bad", uncertain: "unknown", "not-applicable": "na", unknown: "unknown",
  apply: "bad", possible: "caution", high: "bad", moderate: "caution", low: "good", illegal: "bad",
};
// A deferral ground's status (deferral.grounds[].status).
const GROUND_TONE = { applies: "good", contested: "caution", lost: "bad", none: "na", unknown: "unknown" };
const EXPOSURE_TONE = { likely: "bad", possible: "caution", unlikely: "good", "not-applicable": "na", unknown: "unknown" };
const AGE_TONE = { below: "na", within: "caution", above: "na", unknown: "unknown" };
// At a glance: the penalties' most serious exposure first; amounts in one of these currencies.
const EXPOSURE_ORDER = ["likely", "possible", "unknown", "unlikely"];
const GLANCE_CURRENCIES = ["RUB", "EUR", "CHF"];
const TONE_ICON = { good: "✓", caution: "!", bad: "✕", unknown: "?", na: "–" };
const SEVERITY_ICON = { info: "i", caution: "!", warning: "▲" };
/** At most this many problems of a refused case file are listed (then "and N more"). */
const FILE_ISSUES_SHOWN = 20;
const ISSUE_CODES = [
  "invalid-type", "invalid-value", "invalid-date", "out-of-range", "after-as-of", "conflict",
  "missing-field", "unknown-field", "too-large", "too-long", "invalid-rate",
];

// ---------------------------------------------------------------------------------------------
// Small helpers

function parsePath(path) {
  const out = [];
  for (const part of String(path).split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) { out.push(part); continue; }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Sets (or, with undefined, removes) a value; removes objects left empty, but not summonses. */
function setPath(obj, path, value) {
  const keys = parsePath(path);
  const chain = [obj];
  let o = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (o[k] == null || typeof o[k] !== "object") {
      if (value === undefined) return;
      o[k] = typeof keys[i + 1] === "number" ? [] : {};
    }
    o = o[k];
    chain.push(o);
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  for (let i = keys.length - 1; i > 0; i--) {
    const parent = chain[i - 1];
    const node = chain[i];
    if (Array.isArray(parent) || Array.isArray(node)) break;
    if (Object.keys(node).length === 0) delete parent[keys[i - 1]];
    else break;
  }
}

// Interface text ids are kebab-case (data/texts/ui.toml): "f.studies.fullTime" is "f.studies.full-time".
const uiKey = (key) => key.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const normPath = (path) => String(path).replace(/\[\d+\]/g, "");
const idPart = (s) => String(s).replace(/[^A-Za-z0-9]+/g, "-");

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "value" || k === "checked" || k === "selected") el[k] = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

let instances = 0;

// ---------------------------------------------------------------------------------------------

/**
 * Renders the tool into `container` (an element or a shadow root).
 * api: { assess, knowledge, convert } of the initialised package.
 * options: { lang, headingLevel (1 to 4), asOf (YYYY-MM-DD or ""), onEvent(name, detail), onLangChange(lang),
 *            onQuickExit(), notice (a message shown at the top, e.g. an unusable lang attribute) }
 */
export function mountTool(container, api, options = {}) {
  return new Tool(container, api, options);
}

class Tool {
  constructor(container, api, options) {
    this.container = container;
    this.api = api;
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

  // ---- language and strings -------------------------------------------------------------------

  setLang(lang, { silent = false } = {}) {
    lang = LANGS.includes(lang) ? lang : "en";
    const wait = this.languagesReady([lang], "form", () => this.setLang(lang, { silent }));
    if (wait !== true) return wait;
    this.lang = lang;
    this.k = this.api.knowledge({ lang: this.lang });
    this.ui = this.k.ui;
    this.locale = LOCALES[this.lang];
    this.nf = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 });
    this.build();
    if (!silent) this.opts.onLangChange?.(this.lang);
    return null;
  }

  /**
   * Issue 15: the engine holds the texts of the languages loaded so far (init() loads the first).
   * Returns true when every language of `langs` is loaded; else loads them and returns a promise
   * that resolves after `then` ran — unless the same `key` ("form", "memo") asked for another
   * language meanwhile. A language that cannot be loaded is logged and `then` is not run.
   */
  languagesReady(langs, key, then) {
    const tickets = (this.langTickets ??= {});
    const ticket = key ? (tickets[key] = (tickets[key] || 0) + 1) : 0;
    const missing = langs.filter((l) => l && this.api.isLanguageLoaded && !this.api.isLanguageLoaded(l));
    if (!missing.length) return true;
    return Promise.all(missing.map((l) => this.api.loadLanguage(l))).then(
      () => { if (!key || tickets[key] === ticket) then?.(); },
      (e) => console.error(`conscription-check: the texts of ${missing.join(", ")} could not be loaded`, e),
    );
  }

  t(key, params) {
    key = uiKey(key);
    let s = this.ui[key];
    if (s === undefined) {
      console.error(`conscription-check: no interface text "${key}" in data/texts/ui.toml`);
      s = key;
    }
    if (params) s = oneStop(s.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)));
    return s;
  }

  has(key) {
    return Object.prototype.hasOwnProperty.call(this.ui, uiKey(key));
  }

  heading(level, attrs, ...children) {
    const base = this.opts.headingLevel || 1;
    return h(`h${Math.min(6, base + level - 1)}`, attrs, ...children);
  }

  fmtDate(iso, precision = "day") {
    if (typeof iso !== "string" || !isoDate.test(iso)) return String(iso ?? "");
    const [y, m, d] = iso.split("-").map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    // One formatter per locale and precision: creating Intl formatters is costly (the
    // source list alone formats dozens of dates on the first render).
    const key = `${this.locale}|${precision}`;
    let f = DATE_FORMATS.get(key);
    if (!f) {
      const opts = precision === "month"
        ? { year: "numeric", month: "long", timeZone: "UTC" }
        : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
      f = new Intl.DateTimeFormat(this.locale, opts);
      DATE_FORMATS.set(key, f);
    }
    return f.format(date);
  }

  fmtNum(n) {
    return this.nf.format(n);
  }

  fmtRange(r) {
    if (!r) return "";
    if (r.min === r.max) return this.fmtNum(r.max);
    if (r.min === 0) return this.t("money.up-to", { amount: this.fmtNum(r.max) });
    return this.t("money.range", { min: this.fmtNum(r.min), max: this.fmtNum(r.max) });
  }

  fmtMoney(money) {
    // 0–0: the sources give no amount for that day (e.g. the registration fine before October 2023).
    if (money.RUB.max === 0) return this.t("money.not-given");
    return ["RUB", "CHF", "EUR"].map((c) => `${c} ${this.fmtRange(money[c])}`).join(" · ");
  }

  campaignLabel(v) {
    const m = /^(\d{4})-(spring|autumn)$/.exec(String(v));
    if (m) return this.t(`campaign.${m[2]}`, { year: m[1] });
    return /^\d{4}$/.test(String(v)) ? this.t("campaign.year-round", { year: String(v) }) : String(v);
  }

  fieldLabel(path) {
    const m = /^summonses\[(\d+)\]\.(\w+)$/.exec(path);
    if (m && this.has(`f.summonses.${m[2]}`)) return `${this.t("summons.n", { n: Number(m[1]) + 1 })}: ${this.t(`f.summonses.${m[2]}`)}`;
    if (path === "") return this.t("f.root");
    const key = `f.${normPath(path)}`;
    if (this.has(key)) return this.t(key);
    const top = `sec.${normPath(path).split(".")[0]}`;
    if (this.has(top)) return this.t(top);
    if (path.startsWith("options.rubPer")) return this.t("rates.title");
    if (path === "options.asOf") return this.t("f.asOf");
    return path;
  }

  optionKey(path, value) {
    const n = normPath(path);
    const base = n === "region" || n === "service.region" || n === "origin.region" ? "o.region" : `o.${n}`;
    return `${base}.${value}`;
  }

  fmtValue(path, value) {
    if (typeof value === "boolean") return this.t(value ? "answer.yes" : "answer.no");
    if (typeof value === "number") return String(value);
    if (typeof value === "string") {
      if (isoDate.test(value)) return this.fmtDate(value);
      const key = this.optionKey(path, value);
      if (this.has(key)) return this.t(key);
      if (normPath(path) === "summonses.campaign") return this.campaignLabel(value);
      return value;
    }
    if (Array.isArray(value)) return this.t("answer.count", { n: value.length });
    return JSON.stringify(value);
  }

  issueText(issue) {
    const code = ISSUE_CODES.includes(issue.code) ? issue.code : "other";
    return this.t(`issue.${code}`);
  }

  // ---- building the whole tool ---------------------------------------------------------------

  build() {
    const p = this.p;
    const root = h("div", { class: "cc", lang: this.lang, "data-cc-root": "" });
    this.root = root;
    this.fields = [];

    // Quick exit first (the first thing a keyboard reaches), sticky (style.css). The page has its
    // own, in the static HTML (quick-exit.js), so that it is there while the engine loads.
    const langSelect = h("select", { id: `${p}lang`, class: "cc-lang-select", "data-cc": "lang" },
      LANGS.map((l) => h("option", { value: l, selected: l === this.lang, lang: l }, this.langName(l))));
    langSelect.addEventListener("change", () => {
      this.opts.notice = null;
      const focus = () => this.root.querySelector("[data-cc=lang]")?.focus();
      const wait = this.setLang(langSelect.value);
      if (wait) wait.then(focus);
      else focus();
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
      this.heading(2, { id: `${p}results-h` }, this.t("results.title")),
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
          form),
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

  langName(l) {
    try {
      const name = new Intl.DisplayNames([LOCALES[l]], { type: "language" }).of(l);
      return name ? name.charAt(0).toLocaleUpperCase(LOCALES[l]) + name.slice(1) : l;
    } catch {
      return l;
    }
  }

  /** Whether the knowledge is old today (from knowledge().staleFrom; the result's warnings say it for asOf). */
  staleness() {
    const today = new Date().toISOString().slice(0, 10);
    return today >= (this.k.staleFrom || this.k.currentTo || this.k.reportDate);
  }

  buildSection(sec) {
    const p = this.p;
    const fs = h("fieldset", { class: "cc-section", "data-section": sec.id },
      h("legend", null, this.t(`sec.${sec.id}`)));
    if (this.has(`sec.${sec.id}.help`)) fs.append(h("p", { class: "cc-help" }, this.t(`sec.${sec.id}.help`)));
    for (const f of sec.fields) {
      if (f.kind === "summonses") {
        fs.append(this.buildSummonses());
        continue;
      }
      const wrap = this.buildField(f, f.path, `f.${f.path}`, f.help ? `help.${f.path}` : null);
      this.fields.push({ wrap, paths: [f.path, ...(f.also || [])], show: f.show, section: sec });
      fs.append(wrap);
    }
    this.fields.push({ wrap: fs, section: sec, isSection: true });
    fs.id = `${p}sec-${sec.id}`;
    return fs;
  }

  /** One question: label, control, help, "this answer matters" and error notes. */
  buildField(f, path, labelKey, helpKey, value = get(this.state, path)) {
    const p = this.p;
    const id = `${p}f-${idPart(path)}`;
    const helpId = `${id}-help`;
    const neededId = `${id}-needed`;
    const errId = `${id}-err`;
    const describedBy = [helpKey ? helpId : null, neededId, errId].filter(Boolean).join(" ");
    const help = helpKey ? h("p", { class: "cc-help", id: helpId }, this.t(helpKey)) : null;
    const needed = h("p", { class: "cc-needed-note", id: neededId, hidden: true },
      h("span", { class: "cc-needed-mark", "aria-hidden": "true" }, "→ "), this.t("needed"));
    const err = h("p", { class: "cc-error-note", id: errId, hidden: true });
    let wrap;

    if (f.kind === "bool") {
      const name = `${p}r-${idPart(path)}`;
      const choice = (val, key) => h("label", { class: "cc-choice" },
        h("input", { type: "radio", name, value: val, "data-path": path, "data-kind": "bool", checked: (val === "yes" && value === true) || (val === "no" && value === false) || (val === "" && value === undefined) }),
        h("span", null, this.t(key)));
      wrap = h("fieldset", { class: "cc-field cc-bool", id, "aria-describedby": describedBy },
        h("legend", null, this.t(labelKey)), help,
        h("div", { class: "cc-choices" }, choice("yes", "answer.yes"), choice("no", "answer.no"), choice("", "answer.unknown")),
        needed, err);
    } else if (f.kind === "birth") {
      wrap = this.buildBirth(id, helpId, neededId, errId, needed, err);
    } else {
      let control;
      if (f.kind === "select" || f.kind === "campaign") {
        const opts = [h("option", { value: "" }, this.t("answer.unknown-option"))];
        const addOpt = (parent, v) => parent.append(h("option", { value: v, selected: value === v },
          f.kind === "campaign" ? this.campaignLabel(v) : this.t(this.optionKey(f.optionKey ? "region" : path, v))));
        const frag = h("select", { id: `${id}-c`, "data-path": path, "data-kind": "select", "aria-describedby": describedBy }, opts);
        if (f.kind === "campaign") {
          const list = this.campaigns();
          if (value && !list.includes(value)) list.unshift(value);
          for (const v of list) addOpt(frag, v);
        } else if (f.groups) {
          for (const g of f.groups) {
            const og = h("optgroup", { label: this.t(g.label) });
            for (const v of g.values) addOpt(og, v);
            frag.append(og);
          }
        } else {
          for (const v of f.options) addOpt(frag, v);
        }
        control = frag;
      } else if (f.kind === "date") {
        control = h("input", { type: "date", id: `${id}-c`, "data-path": path, "data-kind": "date", value: value || "", min: "1900-01-01", max: "2100-12-31", "aria-describedby": describedBy });
      }
      wrap = h("div", { class: "cc-field", id },
        h("label", { for: `${id}-c` }, this.t(labelKey)), help, control, needed, err);
    }
    wrap.dataset.field = path;
    return wrap;
  }

  buildBirth(id, helpId, neededId, errId, needed, err) {
    const p = this.p;
    const name = `${p}r-birth`;
    const mode = this.birthMode;
    const choice = (val, key) => h("label", { class: "cc-choice" },
      h("input", { type: "radio", name, value: val, "data-path": "@birthMode", "data-kind": "mode", checked: mode === val }),
      h("span", null, this.t(key)));
    const dateInput = h("input", { type: "date", id: `${id}-date`, "data-path": "birthDate", "data-kind": "date", value: this.state.birthDate || "", min: "1900-01-01", max: "2100-12-31", "aria-describedby": `${neededId} ${errId}` });
    const yearInput = h("input", { type: "number", id: `${id}-year`, "data-path": "birthYear", "data-kind": "year", inputmode: "numeric", min: "1900", max: "2100", step: "1", value: this.yearDraft, "aria-describedby": `${neededId} ${errId}` });
    this.birthDateBox = h("div", { class: "cc-sub", hidden: mode !== "date" }, h("label", { for: `${id}-date` }, this.t("f.birthDate")), dateInput);
    this.birthYearBox = h("div", { class: "cc-sub", hidden: mode !== "year" }, h("label", { for: `${id}-year` }, this.t("f.birthYear")), yearInput);
    return h("fieldset", { class: "cc-field cc-bool", id, "aria-describedby": `${neededId} ${errId}` },
      h("legend", null, this.t("f.birth")),
      h("div", { class: "cc-choices" }, choice("date", "birth.date"), choice("year", "birth.year"), choice("unknown", "answer.unknown")),
      this.birthDateBox, this.birthYearBox, needed, err);
  }

  /** The campaigns a summons can belong to, newest first: the year-round call-up of each year
   *  from knowledge().yearRoundFrom, spring and autumn campaigns before it (the law of the day). */
  campaigns() {
    const last = Number((this.asOf || new Date().toISOString()).slice(0, 4));
    const yearRound = Number((this.k.yearRoundFrom || "9999").slice(0, 4));
    const out = [];
    for (let y = Math.max(last, 2022); y >= 2022; y--) {
      if (y >= yearRound) out.push(String(y));
      else out.push(`${y}-autumn`, `${y}-spring`);
    }
    return out;
  }

  buildSummonses() {
    const p = this.p;
    const list = this.state.summonses;
    const known = list === undefined ? "" : list.length ? "yes" : "no";
    const name = `${p}r-summonses`;
    const choice = (val, key) => h("label", { class: "cc-choice" },
      h("input", { type: "radio", name, value: val, "data-path": "@summonses", "data-kind": "mode", checked: known === val }),
      h("span", null, this.t(key)));
    const id = `${p}f-summonses`;
    const needed = h("p", { class: "cc-needed-note", id: `${id}-needed`, hidden: true },
      h("span", { class: "cc-needed-mark", "aria-hidden": "true" }, "→ "), this.t("needed"));
    const err = h("p", { class: "cc-error-note", id: `${id}-err`, hidden: true });
    const q = h("fieldset", { class: "cc-field cc-bool", id, "data-field": "summonses", "aria-describedby": `${id}-help ${id}-needed ${id}-err` },
      h("legend", null, this.t("f.summonses")),
      h("p", { class: "cc-help", id: `${id}-help` }, this.t("help.summonses")),
      h("div", { class: "cc-choices" }, choice("yes", "answer.yes"), choice("no", "answer.no"), choice("", "answer.unknown")),
      needed, err);
    this.fields.push({ wrap: q, paths: ["summonses"] });
    this.summonsBox = h("div", { class: "cc-summonses" });
    this.renderSummonsList();
    return h("div", null, q, this.summonsBox);
  }

  renderSummonsList() {
    const p = this.p;
    this.fields = this.fields.filter((f) => !f.summons);
    const list = this.state.summonses;
    const box = this.summonsBox;
    box.replaceChildren();
    if (!Array.isArray(list) || list.length === 0) return;
    list.forEach((s, i) => {
      const fs = h("fieldset", { class: "cc-summons", id: `${p}summons-${i}` },
        h("legend", null, this.t("summons.n", { n: i + 1 })));
      for (const f of SUMMONS_FIELDS) {
        const path = `summonses[${i}].${f.key}`;
        const wrap = this.buildField(f, path, `f.summonses.${f.key}`, f.help ? `help.summonses.${f.key}` : null, s[f.key]);
        this.fields.push({ wrap, paths: [path], show: f.show ? () => f.show(this.state.summonses?.[i] || {}) : undefined, summons: true });
        fs.append(wrap);
      }
      fs.append(h("button", { type: "button", class: "cc-secondary", "data-cc": "remove-summons", "data-index": String(i) },
        this.t("summons.remove", { n: i + 1 })));
      box.append(fs);
    });
    box.append(h("button", { type: "button", class: "cc-secondary", "data-cc": "add-summons" }, this.t("summons.add")));
  }

  buildSettings() {
    const p = this.p;
    const id = `${p}f-asOf`;
    const input = h("input", { type: "date", id: `${id}-c`, "data-path": "@asOf", "data-kind": "date", value: this.asOf, min: this.k.modelledFrom, max: "2100-12-31", "aria-describedby": `${id}-help ${id}-err` });
    const wrap = h("div", { class: "cc-field", id, "data-field": "options.asOf" },
      h("label", { for: `${id}-c` }, this.t("f.asOf")),
      h("p", { class: "cc-help", id: `${id}-help` }, this.t("help.asOf")),
      input,
      h("p", { class: "cc-needed-note", hidden: true }),
      h("p", { class: "cc-error-note", id: `${id}-err`, hidden: true }));
    this.fields.push({ wrap, paths: ["options.asOf"] });
    return h("fieldset", { class: "cc-section", "data-section": "settings" },
      h("legend", null, this.t("sec.settings")), wrap);
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

  /** The memo's language: the copied summary and the print may be in another language than the form. */
  buildMemoLang() {
    const p = this.p;
    const select = h("select", { id: `${p}memo-lang`, class: "cc-memo-select", "data-cc": "memo-lang" },
      LANGS.map((l) => h("option", { value: l, selected: l === (this.memoLang || this.lang), lang: l }, this.langName(l))));
    select.addEventListener("change", () => {
      this.setMemoLang(select.value);
      this.opts.onMemoLangChange?.(select.value);
    });
    return h("span", { class: "cc-memo-lang" }, h("label", { for: `${p}memo-lang` }, this.t("memo-lang")), " ", select);
  }

  setMemoLang(lang) {
    this.memoLang = LANGS.includes(lang) ? lang : null;
    const select = this.root?.querySelector("[data-cc=memo-lang]");
    if (select) select.value = this.memoLang || this.lang;
    if (this.resultsBody) this.renderResults();
  }

  /**
   * Runs fn with the tool speaking `lang`: its texts, formats and the same answers assessed again
   * in that language (the memo, issue 13). Everything is put back afterwards.
   */
  inLang(lang, fn) {
    if (!lang || lang === this.lang || !this.result || this.issues) return fn();
    // Not loaded yet: the form's language for now, and everything again once it is.
    if (this.languagesReady([lang], "memo", () => this.resultsBody && this.renderResults()) !== true) return fn();
    const saved = {
      lang: this.lang, k: this.k, ui: this.ui, locale: this.locale, nf: this.nf, result: this.result,
      cites: this.cites, shownDisagreements: this.shownDisagreements, p: this.p,
    };
    try {
      this.lang = lang;
      this.k = this.api.knowledge({ lang });
      this.ui = this.k.ui;
      this.locale = LOCALES[lang];
      this.nf = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 });
      this.result = this.api.assess(this.caseInput(), { ...this.assessOptions(), lang });
      this.cites = citationOrder(this.result);
      return fn();
    } finally {
      Object.assign(this, saved);
    }
  }

  /** The case's label: kept in the saved file and used as its name (else a neutral "case-<day>"). */
  buildCaseLabel() {
    const p = this.p;
    const input = h("input", { type: "text", id: `${p}case-label`, "data-cc": "case-label", maxlength: "80", autocomplete: "off", spellcheck: "false", value: this.caseLabel || "", "aria-describedby": `${p}case-label-help` });
    input.addEventListener("input", () => { this.caseLabel = input.value; });
    return h("div", { class: "cc-field cc-case-label" },
      h("label", { for: `${p}case-label` }, this.t("save.label")),
      input,
      h("p", { class: "cc-help", id: `${p}case-label-help` }, this.t("save.help", { day: today() })));
  }

  buildRates() {
    const p = this.p;
    const mk = (cur) => h("div", { class: "cc-field" },
      h("label", { for: `${p}rate-${cur}` }, this.t(`rates.${cur}`)),
      h("input", { type: "text", id: `${p}rate-${cur}`, inputmode: "decimal", autocomplete: "off", spellcheck: "false", "data-rate": cur, value: this.rubPer ? String(this.rubPer[cur]) : "" }));
    const form = h("form", { class: "cc-rates-form", novalidate: true, "aria-labelledby": `${p}rates-h` },
      this.heading(4, { id: `${p}rates-h` }, this.t("rates.title")),
      h("p", { class: "cc-help" }, this.t("rates.help")),
      h("div", { class: "cc-rates-inputs" }, mk("CHF"), mk("EUR")),
      h("div", { class: "cc-row" },
        h("button", { type: "submit", "data-cc": "rates-apply" }, this.t("rates.apply")),
        h("button", { type: "button", class: "cc-secondary", "data-cc": "rates-reset" }, this.t("rates.reset"))),
      this.rateMsg = h("p", { class: "cc-rate-msg", "aria-live": "polite" }));
    form.addEventListener("submit", (e) => { e.preventDefault(); this.applyRates(form); });
    return form;
  }

  buildConverter() {
    const p = this.p;
    const amount = h("input", { type: "text", id: `${p}conv-amount`, inputmode: "decimal", autocomplete: "off", "data-cc": "conv-amount" });
    const cur = h("select", { id: `${p}conv-cur`, "data-cc": "conv-cur" },
      h("option", { value: "CHF" }, this.t("currency.CHF")), h("option", { value: "EUR" }, this.t("currency.EUR")));
    this.convOut = h("output", { class: "cc-conv-out", for: `${p}conv-amount ${p}conv-cur`, "aria-live": "polite", "data-cc": "conv-out" });
    const run = () => this.runConverter(amount.value, cur.value);
    amount.addEventListener("input", run);
    cur.addEventListener("change", run);
    this.convInputs = { amount, cur };
    return h("section", { class: "cc-converter", "aria-labelledby": `${p}conv-h` },
      this.heading(2, { id: `${p}conv-h` }, this.t("converter.title")),
      h("p", { class: "cc-help" }, this.t("converter.help")),
      h("div", { class: "cc-row cc-conv" },
        h("div", { class: "cc-field" }, h("label", { for: `${p}conv-amount` }, this.t("converter.amount")), amount),
        h("div", { class: "cc-field" }, h("label", { for: `${p}conv-cur` }, this.t("converter.currency")), cur)),
      this.convOut);
  }

  runConverter(raw, currency) {
    const out = this.convOut;
    const s = String(raw).trim();
    if (s === "") { out.textContent = ""; return; }
    const n = parseDecimal(s);
    if (n === null || n < 0 || n > 1e12) {
      out.textContent = this.t("converter.invalid", { value: clip(s) });
      out.classList.add("cc-bad-input");
      return;
    }
    out.classList.remove("cc-bad-input");
    try {
      const v = this.api.convert(n, currency, this.rubPer ? { rubPer: this.rubPer } : undefined);
      out.textContent = this.t("converter.result", { rub: this.fmtNum(n), amount: this.fmtNum(v), currency });
    } catch (e) {
      out.textContent = this.t("converter.invalid", { value: clip(s) });
      out.classList.add("cc-bad-input");
    }
  }

  buildCatalogue() {
    const p = this.p;
    const list = h("ul", { class: "cc-sources cc-catalogue-list" });
    for (const s of this.k.sources) list.append(this.sourceItem(s, `${p}cat-${idPart(s.id)}`, "li"));
    return h("section", { class: "cc-catalogue", "aria-labelledby": `${p}cat-h` },
      this.heading(2, { id: `${p}cat-h` }, this.t("catalogue.title")),
      h("p", { class: "cc-help" }, this.t("catalogue.help", { n: this.k.sources.length })),
      list);
  }

  sourceItem(s, id, tag) {
    const parts = [
      h("span", { class: "cc-src-publisher" }, s.publisher), ": ",
      h("cite", null, s.title), ", ",
      h("span", { class: "cc-src-date" }, this.fmtDate(s.date, s.datePrecision)), this.fmtDate(s.date, s.datePrecision).endsWith(".") ? "" : ".",
    ];
    if (s.origin === "beyond-seed") parts.push(" ", h("span", { class: "cc-src-origin" }, this.t("source.beyond-seed")));
    if (s.origin === "later") parts.push(" ", h("span", { class: "cc-src-origin" }, this.t("source.later")));
    if (s.quotedIn) {
      const q = this.k.sources.find((x) => x.id === s.quotedIn);
      if (q) parts.push(" ", h("span", { class: "cc-src-origin" }, this.t("source.quoted-in", { source: q.publisher.split(" – ")[0] })));
    }
    if (s.url && /^https?:\/\//.test(s.url)) parts.push(" ", h("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", class: "cc-src-url" }, s.url));
    return h(tag, { id, tabindex: "-1", "data-source": s.id }, parts);
  }

  // ---- events ---------------------------------------------------------------------------------

  onInput(e) {
    const el = e.target;
    const path = el.dataset?.path;
    if (!path) return;
    // Radios and selects report through "change"; text and date fields through "input".
    if (e.type === "input" && (el.type === "radio" || el.tagName === "SELECT")) return;
    if (e.type === "change" && el.type !== "radio" && el.tagName !== "SELECT" && el.dataset.kind !== "date") return;
    const kind = el.dataset.kind;
    if (kind === "bool" || kind === "mode") {
      if (!el.checked) return;
    }
    const raw = el.value;
    if (path === "@birthMode") {
      this.birthMode = raw;
      this.birthDateBox.hidden = raw !== "date";
      this.birthYearBox.hidden = raw !== "year";
    } else if (path === "@summonses") {
      const cur = this.state.summonses;
      if (raw === "yes") this.state.summonses = Array.isArray(cur) && cur.length ? cur : [{}];
      else if (raw === "no") this.state.summonses = [];
      else delete this.state.summonses;
      if ((Array.isArray(cur) ? cur.length : 0) !== (this.state.summonses?.length || 0)) this.renderSummonsList();
    } else if (path === "@asOf") {
      this.asOf = raw;
    } else if (kind === "year") {
      this.yearDraft = raw;
    } else if (kind === "bool") {
      setPath(this.state, path, raw === "yes" ? true : raw === "no" ? false : undefined);
    } else {
      setPath(this.state, path, raw === "" ? undefined : raw);
    }
    this.update();
  }

  onClick(e) {
    const target = e.target instanceof Element ? e.target.closest("[data-cc], [data-cc-jump], a[href^='#']") : null;
    if (!target || !this.root.contains(target)) return;
    const action = target.dataset.cc;
    if (target.matches("a[href^='#']")) {
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
      if (ctl) {
        ctl.scrollIntoView({ block: "center" });
        ctl.focus();
      }
    }
  }

  controlFor(path) {
    const f = this.fields.find((x) => x.paths && x.paths.includes(path) && !x.wrap.hidden);
    if (!f) return null;
    return f.wrap.querySelector("input:checked, input:not([type=radio]):not([hidden]), select, input");
  }

  rerunConverter() {
    if (this.convInputs) this.runConverter(this.convInputs.amount.value, this.convInputs.cur.value);
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

  // ---- the case, for embedders (element.js `case`) ----------------------------------------------

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
    this.api.assess(answers, this.assessOptions());
    this.state = clone(answers);
    this.birthMode = answers.birthDate !== undefined ? "date" : answers.birthYear !== undefined ? "year" : "unknown";
    this.yearDraft = answers.birthYear !== undefined ? String(answers.birthYear) : "";
    delete this.state.birthYear;
    this.build();
  }

  // ---- assessing -----------------------------------------------------------------------------

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
    if (this.result && !this.issues) {
      if (announce) this.announce();
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

  refreshForm() {
    const missing = new Set(this.result && !this.issues ? this.result.missingFacts : []);
    const bad = new Map();
    for (const i of this.issues || []) bad.set(i.path, i);
    const sectionVisible = new Map();
    // A question that holds an answer the engine receives stays visible, so nothing hidden
    // changes the result (service details without a service status are not sent, so they hide).
    const sent = this.caseInput();
    for (const f of this.fields) {
      if (f.isSection) continue;
      const hasValue = f.paths.some((pth) => pth !== "options.asOf" && get(sent, pth) !== undefined && pth !== "summonses")
        || (f.paths.includes("birthDate") && this.birthMode !== "unknown");
      const needed = f.paths.some((pth) => missing.has(pth));
      const issue = f.paths.map((pth) => bad.get(pth)).find(Boolean);
      const asked = (!f.show || f.show(this.state)) && (!f.section?.show || f.section.show(this.state));
      const show = asked || hasValue || needed || !!issue;
      f.wrap.hidden = !show;
      f.wrap.classList.toggle("cc-needed", needed);
      const note = f.wrap.querySelector(":scope > .cc-needed-note");
      if (note) note.hidden = !needed;
      const errNote = f.wrap.querySelector(":scope > .cc-error-note");
      if (errNote) {
        errNote.hidden = !issue;
        errNote.textContent = issue ? this.issueText(issue) : "";
      }
      for (const c of f.wrap.querySelectorAll("input, select")) {
        if (issue) c.setAttribute("aria-invalid", "true");
        else c.removeAttribute("aria-invalid");
      }
      if (f.section && show) sectionVisible.set(f.section.id, true);
    }
    for (const f of this.fields) {
      if (!f.isSection) continue;
      const own = !f.section.show || f.section.show(this.state) || sectionVisible.get(f.section.id);
      f.wrap.hidden = !own;
    }
  }

  announce() {
    const r = this.result;
    const text = [
      this.t("live.updated"),
      this.chipText("deferral", r.deferral.status),
      this.chipText("returnRisk", r.returnRisk.status),
      this.chipText("deployment", r.deployment.status),
    ].join(" ");
    if (text === this.announced) return;
    this.announced = text;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => { this.liveRegion.textContent = text; }, 1200);
  }

  chipText(section, status) {
    return this.t("chip", { label: this.t(`chip.${section}`), status: this.t(`st.${section}.${status}`) });
  }

  // ---- the result -----------------------------------------------------------------------------

  renderResults() {
    const p = this.p;
    const active = this.root.getRootNode().activeElement;
    const focusId = active && this.resultsBody.contains(active) ? active.id : null;
    const r = this.result;
    const body = [];

    if (this.issues) {
      body.push(h("div", { class: "cc-issues", "data-cc": "issues" },
        h("p", null, h("strong", null, this.t(r ? "issues.stale" : "issues.none"))),
        h("ul", null, this.issues.map((i) => h("li", null,
          this.controlFor(i.path)
            ? h("button", { type: "button", class: "cc-link", "data-cc": "goto-field", "data-goto": i.path }, this.fieldLabel(i.path))
            : this.fieldLabel(i.path),
          ": ", this.issueText(i))))));
    }
    if (!r) {
      this.resultsBody.replaceChildren(...body);
      return;
    }
    this.cites = citationOrder(r);
    const cited = [...this.cites.keys()].map((id) => r.sources.find((s) => s.id === id) || this.k.sources.find((s) => s.id === id)).filter(Boolean);
    this.shownDisagreements = new Set();

    if (!this.inMemo) body.push(this.glanceBlock(r));
    body.push(h("p", { class: "cc-asof" }, this.t("results.asof", { date: this.fmtDate(r.asOf) })));
    body.push(h("p", { class: "cc-print-only" }, this.t("print.note")));

    // Overview: every status as text, with a shape that doesn't rely on colour.
    const overview = h("ul", { class: "cc-overview", "data-cc": "overview" },
      h("li", null, this.chip("age", AGE_TONE[r.age.conscriptionAge], this.t("chip", { label: this.t("chip.age"), status: this.ageText(r.age) }), r.age.conscriptionAge)),
      ["deferral", "restrictions", "returnRisk", "deployment", "payment"].map((s) =>
        h("li", null, this.chip(s, STATUS_TONE[r[s].status], this.chipText(s, r[s].status), r[s].status))),
      r.penalties.filter((x) => x.exposure !== "not-applicable").map((x) =>
        h("li", null, this.chip(`penalty-${x.id}`, EXPOSURE_TONE[x.exposure],
          this.t("chip", { label: x.legalBasis, status: this.t(`st.exposure.${x.exposure}`) }), x.exposure))));
    body.push(h("section", { class: "cc-overview-box", "aria-labelledby": `${p}ov-h` },
      this.heading(3, { id: `${p}ov-h` }, this.t("results.overview")), overview, this.legend(r)));

    if (r.warnings.length) {
      body.push(h("section", { class: "cc-warnings", "aria-labelledby": `${p}warn-h`, "data-result": "warnings" },
        this.heading(3, { id: `${p}warn-h` }, this.t("results.warnings")),
        this.findingList(r.warnings, { fold: false })));
    }

    // Legend of the later-source marker, when some finding carries it.
    const all = [r.warnings, r.age.findings, r.deferral.findings, r.restrictions.findings, r.returnRisk.findings,
      r.deployment.findings, r.payment.findings, ...r.penalties.map((x) => x.findings)].flat();
    if (all.some((f) => f.origin === "later")) {
      body.push(h("p", { class: "cc-later-legend", "data-cc": "later-legend" }, this.laterMark(), " ",
        this.t("later.legend", { reportDate: this.fmtDate(r.knowledge.reportDate), currentTo: this.fmtDate(r.knowledge.currentTo) })));
    }

    if (r.missingFacts.length) {
      body.push(h("section", { class: "cc-missing", "aria-labelledby": `${p}missing-h`, "data-cc": "missing" },
        this.heading(3, { id: `${p}missing-h` }, this.t("results.missing")),
        h("ul", null, r.missingFacts.map((m) => h("li", null,
          this.controlFor(m)
            ? h("button", { type: "button", class: "cc-link", "data-cc": "goto-field", "data-goto": m }, this.fieldLabel(m))
            : this.fieldLabel(m))))));
    }

    body.push(this.sectionBlock("age", null, r.age.findings, { tone: AGE_TONE[r.age.conscriptionAge], text: this.chipText2("age", this.ageText(r.age)), status: r.age.conscriptionAge }));
    body.push(this.sectionBlock("deferral", r.deferral));
    body.push(this.penaltiesBlock(r));
    body.push(this.sectionBlock("restrictions", r.restrictions));
    body.push(this.sectionBlock("returnRisk", r.returnRisk));
    body.push(this.sectionBlock("deployment", r.deployment));
    body.push(this.paymentBlock(r.payment));

    // The print is the result at a glance (style.css): statuses, summaries, fines and the
    // "read first" warnings; it lists only the sources those warnings cite.
    const printed = new Set(r.warnings.flatMap((f) => f.sources.map((s) => s.id)));
    const srcList = h("ol", { class: "cc-sources" });
    cited.forEach((s, i) => {
      const li = this.sourceItem(s, `${p}src-${idPart(s.id)}`, "li");
      li.value = i + 1;
      if (!printed.has(s.id)) li.classList.add("cc-no-print");
      srcList.append(li);
    });
    body.push(h("section", { class: "cc-cited", "aria-labelledby": `${p}cited-h` },
      this.heading(3, { id: `${p}cited-h` }, this.t("results.sources")), srcList));
    body.push(h("p", { class: "cc-engine" }, this.t("results.engine", { engine: r.engine, version: r.knowledge.version })));

    if (this.issues) this.resultsBody.classList.add("cc-outdated");
    else this.resultsBody.classList.remove("cc-outdated");
    this.resultsBody.replaceChildren(...body);
    if (focusId) this.root.querySelector(`#${CSS.escape(focusId)}`)?.focus({ preventScroll: true });
    if (!this.inMemo) this.renderMemo();
  }

  /**
   * The print in the memo's language, when it is not the form's: the same result drawn again in
   * that language (ids of its own), shown only in print instead of the on-screen result.
   */
  renderMemo() {
    let lang = this.memoLang && this.memoLang !== this.lang && this.result && !this.issues ? this.memoLang : null;
    // Until its texts are loaded, the print shows the form's language; then it is drawn again.
    if (lang && this.languagesReady([lang], "memo", () => this.resultsBody && this.renderResults()) !== true) lang = null;
    this.root.classList.toggle("cc-memo-other", !!lang);
    if (!lang) {
      this.memoBox.replaceChildren();
      this.memoBox.removeAttribute("lang");
      return;
    }
    const body = this.resultsBody;
    const box = h("div", { class: "cc-results-body" });
    this.inMemo = true;
    try {
      this.inLang(lang, () => {
        this.p = `${this.p}m-`;
        this.resultsBody = box;
        this.renderResults();
        box.prepend(
          h("p", { class: "cc-memo-title" }, h("strong", null, this.t("title"))),
          h("p", { class: "cc-knowledge" }, this.t("knowledge-line", { date: this.fmtDate(this.k.reportDate), currentTo: this.fmtDate(this.k.currentTo), version: this.k.version })));
        box.append(h("p", null, this.t("disclaimer")));
      });
    } finally {
      this.inMemo = false;
      this.resultsBody = body;
    }
    this.memoBox.setAttribute("lang", lang);
    this.memoBox.replaceChildren(box);
  }

  /**
   * At a glance (issue 13): one plain sentence per question, each restating its section's
   * status (ui.toml glance.<section>.<status>) with the one fact that decides it — the deferral
   * ground, the fines in the chosen currency, or the answer the most serious finding rests on.
   * Nothing here that the sections below don't say; exported to embedders as part="at-a-glance".
   */
  glanceBlock(r) {
    const p = this.p;
    const cur = GLANCE_CURRENCIES.includes(this.currency) ? this.currency : "RUB";
    const select = h("select", { id: `${p}glance-cur`, "data-cc": "glance-currency" },
      GLANCE_CURRENCIES.map((c) => h("option", { value: c, selected: c === cur }, c)));
    select.addEventListener("change", () => {
      this.currency = select.value;
      this.renderResults();
      this.root.querySelector(`#${p}glance-cur`)?.focus();
    });
    const row = (id, tone, chipText, status, sentenceKey, fact) => h("li", { class: "cc-glance-row", "data-glance": id, "data-status": status },
      this.chip(`glance-${id}`, tone, chipText, status),
      h("p", { class: "cc-glance-text" }, this.t(sentenceKey)),
      fact ? h("p", { class: "cc-glance-fact", "data-cc": "glance-fact" }, fact) : null);
    const factOf = (label, value) => this.t("glance.fact", { label, value });
    const becauseFact = (findings) => {
      const order = { warning: 0, caution: 1, info: 2 };
      const f = [...findings].filter((x) => x.because?.length).sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3))[0];
      const b = f?.because[0];
      return b ? factOf(this.fieldLabel(b.path), this.fmtValue(b.path, b.value)) : null;
    };
    const rows = [];
    // Deferral: the ground that decides the status.
    const d = r.deferral;
    const wanted = { likely: ["applies"], uncertain: ["contested", "unknown", "applies"], unlikely: ["lost", "none"] }[d.status] || [];
    const ground = wanted.map((st) => (d.grounds || []).find((g) => g.status === st)).find(Boolean);
    rows.push(row("deferral", STATUS_TONE[d.status], this.chipText("deferral", d.status), d.status, `glance.deferral.${d.status}`,
      ground ? factOf(this.t(`ground.${ground.ground}`), this.t(`ground-st.${ground.status}`)) : becauseFact(d.findings)));
    // Penalties: the most serious exposure shown, and the fines' range in the chosen currency.
    const shown = r.penalties.filter((x) => x.exposure !== "not-applicable");
    const worst = EXPOSURE_ORDER.find((e) => shown.some((x) => x.exposure === e)) || "not-applicable";
    const fined = shown.filter((x) => x.fine[cur] && x.fine.RUB.max > 0);
    const range = fined.length ? { min: Math.min(...fined.map((x) => x.fine[cur].min)), max: Math.max(...fined.map((x) => x.fine[cur].max)) } : null;
    rows.push(row("penalties", EXPOSURE_TONE[worst], this.t("chip", { label: this.t("glance.penalties"), status: this.t(`st.exposure.${worst}`) }), worst,
      `glance.penalties.${worst}`, range ? this.t("glance.fines", { amount: `${cur} ${this.fmtRange(range)}` }) : null));
    // Paying is bribery whatever the situation: no answer decides it.
    for (const s of ["restrictions", "returnRisk", "deployment", "payment"]) {
      rows.push(row(s, STATUS_TONE[r[s].status], this.chipText(s, r[s].status), r[s].status, `glance.${uiKey(s)}.${r[s].status}`,
        s === "payment" ? null : becauseFact(r[s].findings)));
    }
    return h("section", { class: "cc-glance cc-no-print", part: "at-a-glance", "data-cc": "at-a-glance", "aria-labelledby": `${p}glance-h` },
      h("div", { class: "cc-glance-head" },
        this.heading(3, { id: `${p}glance-h` }, this.t("glance.title")),
        h("span", { class: "cc-glance-cur" }, h("label", { for: `${p}glance-cur` }, this.t("glance.currency")), " ", select)),
      h("ul", { class: "cc-glance-list" }, rows),
      h("p", { class: "cc-glance-more" }, this.t("glance.details")));
  }

  ageText(age) {
    const years = age.years !== undefined ? String(age.years)
      : age.yearsRange ? this.t("age.range", { min: age.yearsRange.min, max: age.yearsRange.max }) : null;
    const status = this.t(`st.age.${age.conscriptionAge}`, { min: age.window.min, max: age.window.max });
    return years ? this.t("age.line", { years, status }) : status;
  }

  chipText2(section, status) {
    return this.t("chip", { label: this.t(`chip.${section}`), status });
  }

  /** The status word alone ("possible"), for "What “possible” means". */
  statusWord(kind, status, age) {
    const w = age || this.result?.age?.window || { min: "", max: "" };
    return this.t(`st.${kind}.${status}`, { min: w.window?.min ?? w.min, max: w.window?.max ?? w.max });
  }

  /** A status word's one-line definition (data/texts/ui.toml def.*), or "" when there is none. */
  defText(kind, status) {
    const key = `def.${kind}.${status}`;
    return this.has(key) ? this.t(key) : "";
  }

  /** The definition next to a chip: a disclosure a keyboard opens, its text the chip's description. */
  definition(kind, status, id, age) {
    const text = this.defText(kind, status);
    if (!text) return null;
    return h("details", { class: "cc-def", "data-def": `${kind}.${status}` },
      h("summary", null, this.t("def.summary", { status: this.statusWord(kind, status, age) })),
      h("p", { id }, text));
  }

  /** The statuses of a result, each with its definition: (label, word, definition). */
  statusLines(r) {
    const lines = [[this.t("chip.age"), this.statusWord("age", r.age.conscriptionAge, r.age), this.defText("age", r.age.conscriptionAge)]];
    for (const s of ["deferral", "restrictions", "returnRisk", "deployment", "payment"]) {
      lines.push([this.t(`chip.${s}`), this.t(`st.${s}.${r[s].status}`), this.defText(uiKey(s), r[s].status)]);
    }
    for (const x of r.penalties) {
      if (x.exposure !== "not-applicable") lines.push([x.legalBasis, this.t(`st.exposure.${x.exposure}`), this.defText("exposure", x.exposure)]);
    }
    return lines;
  }

  /** Under the overview: what each status shown means (folded on screen, printed). */
  legend(r) {
    const dl = () => h("dl", null, this.statusLines(r).flatMap(([label, word, def]) => [
      h("dt", null, this.t("chip", { label, status: word })), h("dd", null, def)]));
    return [
      h("details", { class: "cc-legend", "data-cc": "legend" },
        h("summary", null, this.t("def.legend")),
        h("p", null, this.t("def.basis")), dl()),
      h("div", { class: "cc-print-only cc-legend-print" }, h("p", null, h("strong", null, this.t("def.legend")), " ", this.t("def.basis")), dl()),
    ];
  }

  chip(id, tone, text, status, describedBy) {
    return h("span", { class: `cc-chip cc-tone-${tone || "unknown"}`, "data-status-of": id, "data-status": status, "aria-describedby": describedBy },
      h("span", { class: "cc-chip-icon", "aria-hidden": "true" }, TONE_ICON[tone] || "?"),
      h("span", { class: "cc-chip-text" }, text));
  }

  sectionBlock(id, section, findings = section.findings, chipInfo) {
    const p = this.p;
    const info = chipInfo || { tone: STATUS_TONE[section.status], text: this.chipText(id, section.status), status: section.status };
    return h("section", { class: "cc-block", id: `${p}res-${id}`, "data-result": id, "aria-labelledby": `${p}res-${id}-h` },
      this.heading(3, { id: `${p}res-${id}-h` }, this.t(`res.${id}`)),
      h("p", { class: "cc-status-line" }, this.chip(id, info.tone, info.text, info.status, `${p}def-${id}`),
        this.definition(uiKey(id), info.status, `${p}def-${id}`, id === "age" ? this.result.age : null)),
      section && section.summary ? h("p", { class: "cc-summary" }, section.summary) : null,
      section && section.grounds && section.grounds.length ? this.groundsList(section.grounds) : null,
      this.findingsFold(findings, id));
  }

  /**
   * A section's findings, folded under its answer (issue 13): the summary counts them and says
   * when sources disagree inside; opened, the list is as before (background folded further).
   */
  findingsFold(findings, id) {
    if (!findings.length) return null;
    const list = h("div", { class: "cc-fold-body" }, this.findingList(findings));
    const disagree = list.querySelector(".cc-disagreement");
    return h("details", { class: "cc-fold", "data-cc": "findings", "data-fold": id },
      h("summary", null, this.t("fold.summary", { n: this.fmtNum(findings.length) }),
        disagree ? [" ", h("span", { class: "cc-dis-tag", "data-cc": "fold-disagreement" }, h("span", { "aria-hidden": "true" }, "⇄ "), this.t("disagreement"))] : null),
      list);
  }

  /** The deferral's grounds, each with its status and the sentence that says why. */
  groundsList(grounds) {
    return h("div", { class: "cc-grounds", "data-cc": "grounds" },
      h("p", { class: "cc-grounds-h" }, this.t("deferral.grounds")),
      h("ul", null, grounds.map((g) => h("li", { class: "cc-ground", "data-ground": g.ground, "data-status": g.status },
        this.chip(`ground-${g.ground}`, GROUND_TONE[g.status], this.t("chip", { label: this.t(`ground.${g.ground}`), status: this.t(`ground-st.${g.status}`) }), g.status),
        " ", h("span", { class: "cc-ground-text" }, g.summary)))));
  }

  penaltiesBlock(r) {
    const p = this.p;
    const items = r.penalties.map((x) => h("section", { class: "cc-penalty", "data-penalty": x.id, "aria-labelledby": `${p}pen-${x.id}-h` },
      this.heading(4, { id: `${p}pen-${x.id}-h` }, x.legalBasis),
      h("p", { class: "cc-status-line" },
        this.chip(`penalty-${x.id}`, EXPOSURE_TONE[x.exposure], this.t("chip", { label: this.t("chip.exposure"), status: this.t(`st.exposure.${x.exposure}`) }), x.exposure, `${p}def-pen-${x.id}`),
        " ", h("span", { class: "cc-kind" }, this.t(`kind.${x.kind}`)),
        this.definition("exposure", x.exposure, `${p}def-pen-${x.id}`)),
      h("p", null, this.t("penalty.fine", { amount: this.fmtMoney(x.fine) }), " ",
        h("span", { class: "cc-muted" }, this.t("penalty.law-date", { date: this.fmtDate(x.lawDate) }))),
      x.otherSanctions.length
        ? h("div", { class: "cc-sanctions" }, h("p", null, this.t("penalty.other")), h("ul", null, x.otherSanctions.map((s) => h("li", null, s.text))))
        : null,
      this.findingsFold(x.findings, `penalty-${x.id}`)));

    return h("section", { class: "cc-block", id: `${p}res-penalties`, "data-result": "penalties", "aria-labelledby": `${p}res-penalties-h` },
      this.heading(3, { id: `${p}res-penalties-h` }, this.t("res.penalties")),
      items,
      this.finesTable(r),
      this.inMemo ? null : this.ratesBox);
  }

  finesTable(r) {
    const p = this.p;
    const rows = r.penalties.filter((x) => x.fine.RUB.max > 0);
    const rates = rows[0]?.fine.rubPer || this.rubPer || this.k.rubPer;
    const rateLine = this.rubPer
      ? this.t("rates.line-custom", { chf: this.fmtNum(rates.CHF), eur: this.fmtNum(rates.EUR) })
      : this.t("rates.line", {
        chf: this.fmtNum(this.k.rubPer.CHF), chfDate: this.fmtDate(this.k.rubPer.chfDate),
        eur: this.fmtNum(this.k.rubPer.EUR), eurDate: this.fmtDate(this.k.rubPer.eurDate),
      });
    // Explicit roles: on narrow screens the rows become stacked blocks (style.css), which would
    // otherwise drop the table semantics in some browsers.
    const th = (text, attrs) => h("th", { scope: "col", role: "columnheader", ...attrs }, text);
    const cols = [this.t("fines.liability"), this.t("currency.RUB"), this.t("currency.CHF"), this.t("currency.EUR")];
    return h("div", { class: "cc-fines", "data-cc": "fines" },
      h("div", { class: "cc-table-wrap", tabindex: "0", role: "region", "aria-labelledby": `${p}fines-cap` },
        h("table", { role: "table" },
          h("caption", { id: `${p}fines-cap` }, this.t("fines.caption")),
          h("thead", { role: "rowgroup" }, h("tr", { role: "row" },
            th(this.t("fines.offence")), th(this.t("fines.liability")),
            th(this.t("currency.RUB"), { class: "cc-num" }), th(this.t("currency.CHF"), { class: "cc-num" }), th(this.t("currency.EUR"), { class: "cc-num" }))),
          h("tbody", { role: "rowgroup" }, rows.map((x) => h("tr", { "data-penalty": x.id, role: "row" },
            h("th", { scope: "row", role: "rowheader" }, x.legalBasis),
            h("td", { role: "cell", "data-label": cols[0] }, this.t(`st.exposure.${x.exposure}`)),
            ["RUB", "CHF", "EUR"].map((c, i) => h("td", { class: "cc-num", role: "cell", "data-currency": c, "data-label": cols[i + 1] }, this.fmtRange(x.fine[c])))))))),
      h("p", { class: "cc-rates-line", "data-cc": "rates-line" }, rateLine));
  }

  paymentBlock(pay) {
    const block = this.sectionBlock("payment", pay);
    if (pay.prices.length) {
      block.append(h("div", { class: "cc-prices" },
        this.heading(4, null, this.t("payment.prices")),
        h("ul", { class: "cc-findings" }, pay.prices.map((x) => h("li", { class: "cc-finding cc-price", "data-price": x.id },
          h("p", null, x.text, " ", this.citations(x.sources)),
          h("p", { class: "cc-money" }, this.fmtMoney(x.price)))))));
    }
    return block;
  }

  /** Findings, the cautions and warnings first; background information folded away. */
  findingList(findings, { fold = true } = {}) {
    const main = fold ? findings.filter((f) => f.severity !== "info") : findings;
    const more = fold ? findings.filter((f) => f.severity === "info") : [];
    return [
      main.length ? h("ul", { class: "cc-findings" }, main.map((f) => this.finding(f))) : null,
      more.length
        ? h("details", { class: "cc-more" },
          h("summary", null, this.t("more", { n: more.length })),
          h("ul", { class: "cc-findings" }, more.map((f) => this.finding(f))))
        : null,
    ];
  }

  finding(f) {
    const parts = [
      h("p", { class: "cc-finding-text" },
        h("span", { class: `cc-sev cc-sev-${f.severity}` },
          h("span", { class: "cc-sev-icon", "aria-hidden": "true" }, SEVERITY_ICON[f.severity] || "i"),
          this.t(`sev.${f.severity}`)),
        f.origin === "later" ? [" ", this.laterMark()] : null,
        " ", f.text, " ", this.citations(f.sources)),
    ];
    if (f.because && f.because.length) {
      parts.push(h("details", { class: "cc-why" },
        h("summary", null, this.t("why")),
        h("ul", null, f.because.map((b) => h("li", null,
          h("span", { class: "cc-why-path" }, this.fieldLabel(b.path)), ": ",
          h("span", { class: "cc-why-value" }, this.fmtValue(b.path, b.value)))))));
    }
    for (const d of f.disagreements || []) {
      if (this.shownDisagreements.has(d)) continue;
      const dis = this.result.disagreements.find((x) => x.id === d);
      if (!dis) continue;
      this.shownDisagreements.add(d);
      parts.push(h("div", { class: "cc-disagreement", "data-disagreement": d },
        h("p", null, h("span", { class: "cc-dis-tag" }, h("span", { "aria-hidden": "true" }, "⇄ "), this.t("disagreement")), " ", dis.text)));
    }
    return h("li", { class: `cc-finding cc-finding-${f.severity}`, "data-finding": f.id }, parts);
  }

  /** The marker of a finding from a later source (explained by the legend above the results). */
  laterMark() {
    return h("span", { class: "cc-later", "data-cc": "later-mark" },
      h("span", { class: "cc-later-icon", "aria-hidden": "true" }, "◷"), " ", this.t("later.mark"));
  }

  citations(sources) {
    const p = this.p;
    const links = [];
    (sources || []).forEach((s, i) => {
      const n = this.cites.get(s.id);
      const src = this.k.sources.find((x) => x.id === s.id);
      const target = n ? `${p}src-${idPart(s.id)}` : `${p}cat-${idPart(s.id)}`;
      const label = n ? String(n) : s.id;
      if (i) links.push(", ");
      links.push(h("a", {
        href: `#${target}`, class: "cc-cite",
        "aria-label": this.t("cite.label", { n: label, source: src ? src.publisher : s.id }),
      }, label));
      if (s.page) links.push(" ", this.t("cite.page", { page: s.page }));
    });
    return h("span", { class: "cc-cites" }, "[", links, "]");
  }

  // ---- rates, copy, save, open ------------------------------------------------------------------

  applyRates(form) {
    const next = {};
    const bad = [];
    for (const inp of form.querySelectorAll("input[data-rate]")) {
      const raw = inp.value.trim();
      if (raw === "") continue;
      const n = parseDecimal(raw);
      if (n === null || !(n > 0) || n > 1e6) {
        bad.push(raw);
        inp.setAttribute("aria-invalid", "true");
      } else {
        next[inp.dataset.rate] = n;
        inp.removeAttribute("aria-invalid");
      }
    }
    if (bad.length) {
      this.rateMsg.textContent = this.t("rates.invalid", { value: bad.map(clip).join(", ") });
      this.rateMsg.classList.add("cc-bad-input");
      return;
    }
    this.rateMsg.classList.remove("cc-bad-input");
    if (!Object.keys(next).length) {
      this.rubPer = null;
      this.rateMsg.textContent = this.t("rates.reset-done");
    } else {
      const rubPer = { CHF: next.CHF ?? this.k.rubPer.CHF, EUR: next.EUR ?? this.k.rubPer.EUR };
      try {
        this.api.assess({}, { rubPer });
      } catch (e) {
        this.rateMsg.textContent = this.t("rates.invalid", { value: `${rubPer.CHF}, ${rubPer.EUR}` });
        this.rateMsg.classList.add("cc-bad-input");
        return;
      }
      this.rubPer = rubPer;
      this.rateMsg.textContent = this.t("rates.applied", { chf: this.fmtNum(rubPer.CHF), eur: this.fmtNum(rubPer.EUR) });
    }
    this.update();
    this.rerunConverter();
  }

  summaryText() {
    const r = this.result;
    if (!r) return "";
    const out = [];
    const cite = (sources) => `[${sources.map((s) => `${this.cites.get(s.id) || s.id}${s.page ? ` ${this.t("cite.page", { page: s.page })}` : ""}`).join(", ")}]`;
    const findings = (list, indent = "") => {
      for (const f of list) {
        out.push(`${indent}- ${this.t(`sev.${f.severity}`)}: ${f.text} ${cite(f.sources)}`);
        if (f.because?.length) {
          out.push(`${indent}  ${this.t("why.copy")} ${f.because.map((b) => `${this.fieldLabel(b.path)}: ${this.fmtValue(b.path, b.value)}`).join("; ")}`);
        }
      }
    };
    out.push(this.t("title"));
    out.push(this.t("results.asof", { date: this.fmtDate(r.asOf) }));
    out.push(this.t("knowledge-line", { date: this.fmtDate(r.knowledge.reportDate), version: r.knowledge.version }));
    out.push("");
    if (r.warnings.length) {
      out.push(this.t("results.warnings").toUpperCase());
      findings(r.warnings);
      out.push("");
    }
    out.push(this.chipText2("age", this.ageText(r.age)));
    for (const s of ["deferral", "restrictions", "returnRisk", "deployment", "payment"]) out.push(this.chipText(s, r[s].status));
    out.push("");
    out.push(this.t("def.legend").toUpperCase());
    out.push(this.t("def.basis"));
    for (const [label, word, def] of this.statusLines(r)) out.push(`- ${this.t("chip", { label, status: word })} — ${def}`);
    out.push("");
    const section = (id, sec) => {
      out.push(`${this.t(`res.${id}`).toUpperCase()}: ${this.t(`st.${id}.${sec.status}`)}`);
      out.push(sec.summary);
      for (const g of sec.grounds || []) out.push(`- ${this.t("chip", { label: this.t(`ground.${g.ground}`), status: this.t(`ground-st.${g.status}`) })}: ${g.summary}`);
      findings(sec.findings);
      out.push("");
    };
    section("deferral", r.deferral);
    out.push(this.t("res.penalties").toUpperCase());
    for (const x of r.penalties) {
      out.push(`* ${x.legalBasis} (${this.t(`kind.${x.kind}`)}): ${this.t("chip", { label: this.t("chip.exposure"), status: this.t(`st.exposure.${x.exposure}`) })}`);
      out.push(`  ${this.t("penalty.fine", { amount: this.fmtMoney(x.fine) })} ${this.t("penalty.law-date", { date: this.fmtDate(x.lawDate) })}`);
      if (x.otherSanctions.length) out.push(`  ${this.t("penalty.other")} ${x.otherSanctions.map((s) => s.text).join("; ")}`);
      findings(x.findings, "  ");
    }
    const rates = r.penalties[0]?.fine.rubPer;
    if (rates) out.push(this.t("rates.used", { chf: this.fmtNum(rates.CHF), eur: this.fmtNum(rates.EUR) }));
    out.push("");
    section("restrictions", r.restrictions);
    section("returnRisk", r.returnRisk);
    section("deployment", r.deployment);
    section("payment", r.payment);
    for (const x of r.payment.prices) out.push(`- ${x.text} ${cite(x.sources)} (${this.fmtMoney(x.price)})`);
    if (r.payment.prices.length) out.push("");
    if (r.disagreements.length) {
      out.push(this.t("disagreement").toUpperCase());
      for (const d of r.disagreements) out.push(`- ${d.text}`);
      out.push("");
    }
    out.push(this.t("results.sources").toUpperCase());
    [...this.cites.keys()].map((id) => r.sources.find((s) => s.id === id) || this.k.sources.find((s) => s.id === id)).filter(Boolean).forEach((s, i) => out.push(oneStop(`[${i + 1}] ${s.publisher}: ${s.title}, ${this.fmtDate(s.date, s.datePrecision)}.${s.url ? ` ${s.url}` : ""}`)));
    out.push("");
    out.push(this.t("disclaimer"));
    out.push(this.t("results.engine", { engine: r.engine, version: r.knowledge.version }));
    return out.join("\n");
  }

  async copySummary() {
    await this.languagesReady([this.memoLang]);
    const text = this.inLang(this.memoLang, () => this.summaryText());
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (!ok) {
      // Fallback: a selected textarea and the older copy command; if that fails too, the text
      // stays visible so it can be copied by hand.
      const area = h("textarea", { class: "cc-copy-area", readonly: true, rows: "8", "aria-label": this.t("actions.copy-manual") });
      area.value = text;
      this.fileStatus.replaceChildren(area);
      area.select();
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
      if (ok) this.fileStatus.replaceChildren();
      else {
        this.copied = true;
        this.fileStatus.prepend(h("p", null, this.t("actions.copy-manual")));
        return;
      }
    }
    this.copied = true;
    this.opts.onCopied?.();
    this.fileStatus.replaceChildren(h("p", { class: "cc-ok", "data-cc": "copy-done" }, this.t("actions.copied")));
  }

  /** The statuses of a result, flat: { deferral: "likely", …, "penalty-cc-328-1": "possible" }. */
  statusesOf(r) {
    const out = { age: r.age.conscriptionAge };
    for (const s of ["deferral", "restrictions", "returnRisk", "deployment", "payment"]) out[s] = r[s].status;
    for (const x of r.penalties) out[`penalty-${x.id}`] = x.exposure;
    return out;
  }

  /** The file name: the label the user gave (made safe), else "case-<today>.json" — nothing about the topic. */
  fileName() {
    const label = String(this.caseLabel || "").normalize("NFKC")
      .replace(/[\u0000-\u001f\u007f\\/:*?"<>|]+/g, " ").trim().replace(/\s+/g, "-").replace(/^\.+/, "").slice(0, 80);
    return `${label || `case-${today()}`}.json`;
  }

  /**
   * The case file: the answers and everything else that decides the result — the assessment date,
   * the exchange rates, the form and memo languages — with the knowledge version and the
   * statuses of the result as saved, so that reopening it later gives the same assessment and
   * says what changed.
   */
  caseFile() {
    const r = this.result && !this.issues ? this.result : null;
    const file = { format: CASE_FORMAT, version: CASE_VERSION };
    const label = String(this.caseLabel || "").trim();
    if (label) file.label = label;
    file.asOf = r ? r.asOf : (this.asOf || today());
    if (this.rubPer) file.rubPer = { CHF: this.rubPer.CHF, EUR: this.rubPer.EUR };
    file.formLang = this.lang;
    file.memoLang = this.memoLang || this.lang;
    file.knowledgeVersion = this.k.version;
    if (r) file.statuses = this.statusesOf(r);
    file.answers = this.caseInput();
    return file;
  }

  saveCase() {
    const data = JSON.stringify(this.caseFile(), null, 2) + "\n";
    const blob = new Blob([data], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: this.fileName(), class: "cc-visually-hidden", tabindex: "-1" }, this.t("actions.save"));
    this.root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    this.fileStatus.replaceChildren(h("p", { class: "cc-ok", "data-cc": "save-done" }, this.t("actions.saved-all")));
  }

  /** Reads a case file's envelope; returns { answers, saved, problems } (saved: null for a bare CaseInput). */
  readCaseFile(data) {
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== CASE_FORMAT) return { answers: data, saved: null, problems: [] };
    const problems = [];
    const bad = (key) => problems.push({ path: key, code: "invalid-value" });
    for (const key of Object.keys(data)) if (!CASE_KEYS.includes(key)) problems.push({ path: key, code: "unknown-field" });
    if (data.version !== CASE_VERSION) bad("version");
    if (data.label !== undefined && (typeof data.label !== "string" || data.label.length > 200)) bad("label");
    if (data.asOf !== undefined && (typeof data.asOf !== "string" || !isoDate.test(data.asOf))) problems.push({ path: "asOf", code: "invalid-date" });
    for (const key of ["formLang", "memoLang"]) if (data[key] !== undefined && !LANGS.includes(data[key])) bad(key);
    if (data.knowledgeVersion !== undefined && typeof data.knowledgeVersion !== "string") bad("knowledgeVersion");
    if (data.statuses !== undefined && (!data.statuses || typeof data.statuses !== "object" || Array.isArray(data.statuses)
      || Object.values(data.statuses).some((v) => typeof v !== "string"))) bad("statuses");
    if (data.rubPer !== undefined && (!data.rubPer || typeof data.rubPer !== "object")) bad("rubPer");
    return { answers: data.answers ?? {}, saved: data, problems };
  }

  /**
   * The problems of a refused case file, at most FILE_ISSUES_SHOWN lines, then one line saying
   * how many more there are (the engine lists at most 100 and counts the rest in a final
   * "too-many-issues" entry). Paths are clipped; a label equal to its path is not repeated.
   */
  fileIssueLines(issues, shownPath = (path) => path) {
    const listed = issues.filter((i) => i && i.code !== "too-many-issues");
    const rest = issues.find((i) => i && i.code === "too-many-issues");
    const uncounted = rest ? Number((/^(\d+) more/.exec(String(rest.message)) || [])[1]) || 0 : 0;
    const lines = listed.slice(0, FILE_ISSUES_SHOWN).map((i) => {
      const path = String(i.path ?? "");
      const shown = shownPath(path);
      const where = shown === "" ? this.t("f.root") : clip(shown);
      const label = this.fieldLabel(path);
      const named = label === path || label === where ? where : `${where} (${clip(label)})`;
      return `${named}: ${this.issueText(i)}`;
    });
    const more = listed.length - lines.length + uncounted;
    if (more > 0) lines.push(this.t("open.more", { n: this.fmtNum(more) }));
    return lines;
  }

  async openFile(input) {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    const fail = (lines) => {
      this.fileStatus.replaceChildren(h("div", { class: "cc-file-error", role: "alert", "data-cc": "open-error" },
        h("p", null, h("strong", null, this.t("open.failed", { name: clip(file.name) }))),
        lines.length ? h("ul", null, lines.map((l) => h("li", null, l))) : null,
        h("p", null, this.t("open.kept"))));
    };
    if (file.size > 200000) return fail([this.t("open.too-large")]);
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return fail([this.t("open.not-json")]);
    }
    const { answers, saved, problems } = this.readCaseFile(data);
    const line = (path, issue) => `${path === "" ? this.t("f.root") : path} (${this.fieldLabel(issue.path)}): ${this.issueText(issue)}`;
    if (problems.length) return fail(problems.map((i) => line(i.path, i)));
    // A saved case is assessed with its own date, rates and language; an old file (bare answers) with the current ones.
    if (saved) await this.languagesReady([saved.formLang, saved.memoLang]);
    const opts = saved
      ? { lang: saved.formLang || this.lang, ...(saved.asOf ? { asOf: saved.asOf } : {}), ...(saved.rubPer ? { rubPer: saved.rubPer } : {}) }
      : this.assessOptions();
    try {
      this.api.assess(answers, opts);
    } catch (e) {
      if (e && e.name === "AssessError" && Array.isArray(e.issues)) {
        // In a saved case (format 2) the answers sit under "answers", the options beside them.
        const where = (path) => (path.startsWith("options.") ? path.replace(/^options\./, "") : saved ? (path ? `answers.${path}` : "answers") : path);
        return fail(this.fileIssueLines(e.issues, where));
      }
      return fail([this.t("open.not-json")]);
    }
    this.state = clone(answers);
    this.birthMode = answers.birthDate !== undefined ? "date" : answers.birthYear !== undefined ? "year" : "unknown";
    this.yearDraft = answers.birthYear !== undefined ? String(answers.birthYear) : "";
    delete this.state.birthYear;
    if (saved) {
      this.asOf = saved.asOf || "";
      this.rubPer = saved.rubPer ? { CHF: saved.rubPer.CHF, EUR: saved.rubPer.EUR } : null;
      this.caseLabel = saved.label || "";
      if (saved.memoLang) this.memoLang = saved.memoLang;
    }
    if (saved && saved.formLang && saved.formLang !== this.lang) this.setLang(saved.formLang);
    else this.build();
    const msg = [h("p", { "data-cc": "open-done" }, this.t("open.done", { name: clip(file.name) }))];
    if (saved) {
      if (saved.label) msg.push(h("p", { "data-cc": "open-label" }, this.t("open.label", { label: clip(saved.label) })));
      msg.push(h("p", { "data-cc": "open-restored" }, this.t("open.restored", { date: this.fmtDate(this.result?.asOf || saved.asOf) })));
      if (saved.knowledgeVersion && saved.knowledgeVersion !== this.k.version) {
        msg.push(h("p", { "data-cc": "open-version" }, h("strong", null, this.t("open.version-changed", { saved: clip(saved.knowledgeVersion), current: this.k.version }))));
      }
      if (saved.statuses && this.result && !this.issues) msg.push(this.statusChanges(saved.statuses, this.statusesOf(this.result)));
    }
    this.fileStatus.replaceChildren(h("div", { class: "cc-ok" }, msg));
    this.root.querySelector(`#${this.p}results`)?.focus();
  }

  /** Which statuses differ between the result saved in a file and today's. */
  statusChanges(before, now) {
    const keys = [...new Set([...Object.keys(now), ...Object.keys(before)])];
    const changed = keys.filter((k) => before[k] !== now[k]);
    if (!changed.length) return h("p", { "data-cc": "open-unchanged" }, this.t("open.unchanged"));
    const word = (k, v) => {
      if (v === undefined) return this.t("open.none");
      const pen = /^penalty-(.+)$/.exec(k);
      const kind = pen ? "exposure" : k === "age" ? "age" : uiKey(k);
      const key = `st.${kind}.${v}`;
      return this.has(key) ? this.statusWord(kind, v, this.result.age) : clip(v);
    };
    const label = (k) => {
      const pen = /^penalty-(.+)$/.exec(k);
      if (pen) return this.result.penalties.find((x) => x.id === pen[1])?.legalBasis || pen[1];
      return this.has(`chip.${k}`) ? this.t(`chip.${k}`) : clip(k);
    };
    return h("div", { class: "cc-changes", "data-cc": "open-changes" },
      h("p", null, this.t("open.changed")),
      h("ul", null, changed.map((k) => h("li", { "data-changed": k }, this.t("open.change", { label: label(k), before: word(k, before[k]), now: word(k, now[k]) })))));
  }
}

const CASE_FORMAT = "conscription-check case";
const CASE_VERSION = 2;
const CASE_KEYS = ["format", "version", "label", "asOf", "rubPer", "formLang", "memoLang", "knowledgeVersion", "statuses", "answers"];
const today = () => new Date().toISOString().slice(0, 10);

/** Source numbers in the order the result shows them (warnings first, then section by section). */
function citationOrder(r) {
  const order = new Map();
  const add = (refs) => { for (const s of refs || []) if (!order.has(s.id)) order.set(s.id, order.size + 1); };
  const findings = (list) => { for (const f of list || []) add(f.sources); };
  findings(r.warnings);
  findings(r.age.findings);
  findings(r.deferral.findings);
  for (const x of r.penalties) findings(x.findings);
  findings(r.restrictions.findings);
  findings(r.returnRisk.findings);
  findings(r.deployment.findings);
  findings(r.payment.findings);
  for (const x of r.payment.prices) add(x.sources);
  add(r.sources);
  return order;
}

/** Russian dates end with "г."; a sentence that ends with one takes no second full stop. */
function oneStop(s) {
  return String(s).replace(/(\d г)\.\./g, "$1.");
}

/**
 * Overwrites the clipboard (quick exit, after the tool copied a summary): synchronously where the
 * browser allows it (a copy event with an empty text), and through the async Clipboard API,
 * never waiting more than 400 ms. Resolves to whether either worked.
 */
export function clearClipboard() {
  let done = false;
  try {
    const onCopy = (e) => { e.clipboardData.setData("text/plain", ""); e.preventDefault(); done = true; };
    document.addEventListener("copy", onCopy, true);
    document.execCommand("copy");
    document.removeEventListener("copy", onCopy, true);
  } catch {
    done = false;
  }
  let later = null;
  try {
    later = navigator.clipboard?.writeText ? navigator.clipboard.writeText("") : null;
  } catch {
    later = null;
  }
  if (!later) return Promise.resolve(done);
  return Promise.race([
    later.then(() => true, () => done),
    new Promise((ok) => setTimeout(() => ok(done), 400)),
  ]);
}

function parseDecimal(s) {
  const t = String(s).trim().replace(/[\s\u00a0\u202f']/g, "");
  if (!/^\d+(?:[.,]\d+)?$/.test(t)) return null;
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

function clip(s) {
  const str = String(s);
  return str.length > 80 ? `${str.slice(0, 80)}…` : str;
}

// Shown only when the engine cannot start (before any interface text can be read from it).
const LOAD_FAILED = {
  en: "The tool could not start in this browser. Try an up-to-date browser.",
  fr: "L’outil n’a pas pu démarrer dans ce navigateur. Essayez un navigateur à jour.",
  de: "Das Werkzeug konnte in diesem Browser nicht starten. Bitte einen aktuellen Browser verwenden.",
  ru: "Инструмент не удалось запустить в этом браузере. Попробуйте обновлённый браузер.",
};

// Quick exit while the engine loads (element.js): the labels are data/texts/ui.toml's
// "ui.quick-exit" and "ui.quick-exit.hint", repeated here and in quick-exit.js because the
// engine that holds the texts is not there yet (a test checks they are the same).
export const EXIT_LABELS = {
  en: ["Quick exit", "or press Esc twice"],
  fr: ["Sortie rapide", "ou appuyez deux fois sur Échap"],
  de: ["Schnell verlassen", "oder zweimal Esc drücken"],
  ru: ["Быстрый выход", "или дважды нажмите Esc"],
};

/** A quick-exit button (and Esc twice) in a container that has nothing else yet. */
export function showLoadingExit(container, lang, go) {
  const [label, hint] = EXIT_LABELS[lang] || EXIT_LABELS.en;
  let last = 0;
  const box = h("div", { class: "cc", lang, "data-cc-loading": "" },
    h("div", { class: "cc-exit-bar" },
      h("button", { type: "button", class: "cc-exit", "data-cc": "quick-exit", onclick: go }, label),
      h("span", { class: "cc-exit-hint" }, hint)));
  box.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || e.repeat) return;
    if (Date.now() - last < 1000) go();
    else last = Date.now();
  });
  container.replaceChildren(box);
}

// Shown instead when the page's Content-Security-Policy blocked the engine ({directive}: the
// directive the browser named, e.g. script-src).
const LOAD_BLOCKED = {
  en: "The security policy of this website (Content-Security-Policy, {directive}) prevents the tool from starting. The website’s operator can allow it with script-src 'wasm-unsafe-eval' and connect-src 'self'.",
  fr: "La politique de sécurité de ce site (Content-Security-Policy, {directive}) empêche l’outil de démarrer. L’exploitant du site peut l’autoriser avec script-src 'wasm-unsafe-eval' et connect-src 'self'.",
  de: "Die Sicherheitsrichtlinie dieser Website (Content-Security-Policy, {directive}) verhindert den Start des Werkzeugs. Der Betreiber der Website kann ihn mit script-src 'wasm-unsafe-eval' und connect-src 'self' zulassen.",
  ru: "Политика безопасности этого сайта (Content-Security-Policy, {directive}) не позволяет запустить инструмент. Администратор сайта может разрешить запуск с помощью script-src 'wasm-unsafe-eval' и connect-src 'self'.",
};

/**
 * Shows the load failure in the language of the browser; used by the page and the element.
 * blockedBy: the CSP directive that blocked the engine, if the browser reported one.
 */
export function showLoadError(container, lang, blockedBy = null) {
  const text = blockedBy
    ? (LOAD_BLOCKED[lang] || LOAD_BLOCKED.en).replace("{directive}", clip(blockedBy))
    : LOAD_FAILED[lang] || LOAD_FAILED.en;
  container.replaceChildren(h("p", { class: "cc-load-error", role: "alert", lang, "data-cc": blockedBy ? "load-blocked" : "load-failed" }, text));
}

/**
 * The page: starts the engine (load(lang) runs init or initSync, loading the texts of lang),
 * then renders the tool into main,
 * in the browser's language, keeping <html lang> and the title in step with the language menu.
 */
export async function startPage(main, load, api) {
  const lang = pickLang(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
  try {
    await load(lang);
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
  tool = mountTool(main, api, {
    lang,
    headingLevel: 1,
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
