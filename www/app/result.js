// The result: the status overview and its legend, each section with its findings (folded), the
// penalties and the fines table, the payment block, the cited sources, and the live announcement
// of a changed result. Methods of the tool (tool.js).
import { h, idPart, afterPaint, nextTask } from "./dom.js";
import { uiKey } from "./i18n.js";

// The result's sections, in reading order, and how each status reads.
export const STATUS_TONE = {
  likely: "good", unlikely: "bad", uncertain: "unknown", "not-applicable": "na", unknown: "unknown",
  apply: "bad", possible: "caution", high: "bad", moderate: "caution", low: "good", illegal: "bad",
};
// A deferral ground's status (deferral.grounds[].status).
const GROUND_TONE = { applies: "good", contested: "caution", lost: "bad", none: "na", unknown: "unknown" };
export const EXPOSURE_TONE = { likely: "bad", possible: "caution", unlikely: "good", "not-applicable": "na", unknown: "unknown" };
const AGE_TONE = { below: "na", within: "caution", above: "na", unknown: "unknown" };
// At a glance: the penalties' most serious exposure first; amounts in one of these currencies.
export const EXPOSURE_ORDER = ["likely", "possible", "unknown", "unlikely"];
export const GLANCE_CURRENCIES = ["RUB", "EUR", "CHF"];
const TONE_ICON = { good: "✓", caution: "!", bad: "✕", unknown: "?", na: "–" };
const SEVERITY_ICON = { info: "i", caution: "!", warning: "▲" };

