
/* ---- conscription-check: the public contract (../shared/API.md), with its extensions ---- */

export type Lang = "en" | "fr" | "de" | "ru";
export type Currency = "RUB" | "CHF" | "EUR";
/**
 * Where a finding or source comes from: the OSAR report, the DW article, background outside
 * the seed material, or a development after the report (LATER-DEVELOPMENTS, to `currentTo`).
 */
export type Origin = "report" | "article" | "beyond-seed" | "later";
/** A call-up campaign: "YYYY-spring" / "YYYY-autumn" up to 2025, "YYYY" from 2026. */
export type Campaign = `${number}-spring` | `${number}-autumn` | `${number}`;
/** Roubles for one franc / one euro. */
export interface Rates { CHF?: number; EUR?: number }

export interface AssessOptions {
  /** Language of every text in the result; default "en". */
  lang?: Lang;
  /** The day the law and age are evaluated for (YYYY-MM-DD); default: today (browser clock). */
  asOf?: string;
  /** Exchange rates; default: the rates stated in the sources (see knowledge()). */
  rubPer?: Rates;
  /**
   * Extension: "compact" returns a CompactAssessment — each finding once, in `findings`, and
   * the lists holding their keys; the sources by id — which `expand()` turns into the
   * Assessment. Default "full".
   */
  output?: "full" | "compact";
}

export type Region =
  | "kursk" | "belgorod" | "bryansk"
  | "crimea" | "sevastopol"
  | "donetsk" | "luhansk" | "zaporizhzhia" | "kherson"
  | "dagestan" | "moscow" | "other-russia";

export interface Summons {
  /** Day he received it (or it counts as delivered). */
  date?: string;
  delivery?: "in-person" | "registered-mail" | "electronic" | "unknown";
  /** He signed for it. */
  signed?: boolean;
  /** He went to the enlistment office as summoned. */
  appeared?: boolean;
  /** He had a legitimate reason not to appear. */
  validReason?: boolean;
  /**
   * The call-up campaign under the law of its year: "2025-spring" / "2024-autumn" up to 2025
   * (two campaigns a year), "2026" from 2026 (the year-round call-up). Anything else is an
   * AssessError with code "invalid-campaign".
   */
  campaign?: Campaign;
  /** The appearance date the summons sets (YYYY-MM-DD, not before `date`; else code "before-summons"). */
  appearanceDate?: string;
}

/** A person's situation. Every field is optional: a fact left out is unknown, not false. */
export interface CaseInput {
  birthDate?: string;
  /** When only the year is known (giving both is an error). */
  birthYear?: number;
  /** Where he lives now. */
  residence?: "russia" | "abroad" | "occupied-ukraine";
  /** The region he lives in now. */
  region?: Region;
  /** Where he lived before (e.g. an annexed Ukrainian region), separate from where he lives now. */
  origin?: { region?: Region };
  /** Where the sources tie consequences to it: a Russian passport, and since when. */
  citizenship?: { russianPassport?: boolean; since?: string };
  studies?: {
    current?: "none" | "school" | "technical-college" | "university" | "postgraduate";
    fullTime?: boolean;
    afterTechnicalCollege?: boolean;
    changedSubject?: boolean;
    expectedEnd?: string;
  };
  health?: {
    fitness?: "a" | "b" | "v" | "g" | "d";
    documented?: boolean;
  };
  employment?: { stateEmployee?: boolean };
  alternativeService?: { applied?: boolean };
  summonses?: Summons[];
  registration?: {
    residenceNotified?: boolean;
    departureReported?: boolean;
  };
  abroad?: { since?: string; planningReturn?: boolean };
  service?: {
    status: "none" | "conscript" | "contract" | "completed";
    start?: string;
    region?: Region;
    contract?: {
      stage?: "none" | "application" | "signed";
      voluntary?: boolean;
      forged?: boolean;
      paymentReceived?: boolean;
    };
  };
}

export interface SourceRef { id: string; page?: string }

export interface Finding {
  /** Stable, e.g. "study.deferral-used-at-college". */
  id: string;
  severity: "info" | "caution" | "warning";
  /** In options.lang. */
  text: string;
  /** At least one. */
  sources: SourceRef[];
  /** The input facts that led to it ("why"); [] if none. */
  because: { path: string; value: unknown }[];
  /** Extension: where the fact comes from. */
  origin: Origin;
  /** Extension: ids of the disagreements (Assessment.disagreements) this finding is one side of. */
  disagreements?: string[];
}

/** `F` is `string` (keys into CompactAssessment.findings) in the compact form. */
export interface Section<S, F = Finding> { status: S; summary: string; findings: F[] }

/**
 * Extension: one ground for deferral and what the sources say about it here.
 * `applies` — the sources describe the ground as applying; `contested` — the sources report
 * it is defeated or treated as used up in practice in such a situation; `lost` — used up or
 * lost; `none` — nothing in the situation gives rise to it; `unknown` — the deciding fact is
 * not given, or the sources do not cover the situation.
 */
