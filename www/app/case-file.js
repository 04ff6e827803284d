// The case file: saving the answers with everything that decides the result (a download the
// user asks for), opening one again, and saying what changed since it was saved. Methods of the
// tool (tool.js).
import { h } from "./dom.js";
import { LANGS, uiKey } from "./i18n.js";
import { clone, isoDate } from "./paths.js";
import { clip, today } from "./format.js";

/** At most this many problems of a refused case file are listed (then "and N more"). */
const FILE_ISSUES_SHOWN = 20;
const CASE_FORMAT = "conscription-check case";
const CASE_VERSION = 2;
const CASE_KEYS = ["format", "version", "label", "asOf", "rubPer", "formLang", "memoLang", "knowledgeVersion", "statuses", "answers"];

export const caseFileMethods = {
  /** The case's label: kept in the saved file and used as its name (else a neutral "case-<day>"). */
  buildCaseLabel() {
    const p = this.p;
    const input = h("input", { type: "text", id: `${p}case-label`, "data-cc": "case-label", maxlength: "80", autocomplete: "off", spellcheck: "false", value: this.caseLabel || "", "aria-describedby": `${p}case-label-help` });
    input.addEventListener("input", () => { this.caseLabel = input.value; });
    return h("div", { class: "cc-field cc-case-label" },
      h("label", { for: `${p}case-label` }, this.t("save.label")),
      input,
      h("p", { class: "cc-help", id: `${p}case-label-help` }, this.t("save.help", { day: today() })));
  },

  /** The statuses of a result, flat: { deferral: "likely", …, "penalty-cc-328-1": "possible" }. */
  statusesOf(r) {
    const out = { age: r.age.conscriptionAge };
    for (const s of ["deferral", "restrictions", "returnRisk", "deployment", "payment"]) out[s] = r[s].status;
    for (const x of r.penalties) out[`penalty-${x.id}`] = x.exposure;
    return out;
  },

  /** The file name: the label the user gave (made safe), else "case-<today>.json" — nothing about the topic. */
  fileName() {
    const label = String(this.caseLabel || "").normalize("NFKC")
      .replace(/[\u0000-\u001f\u007f\\/:*?"<>|]+/g, " ").trim().replace(/\s+/g, "-").replace(/^\.+/, "").slice(0, 80);
    return `${label || `case-${today()}`}.json`;
  },

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
  },

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
  },

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
  },

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
  },

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
    const opts = saved
      ? { lang: saved.formLang || this.lang, ...(saved.asOf ? { asOf: saved.asOf } : {}), ...(saved.rubPer ? { rubPer: saved.rubPer } : {}) }
      : this.assessOptions();
    // The saved languages are loaded first (the form's and the memo's texts).
    if (saved) {
      await Promise.all([saved.formLang, saved.memoLang].filter((l) => l && !this.hasLang(l)).map((l) => this.loadLang(l).catch(() => null)));
      if (this.leaving) return;
    }
    try {
      this.api.assess(answers, { ...opts, output: "compact" }); // a check only: nothing to expand
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
    if (saved && saved.formLang && saved.formLang !== this.lang && this.hasLang(saved.formLang)) this.setLang(saved.formLang);
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
  },

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
  },
};