/** Source numbers in the order the result shows them (warnings first, then section by section). */
export function citationOrder(r) {
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

export const resultMethods = {
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
  },

  chipText(section, status) {
    return this.t("chip", { label: this.t(`chip.${section}`), status: this.t(`st.${section}.${status}`) });
  },

  renderResults() {
    const p = this.p;
    const active = this.root.getRootNode().activeElement;
    const focusId = active && this.resultsBody.contains(active) ? active.id : null;
    const r = this.result;
    const body = [];
    const gen = (this.renderGen = (this.renderGen || 0) + 1); // a drawing still under way (below) stops

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
      if (!this.inMemo) this.glanceBox.replaceChildren();
      if (!this.inMemo) this.setPrintHeader(null);
      this.resultsBody.removeAttribute("aria-busy");
      this.resultsBody.replaceChildren(...body);
      return;
    }
    this.cites = citationOrder(r);
    const cited = [...this.cites.keys()].map((id) => r.sources.find((s) => s.id === id) || this.k.sources.find((s) => s.id === id)).filter(Boolean);
    this.shownDisagreements = new Set();

    // The memo's head (print): the date of the assessment, the knowledge date and, when old,
    // the staleness warning; then the person's answers (the check-your-answers list).
    body.push(this.memoHead(r));
    if (!this.inMemo) {
      this.glanceBox.replaceChildren(this.glanceBlock(r));
      this.glanceBox.classList.toggle("cc-outdated", !!this.issues);
    }
    body.push(h("p", { class: "cc-asof cc-no-print" }, this.t("results.asof", { date: this.fmtDate(r.asOf) })));
    body.push(h("section", { class: "cc-memo-only cc-memo-answers", "data-cc": "memo-answers", "aria-labelledby": `${p}answers-h` },
      this.heading(3, { id: `${p}answers-h` }, this.t("memo.answers")),
      this.answersList(this.answerGroups())));

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

    // The rest of the result, in reading order: each function draws one part (or null).
    const rest = [];
    rest.push(() => (r.warnings.length
      ? h("section", { class: "cc-warnings", "aria-labelledby": `${p}warn-h`, "data-result": "warnings" },
        this.heading(3, { id: `${p}warn-h` }, this.t("results.warnings")),
        this.findingList(r.warnings, { fold: false }))
      : null));

    // Legend of the later-source marker, when some finding carries it.
    rest.push(() => {
      const all = [r.warnings, r.age.findings, r.deferral.findings, r.restrictions.findings, r.returnRisk.findings,
        r.deployment.findings, r.payment.findings, ...r.penalties.map((x) => x.findings)].flat();
      return all.some((f) => f.origin === "later")
        ? h("p", { class: "cc-later-legend", "data-cc": "later-legend" }, this.laterMark(), " ",
          this.t("later.legend", { reportDate: this.fmtDate(r.knowledge.reportDate), currentTo: this.fmtDate(r.knowledge.currentTo) }))
        : null;
    });

    rest.push(() => (r.missingFacts.length
      ? h("section", { class: "cc-missing", "aria-labelledby": `${p}missing-h`, "data-cc": "missing" },
        this.heading(3, { id: `${p}missing-h` }, this.t("results.missing")),
        h("ul", null, r.missingFacts.map((m) => h("li", null,
          this.controlFor(m)
            ? h("button", { type: "button", class: "cc-link", "data-cc": "goto-field", "data-goto": m }, this.fieldLabel(m))
            : this.fieldLabel(m)))))
      : null));

    rest.push(() => this.sectionBlock("age", null, r.age.findings, { tone: AGE_TONE[r.age.conscriptionAge], text: this.chipText2("age", this.ageText(r.age)), status: r.age.conscriptionAge }));
    rest.push(() => this.sectionBlock("deferral", r.deferral));
    rest.push(() => this.penaltiesBlock(r));
    rest.push(() => this.sectionBlock("restrictions", r.restrictions));
    rest.push(() => this.sectionBlock("returnRisk", r.returnRisk));
    rest.push(() => this.sectionBlock("deployment", r.deployment));
    rest.push(() => this.paymentBlock(r.payment));

    // Every source cited, numbered as the citations (printed in full: the memo).
    rest.push(() => {
      const srcList = h("ol", { class: "cc-sources" });
      cited.forEach((s, i) => {
        const li = this.sourceItem(s, `${p}src-${idPart(s.id)}`, "li");
        li.value = i + 1;
        srcList.append(li);
      });
      return h("section", { class: "cc-cited", "aria-labelledby": `${p}cited-h` },
        this.heading(3, { id: `${p}cited-h` }, this.t("results.sources")), srcList);
    });
    rest.push(() => h("p", { class: "cc-engine" }, this.t("results.engine", { engine: r.engine, version: r.knowledge.version })));

    const finish = () => {
      this.resultsBody.removeAttribute("aria-busy");
      if (focusId) this.root.querySelector(`#${CSS.escape(focusId)}`)?.focus({ preventScroll: true });
      if (!this.inMemo) this.renderMemo();
    };
    if (this.issues) this.resultsBody.classList.add("cc-outdated");
    else this.resultsBody.classList.remove("cc-outdated");

    // The page's first result (at load; options.stagedStart) is drawn in several tasks: the
    // answer (the overview) first, painted at once, then the other parts in order, a few
    // milliseconds of work per task, so that no single task of the page's start is long. A
    // change before the end draws the whole result itself and the rest is dropped. (The element
    // draws it at once: a host may read it on cc-assessed.)
    if (this.opts.stagedStart && !this.drawnOnce && !this.inMemo && !this.issues) {
      this.drawnOnce = true;
      this.resultsBody.setAttribute("aria-busy", "true");
      this.resultsBody.replaceChildren(...body);
      let i = 0;
      const more = () => {
        if (this.renderGen !== gen || this.leaving) return;
        const until = performance.now() + 10;
        while (i < rest.length && performance.now() < until) {
          const part = rest[i++]();
          if (part) this.resultsBody.append(part);
        }
        if (i < rest.length) nextTask(more);
        else finish();
      };
      afterPaint(more);
      return;
    }
    this.drawnOnce = true;
    for (const f of rest) {
      const part = f();
      if (part) body.push(part);
    }
    this.resultsBody.replaceChildren(...body);
    finish();
  },

  /** The memo's head (print only): title, the date assessed, the knowledge date, the staleness warning. */
  memoHead(r) {
    const stale = r.asOf >= (this.k.staleFrom || r.knowledge.currentTo);
    // Every printed page's header: the date assessed and the knowledge date (the memo's
    // language wins, as renderMemo draws it after the form's).
    this.setPrintHeader(this.t("memo.dates", { date: this.fmtDate(r.asOf), currentTo: this.fmtDate(r.knowledge.currentTo) }));
    return h("div", { class: "cc-memo-only cc-memo-head", "data-cc": "memo-head" },
      h("p", { class: "cc-memo-title" }, h("strong", null, this.t("title"))),
      h("p", { "data-cc": "memo-dates" }, this.t("memo.dates", { date: this.fmtDate(r.asOf), currentTo: this.fmtDate(r.knowledge.currentTo) })),
      h("p", null, this.t("knowledge-line", { date: this.fmtDate(r.knowledge.reportDate), currentTo: this.fmtDate(r.knowledge.currentTo), version: r.knowledge.version })),
      stale ? h("p", { "data-cc": "memo-stale" }, h("strong", null, this.t("knowledge-old", { currentTo: this.fmtDate(r.knowledge.currentTo) }))) : null);
  },

  /**
   * The header of every printed page (a CSS @page margin box), for the page only
   * (opts.printHeader): an embedding site's own print is not the tool's to change. A
   * constructed stylesheet (CSSOM), which the page's Content-Security-Policy does not restrict as
   * it does inline styles; null removes the header.
   */
  setPrintHeader(text) {
    if (!this.opts.printHeader || typeof document === "undefined" || typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in document)) return;
    const css = (s) => `"${s.replace(/[\\"]/g, "\\$&").replace(/[\n\r]/g, " ")}"`;
    // Only when it changes: replacing an adopted sheet makes the browser recompute every style.
    if (this.printSheet && this.printText === text) return;
    this.printText = text;
    this.printSheet ??= new CSSStyleSheet();
    this.printSheet.replaceSync(text ? `@page { @top-left { content: ${css(text)}; font: 8pt sans-serif; color: #333; } }` : "");
    if (!document.adoptedStyleSheets.includes(this.printSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.printSheet];
  },

  ageText(age) {
    const years = age.years !== undefined ? String(age.years)
      : age.yearsRange ? this.t("age.range", { min: age.yearsRange.min, max: age.yearsRange.max }) : null;
    const status = this.t(`st.age.${age.conscriptionAge}`, { min: age.window.min, max: age.window.max });
    return years ? this.t("age.line", { years, status }) : status;
  },

  chipText2(section, status) {
    return this.t("chip", { label: this.t(`chip.${section}`), status });
  },

  /** The status word alone ("possible"), for "What “possible” means". */
  statusWord(kind, status, age) {
    const w = age || this.result?.age?.window || { min: "", max: "" };
    return this.t(`st.${kind}.${status}`, { min: w.window?.min ?? w.min, max: w.window?.max ?? w.max });
  },

  /** A status word's one-line definition (data/texts/ui.toml def.*), or "" when there is none. */
  defText(kind, status) {
    const key = `def.${kind}.${status}`;
    return this.has(key) ? this.t(key) : "";
  },

  /** The definition next to a chip: a disclosure a keyboard opens, its text the chip's description. */
  definition(kind, status, id, age) {
    const text = this.defText(kind, status);
    if (!text) return null;
    return h("details", { class: "cc-def", "data-def": `${kind}.${status}` },
      h("summary", null, this.t("def.summary", { status: this.statusWord(kind, status, age) })),
      h("p", { id }, text));
  },

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
  },

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
  },

  chip(id, tone, text, status, describedBy) {
    return h("span", { class: `cc-chip cc-tone-${tone || "unknown"}`, "data-status-of": id, "data-status": status, "aria-describedby": describedBy },
      h("span", { class: "cc-chip-icon", "aria-hidden": "true" }, TONE_ICON[tone] || "?"),
      h("span", { class: "cc-chip-text" }, text));
  },

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
  },

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
  },

  /** The deferral's grounds, each with its status and the sentence that says why. */
  groundsList(grounds) {
    return h("div", { class: "cc-grounds", "data-cc": "grounds" },
      h("p", { class: "cc-grounds-h" }, this.t("deferral.grounds")),
      h("ul", null, grounds.map((g) => h("li", { class: "cc-ground", "data-ground": g.ground, "data-status": g.status },
        this.chip(`ground-${g.ground}`, GROUND_TONE[g.status], this.t("chip", { label: this.t(`ground.${g.ground}`), status: this.t(`ground-st.${g.status}`) }), g.status),
        " ", h("span", { class: "cc-ground-text" }, g.summary)))));
  },

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
  },

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
  },

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
  },

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
  },

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
  },

  /** The marker of a finding from a later source (explained by the legend above the results). */
  laterMark() {
    return h("span", { class: "cc-later", "data-cc": "later-mark" },
      h("span", { class: "cc-later-icon", "aria-hidden": "true" }, "◷"), " ", this.t("later.mark"));
  },

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
  },
};