export interface DeferralGround<F = Finding> {
  ground: "studies" | "health" | "alternative-service" | "state-employment";
  status: "applies" | "contested" | "lost" | "none" | "unknown";
  /** One sentence (from data/texts), in options.lang. */
  summary: string;
  /** The findings about this ground (also among the section's findings). */
  findings: F[];
}

/**
 * The deferral section. Its status is derived from the grounds: `likely` when one applies,
 * `uncertain` when one is contested or the studies or health ground is unknown, `unlikely`
 * otherwise; its summary is one sentence per deciding ground. Extension: `grounds` ([] when
 * not applicable).
 */
export interface DeferralSection<F = Finding> extends Section<"likely" | "unlikely" | "uncertain" | "not-applicable", F> {
  grounds: DeferralGround<F>[];
}

export interface Money {
  RUB: { min: number; max: number };
  CHF: { min: number; max: number };
  EUR: { min: number; max: number };
  rubPer: { CHF: number; EUR: number };
}

export interface Penalty<F = Finding> {
  id: "cao-21-5" | "registration-duties" | "cc-328-1" | "cc-328-2";
  kind: "administrative" | "criminal";
  legalBasis: string;
  exposure: "likely" | "possible" | "unlikely" | "not-applicable" | "unknown";
  /** min is 0 where the law says only "up to"; min and max are 0 where the sources give no amount for that day. */
  fine: Money;
  otherSanctions: { id: string; text: string; maxMonths?: number; maxHours?: number }[];
  findings: F[];
  /** Extension: the day whose law gave the fine amounts (a summons date, or asOf). */
  lawDate: string;
}

export interface PaymentSection<F = Finding> extends Section<"illegal", F> {
  prices: { id: string; text: string; price: Money; sources: { id: string; page?: string }[] }[];
}

export interface Source {
  id: string;
  publisher: string;
  title: string;
  date: string;
  /** Extension: "month" when the source gives only the month. */
  datePrecision: "day" | "month";
  url?: string;
  /** Extension. */
  origin: Origin;
  /** Extension: the document through which the tool knows it. */
  quotedIn?: string;
}

/**
 * The result of assess(). A finding listed in several places (a deferral finding under its
 * ground, one finding under several penalties) is one object, shared. `F` and `Src` are the
 * compact form's (see CompactAssessment); leave them out.
 */
export interface Assessment<F = Finding, Src = Source> {
  asOf: string;
  lang: Lang;
  age: {
    years?: number;
    /** Extension: the two possible ages when only birthYear is known. */
    yearsRange?: { min: number; max: number };
    conscriptionAge: "below" | "within" | "above" | "unknown";
    window: { min: number; max: number };
    /** Extension. */
    findings: F[];
  };
  deferral: DeferralSection<F>;
  penalties: Penalty<F>[];
  restrictions: Section<"apply" | "possible" | "not-applicable" | "unknown", F>;
  payment: PaymentSection<F>;
  /** Extension: "not-applicable" when he lives in Russia or in the occupied territories (the findings then say what the sources report about being found there). */
  returnRisk: Section<"high" | "moderate" | "low" | "not-applicable" | "unknown", F>;
  deployment: Section<"high" | "moderate" | "low" | "not-applicable" | "unknown", F>;
  missingFacts: string[];
  warnings: F[];
  /** Extension: where sources differ among the findings shown. */
  disagreements: { id: string; text: string; sides: string[] }[];
  sources: Src[];
  /** `currentTo` (extension): the latest date the knowledge covers; nothing later is known to it. */
  knowledge: { version: string; reportDate: string; currentTo: string };
  engine: string;
}

/**
 * Extension: what assess(…, { output: "compact" }) returns. The same as the Assessment, but
 * every finding is written once, in `findings` (in order of first appearance), and every list
 * of findings holds its key there — the finding's id, or the id and "~2", "~3"… should one
 * result hold two different findings of one id; `sources` holds the ids of the sources cited
 * (their entries are in knowledge().sources). 15 % smaller than the full form over the golden
 * scenarios (docs/performance.md). expand() gives the Assessment, equal to assess() without the option.
 */
export interface CompactAssessment extends Assessment<string, string> {
  findings: { [key: string]: Finding };
}

export interface KnowledgeInfo {
  version: string;
  reportDate: string;
  /** Extension: the latest date the knowledge covers (the newest source); nothing later is known to it. */
  currentTo: string;
  /** Extension: the first day on which an assessment carries the staleness warning. */
  staleFrom: string;
  /** Extension: the first day of year-round conscription (campaigns are "YYYY" from that year). */
  yearRoundFrom: string;
  /** Extension: the first day the law is modelled for (earlier asOf is refused). */
  modelledFrom: string;
  languages: Lang[];
  rubPer: { CHF: number; EUR: number; chfDate: string; eurDate: string };
  sources: Source[];
  /** Extension: legal terms in the requested language, with the English term. */
  glossary: { id: string; term: string; en: string }[];
  /** Extension. */
  lang: Lang;
}

