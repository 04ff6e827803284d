// What the two peers (json-logic-js, json-rules-engine) share: the subset of the engine's
// rules they re-implement, the dated values those rules read, and the date arithmetic neither
// rule language has. The rules themselves are in json-logic.mjs and json-rules-engine.mjs.
//
// The subset (the statuses it yields, compared with the engine's before any timing):
//   age.conscriptionAge            below | within | above | unknown — with every age limit that
//                                  was in force (27 until 2023, 30 from 2024; a man who reached
//                                  27 in 2023 stays outside), and a birth year that straddles a
//                                  limit giving "unknown";
//   deferral.status                not-applicable | likely | uncertain | unlikely — the study
//                                  ground (level, full time, after a technical college, changed
//                                  subject, studies ended) and, because the engine's status also
//                                  depends on it, the health ground (fitness category В/Г/Д);
//   penalties[cao-21-5].exposure   Art. 21.5 CAO — served (registered mail, or in person against
//                                  signature), not appeared, no valid reason;
//   penalties[cc-328-1].exposure   Art. 328(1) — ignored summonses in two or more campaigns
//                                  (given, or inferred from the date);
//   penalties[cc-328-2].exposure   Art. 328(2) — an application for alternative service (not
//                                  stated: "unknown" within the ages or when the age is unknown).
//
// The peers produce these five statuses only: no texts, no sources, no amounts, no input
// validation. The engine does all of that on every call, so "engine / peer" compares the
// engine's whole localized assessment with a much smaller job — the comparison is generous to
// the peers.

// The conscription ages as dated steps (data/values.toml, value "conscription-age").
export const AGE_STEPS = [
  { from: "2022-01-01", min: 18, max: 27 },
  { from: "2024-01-01", min: 18, max: 30 },
];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Completed years from the ISO date `birth` to the ISO date `on` (the engine's rule). */
export function yearsUntil(birth, on) {
  const b = ISO.exec(birth);
  const o = ISO.exec(on);
  if (!b || !o) return null;
  let years = Number(o[1]) - Number(b[1]);
  if (o[2] + o[3] < b[2] + b[3]) years -= 1;
  return years;
}

/** Days since 1970-01-01 of an ISO date (json-rules-engine compares numbers only). */
export function dayNumber(iso) {
  const m = ISO.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 864e5 : null;
}

/** The ISO date `days` after `iso`. */
export function addDays(iso, days) {
  const n = dayNumber(iso);
  return new Date((n + days) * 864e5).toISOString().slice(0, 10);
}

/** The call-up campaign of a date: first half of the year spring, second half autumn. */
export function campaignOf(iso) {
  const m = ISO.exec(iso ?? "");
  if (!m) return null;
  return `${m[1]}-${Number(m[2]) <= 6 ? "spring" : "autumn"}`;
}

/** The step table with, for each step, the last day it was in force (null: still in force). */
export function ageStepsWithEnds() {
  return AGE_STEPS.map((s, i) => {
    const next = AGE_STEPS[i + 1];
    return { ...s, next: next ? next.from : null, last: next ? addDays(next.from, -1) : null };
  });
}

/** The subset of an engine assessment the peers compute. */
export function engineSubset(a) {
  const pen = (id) => a.penalties.find((p) => p.id === id)?.exposure;
  return {
    age: a.age.conscriptionAge,
    deferral: a.deferral.status,
    cao215: pen("cao-21-5"),
    cc3281: pen("cc-328-1"),
    cc3282: pen("cc-328-2"),
  };
}

export const SUBSET_FIELDS = ["age", "deferral", "cao215", "cc3281", "cc3282"];

/** Differences between two subsets, as "field: expected → got". */
export function diffSubset(expected, got) {
  return SUBSET_FIELDS.filter((k) => expected[k] !== got[k]).map((k) => `${k}: ${expected[k]} → ${got[k]}`);
}
