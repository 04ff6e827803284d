// The rule subset of common.mjs written for json-rules-engine (7.3.1).
//
// json-rules-engine evaluates conditions on facts; facts that need computing are fact
// functions (its documented extension point), and rules chain through runtime facts set by a
// rule's onSuccess. So:
//   - facts: the input itself (read by JSONPath), asOf as a day number (the engine's number
//     operators compare numbers only), completed years at a given date (date arithmetic), and
//     per-summons outcomes — each summons is classified by a second rule set (served, not
//     appeared, no valid reason …) and the results are counted by small fact functions;
//   - stage 1 (priority 100): the age class, stored as the runtime fact "ageClass";
//   - stage 2 (priority 50): one rule per status value; the highest-ranked rule that fires for
//     a field gives its status, otherwise the field's default.
// One custom operator, isMissing (the value is absent), because a condition cannot name
// "undefined" in JSON.
import { Engine } from "json-rules-engine";
import { ageStepsWithEnds, campaignOf, dayNumber, yearsUntil } from "./common.mjs";

const input = (path, operator, value) => ({ fact: "input", path: `$.${path}`, operator, value });
const years = (variant, on, operator, value) => ({ fact: "yearsOld", params: { variant, on }, operator, value });
const asOfAtLeast = (iso) => ({ fact: "asOfDay", operator: "greaterThanInclusive", value: dayNumber(iso) });
const asOfBefore = (iso) => ({ fact: "asOfDay", operator: "lessThan", value: dayNumber(iso) });

function above(variant) {
  return {
    any: ageStepsWithEnds().map((s) => ({
      all: [
        asOfAtLeast(s.from),
        s.next
          ? {
              any: [
                { all: [asOfAtLeast(s.next), years(variant, s.last, "greaterThanInclusive", s.max)] },
                { all: [asOfBefore(s.next), years(variant, "asOf", "greaterThanInclusive", s.max)] },
              ],
            }
          : years(variant, "asOf", "greaterThanInclusive", s.max),
      ],
    })),
  };
}

function below(variant) {
  return {
    any: ageStepsWithEnds().map((s) => ({
      all: [asOfAtLeast(s.from), ...(s.next ? [asOfBefore(s.next)] : []), years(variant, "asOf", "lessThan", s.min)],
    })),
  };
}

const AGE_RULES = [
  { name: "age-above", value: "above", conditions: { all: [above("oldest"), above("youngest")] } },
  { name: "age-below", value: "below", conditions: { all: [below("oldest"), below("youngest")] } },
  {
    name: "age-within",
    value: "within",
    conditions: {
      all: [
        { fact: "birthKnown", operator: "equal", value: true },
        { not: above("oldest") }, { not: above("youngest") }, { not: below("oldest") }, { not: below("youngest") },
      ],
    },
  },
];

const STUDYING = ["technical-college", "university", "postgraduate"];
const LOST = {
  any: [
    { all: [input("studies.current", "in", ["university", "postgraduate"]), input("studies.afterTechnicalCollege", "equal", true)] },
    input("studies.changedSubject", "equal", true),
    { fact: "expectedEndDay", operator: "lessThan", value: { fact: "asOfDay" } },
  ],
};
const DECIDED = {
  all: [
    input("studies.fullTime", "notEqual", false),
    { any: [input("studies.current", "equal", "technical-college"), input("studies.afterTechnicalCollege", "equal", false)] },
  ],
};

// field → default, and rules [rank, value, conditions] (the highest rank that fires wins).
const STATUS_RULES = {
  deferral: {
    default: "unlikely",
    rules: [
      [4, "not-applicable", { any: [input("service.status", "in", ["conscript", "contract"]), { fact: "ageClass", operator: "in", value: ["below", "above"] }] }],
      [3, "likely", { any: [input("health.fitness", "in", ["v", "g", "d"]), { all: [input("studies.current", "in", STUDYING), { not: LOST }, DECIDED] }] }],
      [2, "uncertain", {
        any: [
          input("health.fitness", "isMissing", true),
          input("studies.current", "isMissing", true),
          input("studies.current", "equal", "school"),
          { all: [input("studies.current", "in", STUDYING), { not: LOST }, { not: DECIDED }] },
        ],
      }],
    ],
  },
  cao215: {
    default: "unlikely",
    rules: [
      [5, "unknown", { all: [{ fact: "summonsesKnown", operator: "equal", value: false }] }],
      [4, "likely", { all: [{ fact: "ignoredCount", operator: "greaterThan", value: 0 }] }],
      [3, "possible", { all: [{ fact: "maybeCount", operator: "greaterThan", value: 0 }] }],
      [2, "unknown", { all: [{ fact: "unknownCount", operator: "greaterThan", value: 0 }] }],
      [1, "not-applicable", { all: [{ fact: "summonsCount", operator: "equal", value: 0 }] }],
    ],
  },
  cc3281: {
    default: "not-applicable",
    rules: [
      [4, "unknown", { all: [{ fact: "summonsesKnown", operator: "equal", value: false }] }],
      [3, "possible", {
        any: [
          { fact: "distinctCampaigns", operator: "greaterThanInclusive", value: 2 },
          {
            all: [
              { fact: "relevantCount", operator: "greaterThanInclusive", value: 2 },
              { fact: "distinctCampaigns", operator: "lessThan", value: 2 },
              { fact: "relevantWithoutCampaign", operator: "greaterThan", value: 0 },
            ],
          },
        ],
      }],
      [2, "unlikely", { all: [{ fact: "relevantCount", operator: "greaterThan", value: 0 }] }],
      [1, "unknown", { all: [{ fact: "unknownCount", operator: "greaterThan", value: 0 }] }],
    ],
  },
  cc3282: {
    default: "not-applicable",
    rules: [
      [3, "possible", { all: [input("alternativeService.applied", "equal", true)] }],
      [2, "not-applicable", { all: [input("alternativeService.applied", "equal", false)] }],
      [1, "unknown", { all: [{ fact: "ageClass", operator: "in", value: ["within", "unknown"] }] }],
    ],
  },
};

