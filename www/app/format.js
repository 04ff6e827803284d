// How values read: dates and numbers in the tool's locale, money, campaigns, the label of an
// input path and of an answer, the text of an engine issue. Methods of the tool (tool.js):
// `this` is the tool, with its locale and texts.
import { normPath, isoDate } from "./paths.js";
import { LANGS, LOCALES } from "./i18n.js";

// One formatter per locale (and precision), kept for the tab's life: creating Intl formatters
// is costly — the first Intl.NumberFormat of a page takes 30–60 ms in Chromium on the 2-core
// test machine (the locale data is set up then), and the source list alone formats dozens of
// dates on the first render.
const DATE_FORMATS = new Map();
const NUMBER_FORMATS = new Map();

/** The tool's number format for `locale` (at most two decimals). */
export function numberFormat(locale) {
  let f = NUMBER_FORMATS.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    NUMBER_FORMATS.set(locale, f);
  }
  return f;
}

/** The tool's date format for `locale`: precision "day" or "month". */
export function dateFormat(locale, precision = "day") {
  const key = `${locale}|${precision}`;
  let f = DATE_FORMATS.get(key);
  if (!f) {
    const opts = precision === "month"
      ? { year: "numeric", month: "long", timeZone: "UTC" }
      : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
    f = new Intl.DateTimeFormat(locale, opts);
    DATE_FORMATS.set(key, f);
  }
  return f;
}

const LANG_NAMES = new Map();

/** A language's name in that language ("Français"), the same whatever the tool speaks. */
export function languageName(l) {
  let name = LANG_NAMES.get(l);
  if (name === undefined) {
    try {
      const n = new Intl.DisplayNames([LOCALES[l]], { type: "language" }).of(l);
      name = n ? n.charAt(0).toLocaleUpperCase(LOCALES[l]) + n.slice(1) : l;
    } catch {
      name = l;
    }
    LANG_NAMES.set(l, name);
  }
  return name;
}

/**
 * Creates the formatters the first render of `locale` uses, ahead of it: the page calls this
 * while the engine and the texts are still on their way, so that their set-up cost is paid
 * while the main thread would otherwise wait for the network.
 */
export function warmFormats(locale) {
  // One task each: the first of them alone takes 30–60 ms.
  const steps = [
    () => numberFormat(locale).format(1.5),
    () => dateFormat(locale, "day").format(0),
    () => dateFormat(locale, "month").format(0),
    () => { for (const l of LANGS) languageName(l); },
  ];
  const next = () => {
    steps.shift()();
    if (steps.length) setTimeout(next, 0);
  };
  next();
}
const ISSUE_CODES = [
  "invalid-type", "invalid-value", "invalid-date", "out-of-range", "after-as-of", "conflict",
  "missing-field", "unknown-field", "too-large", "too-long", "invalid-rate",
];

export function parseDecimal(s) {
  const t = String(s).trim().replace(/[\s\u00a0\u202f']/g, "");
  if (!/^\d+(?:[.,]\d+)?$/.test(t)) return null;
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

export function clip(s) {
  const str = String(s);
  return str.length > 80 ? `${str.slice(0, 80)}…` : str;
}

export const today = () => new Date().toISOString().slice(0, 10);

export const formatMethods = {
  fmtDate(iso, precision = "day") {
    if (typeof iso !== "string" || !isoDate.test(iso)) return String(iso ?? "");
    const [y, m, d] = iso.split("-").map(Number);
    return dateFormat(this.locale, precision).format(new Date(Date.UTC(y, m - 1, d)));
  },

  fmtNum(n) {
    return this.nf.format(n);
  },

  fmtRange(r) {
    if (!r) return "";
    if (r.min === r.max) return this.fmtNum(r.max);
    if (r.min === 0) return this.t("money.up-to", { amount: this.fmtNum(r.max) });
    return this.t("money.range", { min: this.fmtNum(r.min), max: this.fmtNum(r.max) });
  },

  fmtMoney(money) {
    // 0–0: the sources give no amount for that day (e.g. the registration fine before October 2023).
    if (money.RUB.max === 0) return this.t("money.not-given");
    return ["RUB", "CHF", "EUR"].map((c) => `${c} ${this.fmtRange(money[c])}`).join(" · ");
  },

  campaignLabel(v) {
    const m = /^(\d{4})-(spring|autumn)$/.exec(String(v));
    if (m) return this.t(`campaign.${m[2]}`, { year: m[1] });
    return /^\d{4}$/.test(String(v)) ? this.t("campaign.year-round", { year: String(v) }) : String(v);
  },

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
  },

  optionKey(path, value) {
    const n = normPath(path);
    const base = n === "region" || n === "service.region" || n === "origin.region" ? "o.region" : `o.${n}`;
    return `${base}.${value}`;
  },

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
  },

  issueText(issue) {
    const code = ISSUE_CODES.includes(issue.code) ? issue.code : "other";
    return this.t(`issue.${code}`);
  },
};
