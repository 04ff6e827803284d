// Exchange rates the user may set, and the roubles converter. Methods of the tool (tool.js).
import { h } from "./dom.js";
import { clip, parseDecimal } from "./format.js";

export const moneyMethods = {
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
  },

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
        this.api.assess({}, { lang: this.lang, rubPer, output: "compact" }); // a check only, in a language that is loaded
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
  },

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
  },

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
  },

  rerunConverter() {
    if (this.convInputs) this.runConverter(this.convInputs.amount.value, this.convInputs.cur.value);
  },
};