/**
 * What is wrong with one value of the input (AssessError.issues). "internal": the result could
 * not be written as JSON (serde_json refused it); no input is known to cause it.
 */
export type IssueCode =
  | "after-as-of" | "before-summons" | "conflict" | "internal" | "invalid-amount" | "invalid-campaign" | "invalid-date" | "invalid-input" | "invalid-json"
  | "invalid-rate" | "invalid-type" | "invalid-value" | "missing-field" | "out-of-range" | "too-large"
  | "too-long" | "too-many-issues" | "unknown-field" | "unsupported-language" | "language-not-loaded";

export interface Issue {
  /** JSON path of the offending value ("summonses[1].date"; "" for the root). Long keys are clipped. */
  path: string;
  code: IssueCode;
  /** In English. */
  message: string;
  /** For "unknown-field": the nearest known key, when one is near enough to be a likely typo. */
  suggestion?: string;
}

/**
 * Thrown by assess, knowledge and convert on invalid input (name "AssessError"): every problem
 * found, at most 100, then one "too-many-issues" entry counting the rest.
 */
export interface AssessError extends Error {
  name: "AssessError";
  issues: Issue[];
}

/* ---- functions (these declarations need no DOM or WebAssembly lib: "lib": ["es2022"] is enough) ---- */

/** A compiled WebAssembly.Module (typed as object so that no WebAssembly lib is needed). */
export type WasmModule = object;
/** The instance's exports (WebAssembly memory and the raw functions; not part of the API). */
export type EngineExports = { readonly [name: string]: unknown };
/** Where init() finds the engine: a URL (string or URL), a fetch Response (or its promise), the bytes, or a module. */
export type InitInput = string | { readonly href: string } | ArrayBuffer | ArrayBufferView | WasmModule | PromiseLike<unknown>;

/** Where a language's texts file (texts/<lang>.bin) comes from: a URL, a fetch Response (or its promise), or the bytes. */
export type TextsInput = string | { readonly href: string } | ArrayBuffer | ArrayBufferView | PromiseLike<unknown>;

/**
 * Loads the engine (browser, bundler): fetches conscription_check_bg.wasm next to the package's
 * JavaScript, or what module_or_path gives, and the texts of `languages` (default ["en"]; []
 * for none yet) from texts/<lang>.bin next to it, or from `texts`. Calling it again does
 * nothing (loadLanguage loads more). In Node the package loads itself, with all four
 * languages, and this resolves at once.
 */
export default function init(options?: { module_or_path?: InitInput; languages?: readonly Lang[]; texts?: { readonly [L in Lang]?: TextsInput } }): Promise<EngineExports>;
/**
 * Loads the engine synchronously from the .wasm file's bytes or a compiled module, and the
 * languages whose texts files are given as bytes. Called again, it loads the texts given.
 */
export function initSync(options: { module: ArrayBuffer | ArrayBufferView | WasmModule; texts?: { readonly [L in Lang]?: ArrayBuffer | ArrayBufferView } }): EngineExports;
/**
 * Loads a language's texts (texts/<lang>.bin next to the package's JavaScript, or `source`).
 * Resolves once assess and knowledge work in it; at once when it is loaded already. Rejects
 * with an AssessError ("unsupported-language") for another language.
 */
export function loadLanguage(lang: Lang, source?: TextsInput): Promise<void>;
/** Whether assess and knowledge work in `lang` now (its texts are loaded). */
export function isLanguageLoaded(lang: Lang): boolean;
/**
 * Discards the engine's instance and makes a fresh one from the same module. Done by itself
 * before the next call after a call ended in a WebAssembly.RuntimeError.
 */
export function reset(): EngineExports;

/**
 * Assesses a person's situation. Throws an AssessError on invalid input, and with code
 * "language-not-loaded" (path "options.lang") when the language's texts are not loaded.
 */
export function assess(input: CaseInput, options: AssessOptions & { output: "compact" }): CompactAssessment;
export function assess(input: CaseInput, options?: AssessOptions): Assessment;
/**
 * Extension: the Assessment of a CompactAssessment (assess with output "compact"), equal to
 * what assess gives without the option. The argument is not changed. Throws a TypeError when
 * it is not a compact assessment of this package (a key or source id it cannot resolve).
 */
export function expand(compact: CompactAssessment): Assessment;
/** What the tool knows: version, report date, languages, default rates, the sources, the page's texts. */
export function knowledge(options?: { lang?: Lang }): KnowledgeInfo;
/** Converts roubles to RUB, CHF or EUR (whole units) at the sources' rates or the given ones. */
export function convert(amountRub: number, currency: Currency, options?: { rubPer?: Rates }): number;
/** Whether e is an AssessError (a thrown value of assess, knowledge or convert for invalid input). */
export function isAssessError(e: unknown): e is AssessError;

/** Longest JSON text accepted per argument (UTF-16 code units); more is refused with "too-large". */
export const MAX_JSON_LENGTH: number;
/** Longest array accepted anywhere in an argument; more is refused with "too-large". */
export const MAX_ARRAY_LENGTH: number;
