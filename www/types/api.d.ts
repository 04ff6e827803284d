
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
  residence?: "russia" | "abroad" | "occupied-ukraine";
  region?: Region;
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

export interface Section<S> { status: S; summary: string; findings: Finding[] }

export interface Money {
  RUB: { min: number; max: number };
  CHF: { min: number; max: number };
  EUR: { min: number; max: number };
  rubPer: { CHF: number; EUR: number };
}

export interface Penalty {
  id: "cao-21-5" | "registration-duties" | "cc-328-1" | "cc-328-2";
  kind: "administrative" | "criminal";
  legalBasis: string;
  exposure: "likely" | "possible" | "unlikely" | "not-applicable" | "unknown";
  /** min is 0 where the law says only "up to". */
  fine: Money;
  otherSanctions: { id: string; text: string; maxMonths?: number; maxHours?: number }[];
  findings: Finding[];
  /** Extension: the day whose law gave the fine amounts (a summons date, or asOf). */
  lawDate: string;
}

export interface PaymentSection extends Section<"illegal"> {
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

export interface Assessment {
  asOf: string;
  lang: Lang;
  age: {
    years?: number;
    /** Extension: the two possible ages when only birthYear is known. */
    yearsRange?: { min: number; max: number };
    conscriptionAge: "below" | "within" | "above" | "unknown";
    window: { min: number; max: number };
    /** Extension. */
    findings: Finding[];
  };
  deferral: Section<"likely" | "unlikely" | "uncertain" | "not-applicable">;
  penalties: Penalty[];
  restrictions: Section<"apply" | "possible" | "not-applicable" | "unknown">;
  payment: PaymentSection;
  returnRisk: Section<"high" | "moderate" | "low" | "unknown">;
  deployment: Section<"high" | "moderate" | "low" | "not-applicable" | "unknown">;
  missingFacts: string[];
  warnings: Finding[];
  /** Extension: where sources differ among the findings shown. */
  disagreements: { id: string; text: string; sides: string[] }[];
  sources: Source[];
  /** `currentTo` (extension): the latest date the knowledge covers; nothing later is known to it. */
  knowledge: { version: string; reportDate: string; currentTo: string };
  engine: string;
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
  /** Extension: the page's interface strings (data/texts/ui.toml, ids without "ui.") in the requested language. */
  ui: Record<string, string>;
  /** Extension. */
  lang: Lang;
}

/** Thrown by assess, knowledge and convert on invalid input (name "AssessError"). */
export interface AssessError extends Error {
  name: "AssessError";
  issues: { path: string; code: string; message: string }[];
}