// One summons: the highest-ranked outcome that fires, else "unknown".
const SUMMONS_RULES = [
  [4, "complied", { all: [{ fact: "appeared", operator: "equal", value: true }] }],
  [3, "complied", { all: [{ fact: "appeared", operator: "equal", value: false }, { fact: "validReason", operator: "equal", value: true }] }],
  [2, "ignored", {
    all: [
      { fact: "appeared", operator: "equal", value: false },
      { fact: "validReason", operator: "equal", value: false },
      { any: [{ fact: "delivery", operator: "equal", value: "registered-mail" }, { all: [{ fact: "delivery", operator: "equal", value: "in-person" }, { fact: "signed", operator: "equal", value: true }] }] },
    ],
  }],
  [1, "maybe", { all: [{ fact: "appeared", operator: "equal", value: false }] }],
];

/** Every rule as JSON (for the record: bench.json keeps their size). */
export const RULES = { age: AGE_RULES, status: STATUS_RULES, summons: SUMMONS_RULES };

function pick(events, field, fallback) {
  let best = null;
  for (const e of events) {
    if (e.type === field && (!best || e.params.rank > best.params.rank)) best = e;
  }
  return best ? best.params.value : fallback;
}

function isMissing(engine) {
  engine.addOperator("isMissing", (factValue, jsonValue) => (factValue == null) === jsonValue);
}

/** An async evaluator: (input, asOf) → Promise of the five statuses. */
export function makeRulesEnginePeer() {
  const rules = JSON.parse(JSON.stringify(RULES)); // as loaded from a file
  const summonsEngine = new Engine([], { allowUndefinedFacts: true });
  isMissing(summonsEngine);
  for (const [rank, value, conditions] of rules.summons) {
    summonsEngine.addRule({ conditions, event: { type: "outcome", params: { value, rank } } });
  }

  const engine = new Engine([], { allowUndefinedFacts: true });
  isMissing(engine);
  for (const r of rules.age) {
    engine.addRule({
      name: r.name,
      priority: 100,
      conditions: r.conditions,
      event: { type: "age", params: { value: r.value } },
      onSuccess: (event, almanac) => almanac.addRuntimeFact("ageClass", event.params.value),
    });
  }
  for (const [field, { rules: list }] of Object.entries(rules.status)) {
    for (const [rank, value, conditions] of list) {
      engine.addRule({ priority: 50, conditions, event: { type: field, params: { value, rank } } });
    }
  }

  // Facts that need computing.
  const birthOf = async (almanac, variant) => {
    const i = await almanac.factValue("input");
    if (i.birthDate) return i.birthDate;
    if (i.birthYear) return variant === "oldest" ? `${i.birthYear}-01-01` : `${i.birthYear}-12-31`;
    return undefined;
  };
  engine.addFact("birthKnown", async (params, almanac) => (await birthOf(almanac, "oldest")) !== undefined);
  engine.addFact("yearsOld", async (params, almanac) => {
    const birth = await birthOf(almanac, params.variant);
    if (birth === undefined) return undefined;
    const on = params.on === "asOf" ? await almanac.factValue("asOf") : params.on;
    return yearsUntil(birth, on);
  });
  engine.addFact("asOfDay", async (params, almanac) => dayNumber(await almanac.factValue("asOf")));
  engine.addFact("expectedEndDay", async (params, almanac) => {
    const i = await almanac.factValue("input");
    return i.studies?.expectedEnd ? dayNumber(i.studies.expectedEnd) : undefined;
  });
  engine.addFact("summonsesKnown", async (params, almanac) => Array.isArray((await almanac.factValue("input")).summonses));
  engine.addFact("reads", async (params, almanac) => {
    const list = (await almanac.factValue("input")).summonses || [];
    const reads = [];
    for (const s of list) {
      const { events } = await summonsEngine.run({ appeared: s.appeared, validReason: s.validReason, delivery: s.delivery, signed: s.signed });
      reads.push({ outcome: pick(events, "outcome", "unknown"), campaign: s.campaign ?? campaignOf(s.date) });
    }
    return reads;
  });
  const counted = (pred) => async (params, almanac) => (await almanac.factValue("reads")).filter(pred).length;
  const relevant = (r) => r.outcome === "ignored" || r.outcome === "maybe";
  engine.addFact("summonsCount", counted(() => true));
  engine.addFact("ignoredCount", counted((r) => r.outcome === "ignored"));
  engine.addFact("maybeCount", counted((r) => r.outcome === "maybe"));
  engine.addFact("unknownCount", counted((r) => r.outcome === "unknown"));
  engine.addFact("relevantCount", counted(relevant));
  engine.addFact("relevantWithoutCampaign", counted((r) => relevant(r) && r.campaign == null));
  engine.addFact("distinctCampaigns", async (params, almanac) =>
    new Set((await almanac.factValue("reads")).filter((r) => relevant(r) && r.campaign != null).map((r) => r.campaign)).size);

  return async function evaluate(caseInput, asOf) {
    const { events } = await engine.run({ input: caseInput, asOf, ageClass: "unknown" });
    const out = { age: pick(events, "age", "unknown") };
    for (const [field, { default: d }] of Object.entries(rules.status)) out[field] = pick(events, field, d);
    return out;
  };
}
