// At a glance (issue 13): one plain sentence per question above the detailed result. A method
// of the tool (tool.js).
import { h } from "./dom.js";
import { uiKey } from "./i18n.js";
import { STATUS_TONE, EXPOSURE_TONE, EXPOSURE_ORDER, GLANCE_CURRENCIES } from "./result.js";

export const glanceMethods = {
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
  },
};
