// The rule subset of common.mjs written for json-logic-js (2.0.5).
//
// json-logic has no dates and no way to name an intermediate result, so:
//   - one custom operation does date arithmetic (years_until: completed years between two ISO
//     dates), another counts distinct values (count_distinct: the call-up campaigns); the
//     campaign of a date and every decision are plain json-logic;
//   - the rules run in two stages, as json-logic users chain rules: stage 1 yields the age
//     class, whether summonses were given, each summons' outcome and the campaigns of the
//     ignored ones; stage 2 reads those (under "d") and yields the four other statuses.
// Each rule is a JSON document; they are built here by small helpers because the age rule is
// the same expression for a birth date and for both ends of a birth year.
import jsonLogic from "json-logic-js";
import { ageStepsWithEnds, yearsUntil } from "./common.mjs";

const v = (path) => ({ var: path });
const ASOF = v("asOf");

/** The age class of the birth date that `birth` (a json-logic expression) evaluates to. */
function classify(birth) {
  const steps = ageStepsWithEnds();
  const years = (on) => ({ years_until: [birth, on] });
  // Above: the limit of any step in force up to asOf was reached while it was in force.
  const above = {
    or: steps.map((s) => ({
      and: [
        { "<=": [s.from, ASOF] },
        s.next
          ? { if: [{ "<=": [s.next, ASOF] }, { ">=": [years(s.last), s.max] }, { ">=": [years(ASOF), s.max] }] }
          : { ">=": [years(ASOF), s.max] },
      ],
    })),
  };
  // Below: younger than the lower limit in force on asOf.
  const minOnAsOf = { if: [...[...steps].reverse().flatMap((s) => [{ "<=": [s.from, ASOF] }, s.min]), 0] };
  const below = { "<": [years(ASOF), minOnAsOf] };
  return { if: [above, "above", below, "below", "within"] };
}

const yearStart = { cat: [v("input.birthYear"), "-01-01"] };
const yearEnd = { cat: [v("input.birthYear"), "-12-31"] };

const AGE = {
  if: [
    v("input.birthDate"), classify(v("input.birthDate")),
    v("input.birthYear"), { if: [{ "===": [classify(yearStart), classify(yearEnd)] }, classify(yearStart), "unknown"] },
    "unknown",
  ],
};

// One summons (inside map/filter the data is the summons).
const SERVED = {
  or: [
    { "===": [v("delivery"), "registered-mail"] },
    { and: [{ "===": [v("delivery"), "in-person"] }, { "===": [v("signed"), true] }] },
  ],
};
const OUTCOME = {
  if: [
    { "===": [v("appeared"), true] }, "complied",
    { "===": [v("appeared"), false] },
    { if: [{ "===": [v("validReason"), true] }, "complied", { and: [SERVED, { "===": [v("validReason"), false] }] }, "ignored", "maybe"] },
    "unknown",
  ],
};
const CAMPAIGN = {
  or: [
    v("campaign"),
    { if: [v("date"), { cat: [{ substr: [v("date"), 0, 4] }, { if: [{ "<=": [{ substr: [v("date"), 5, 2] }, "06"] }, "-spring", "-autumn"] }] }, null] },
  ],
};
const SUMMONSES = { if: [v("input.summonses"), v("input.summonses"), []] };

const STAGE1 = {
  ageClass: AGE,
  summonsesKnown: { "!==": [v("input.summonses"), null] },
  outcomes: { map: [SUMMONSES, OUTCOME] },
  relevantCampaigns: { map: [{ filter: [SUMMONSES, { in: [OUTCOME, ["ignored", "maybe"]] }] }, CAMPAIGN] },
};

const level = v("input.studies.current");
const studying = { in: [level, ["technical-college", "university", "postgraduate"]] };
const lost = {
  or: [
    { and: [{ in: [level, ["university", "postgraduate"]] }, { "===": [v("input.studies.afterTechnicalCollege"), true] }] },
    { "===": [v("input.studies.changedSubject"), true] },
    { and: [v("input.studies.expectedEnd"), { "<": [v("input.studies.expectedEnd"), ASOF] }] },
  ],
};
const decided = {
  and: [
    { "!==": [v("input.studies.fullTime"), false] },
    { or: [{ "===": [level, "technical-college"] }, { "===": [v("input.studies.afterTechnicalCollege"), false] }] },
  ],
};
const count = (list) => ({ reduce: [list, { "+": [v("accumulator"), 1] }, 0] });
const relevantCount = count(v("d.relevantCampaigns"));
const distinct = { count_distinct: [v("d.relevantCampaigns")] };

const STAGE2 = {
  deferral: {
    if: [
      { or: [{ in: [v("input.service.status"), ["conscript", "contract"]] }, { in: [v("d.ageClass"), ["below", "above"]] }] }, "not-applicable",
      { or: [{ in: [v("input.health.fitness"), ["v", "g", "d"]] }, { and: [studying, { "!": lost }, decided] }] }, "likely",
      { or: [{ "===": [v("input.health.fitness"), null] }, { "===": [level, null] }, { "===": [level, "school"] }, { and: [studying, { "!": lost }, { "!": decided }] }] }, "uncertain",
      "unlikely",
    ],
  },
  cao215: {
    if: [
      { "!": v("d.summonsesKnown") }, "unknown",
      { in: ["ignored", v("d.outcomes")] }, "likely",
      { in: ["maybe", v("d.outcomes")] }, "possible",
      { in: ["unknown", v("d.outcomes")] }, "unknown",
      { "!": v("d.outcomes") }, "not-applicable",
      "unlikely",
    ],
  },
  cc3281: {
    if: [
      { "!": v("d.summonsesKnown") }, "unknown",
      { or: [{ ">=": [distinct, 2] }, { and: [{ ">=": [relevantCount, 2] }, { "<": [distinct, 2] }, { in: [null, v("d.relevantCampaigns")] }] }] }, "possible",
      { ">": [relevantCount, 0] }, "unlikely",
      { in: ["unknown", v("d.outcomes")] }, "unknown",
      "not-applicable",
    ],
  },
  cc3282: {
    if: [
      { "===": [v("input.alternativeService.applied"), true] }, "possible",
      { "===": [v("input.alternativeService.applied"), false] }, "not-applicable",
      { in: [v("d.ageClass"), ["within", "unknown"]] }, "unknown",
      "not-applicable",
    ],
  },
};

/** All the rules as JSON documents (for the record: bench.json keeps their size). */
export const RULES = { stage1: STAGE1, stage2: STAGE2 };

let registered = false;
function register() {
  if (registered) return;
  jsonLogic.add_operation("years_until", (birth, on) => yearsUntil(birth, on));
  jsonLogic.add_operation("count_distinct", (list) => new Set((list || []).filter((x) => x != null)).size);
  registered = true;
}

/** Evaluates the subset for a case input on asOf; returns the five statuses. */
export function makeJsonLogicPeer() {
  register();
  // Rules as a JSON round trip: what a json-logic user loads from a file or a database.
  const rules = JSON.parse(JSON.stringify(RULES));
  const s1 = Object.entries(rules.stage1);
  const s2 = Object.entries(rules.stage2);
  return function evaluate(input, asOf) {
    const data = { input, asOf, d: {} };
    for (const [k, rule] of s1) data.d[k] = jsonLogic.apply(rule, data);
    const out = { age: data.d.ageClass };
    for (const [k, rule] of s2) out[k] = jsonLogic.apply(rule, data);
    return out;
  };
}
