// The memo: the copied summary and the print, in the memo's language when it differs from the
// form's (the same answers assessed again in that language). Methods of the tool (tool.js).
import { h } from "./dom.js";
import { LANGS, LOCALES, oneStop } from "./i18n.js";
import { citationOrder } from "./result.js";
import { numberFormat } from "./format.js";

export const memoMethods = {
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
  },

  /** The memo's language from now on; its texts are loaded first when they are not yet. */
  setMemoLang(lang) {
    this.memoLang = LANGS.includes(lang) ? lang : null;
    const select = this.root?.querySelector("[data-cc=memo-lang]");
    if (select) select.value = this.memoLang || this.lang;
    const l = this.memoLang;
    if (l && !this.hasLang(l)) {
      this.loadLang(l).then(
        () => { if (this.memoLang === l && this.resultsBody && !this.leaving) this.renderResults(); },
        (e) => console.error(`conscription-check: the texts of "${l}" could not be loaded`, e),
      );
      return;
    }
    if (this.resultsBody) this.renderResults();
  },

  /**
   * Runs fn with the tool speaking `lang`: its texts, formats and the same answers assessed again
   * in that language (the memo, issue 13). Everything is put back afterwards. Until that
   * language's texts are loaded (setMemoLang), fn runs in the form's language.
   */
  inLang(lang, fn) {
    if (!lang || lang === this.lang || !this.result || this.issues || !this.hasLang(lang)) return fn();
    const saved = {
      lang: this.lang, k: this.k, ui: this.ui, locale: this.locale, nf: this.nf, result: this.result,
      cites: this.cites, shownDisagreements: this.shownDisagreements, p: this.p,
    };
    try {
      this.lang = lang;
      this.k = this.api.knowledge({ lang });
      this.ui = this.texts.get(lang);
      this.locale = LOCALES[lang];
      this.nf = numberFormat(this.locale);
      this.result = this.api.assess(this.caseInput(), { ...this.assessOptions(), lang });
      this.cites = citationOrder(this.result);
      return fn();
    } finally {
      Object.assign(this, saved);
    }
  },

  /**
   * The print in the memo's language, when it is not the form's: the same result drawn again in
   * that language (ids of its own), shown only in print instead of the on-screen result.
   */
  renderMemo() {
    const lang = this.memoLang && this.memoLang !== this.lang && this.result && !this.issues && this.hasLang(this.memoLang) ? this.memoLang : null;
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
        box.append(h("p", null, this.t("disclaimer")));
      });
    } finally {
      this.inMemo = false;
      this.resultsBody = body;
    }
    this.memoBox.setAttribute("lang", lang);
    this.memoBox.replaceChildren(box);
  },

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
    out.push(this.t("memo.dates", { date: this.fmtDate(r.asOf), currentTo: this.fmtDate(r.knowledge.currentTo) }));
    out.push(this.t("knowledge-line", { date: this.fmtDate(r.knowledge.reportDate), currentTo: this.fmtDate(r.knowledge.currentTo), version: r.knowledge.version }));
    if (r.asOf >= (this.k.staleFrom || r.knowledge.currentTo)) out.push(this.t("knowledge-old", { currentTo: this.fmtDate(r.knowledge.currentTo) }));
    out.push("");
    // The person's answers, as the check-your-answers step lists them.
    out.push(this.t("memo.answers").toUpperCase());
    for (const g of this.answerGroups()) {
      out.push(`* ${this.t(`sec.${g.section}`)}`);
      for (const row of g.rows) out.push(`  - ${row.label}: ${row.value === null ? this.t("answer.unknown") : row.value}`);
    }
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
  },

  async copySummary() {
    if (this.memoLang && !this.hasLang(this.memoLang)) await this.loadLang(this.memoLang).catch(() => null);
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
  },
};
