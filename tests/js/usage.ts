// Type-checked by `tsc --noEmit` (tests/js/types.test.mjs) against pkg/conscription_check.d.ts:
// the declarations match API.md, and misuse is a type error.
import init, { initSync, assess, knowledge, convert } from "../../pkg/conscription_check.js";
import type { Assessment, CaseInput, AssessOptions, KnowledgeInfo, Penalty, Finding, Lang, DeferralGround } from "../../pkg/conscription_check.js";

declare const bytes: Uint8Array;
initSync({ module: bytes });
void init;

const input: CaseInput = {
  birthDate: "2001-04-12",
  residence: "abroad",
  studies: { current: "university", fullTime: true },
  summonses: [{ date: "2024-04-15", delivery: "registered-mail", appeared: false }],
  service: { status: "conscript", region: "kursk", contract: { stage: "application" } },
};
const options: AssessOptions = { lang: "fr", asOf: "2025-11-01", rubPer: { CHF: 100 } };
const a: Assessment = assess(input, options);
const status: "likely" | "unlikely" | "uncertain" | "not-applicable" = a.deferral.status;
const crime: Penalty | undefined = a.penalties.find((p) => p.id === "cc-328-1");
const chf: number | undefined = crime?.fine.CHF.max;
const f: Finding | undefined = a.returnRisk.findings[0];
const path: string | undefined = f?.because[0]?.path;
const ground: DeferralGround | undefined = a.deferral.grounds.find((g) => g.ground === "studies");
const groundStatus: "applies" | "contested" | "lost" | "none" | "unknown" | undefined = ground?.status;
const back: "high" | "moderate" | "low" | "not-applicable" | "unknown" = a.returnRisk.status;
const k: KnowledgeInfo = knowledge({ lang: "ru" });
const langs: Lang[] = k.languages;
const n: number = convert(10000, "CHF", { rubPer: { CHF: 98 } });
const currentTo: string = k.currentTo + a.knowledge.currentTo;
const yearRound: CaseInput = { summonses: [{ date: "2026-03-01", delivery: "electronic", appearanceDate: "2026-03-20", campaign: "2026" }, { campaign: "2025-autumn" }] };
void [status, chf, path, groundStatus, back, langs, n, currentTo, yearRound];

// @ts-expect-error: unknown field
assess({ birthdate: "2000-01-01" });
// @ts-expect-error: not a language
assess({}, { lang: "es" });
// @ts-expect-error: not a currency
convert(1, "USD");
// @ts-expect-error: service needs a status
assess({ service: { region: "kursk" } });
// @ts-expect-error: not a campaign
assess({ summonses: [{ campaign: "banana" }] });

// The element's case property and change detail (issue 13).
import type { ConscriptionCheckElement, ChangeDetail } from "../../pkg/element.js";
declare const el: ConscriptionCheckElement;
const c: CaseInput | null = el.case;
el.case = { residence: "abroad" };
el.case = null;
const detail: ChangeDetail = { lang: "de" };
const shared: Assessment | undefined = detail.assessment;
void c; void shared;
