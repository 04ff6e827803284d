// The per-call measurements, shared by Node (bench/run.mjs) and Chromium (bench/page/): for
// every case, `assess()` with the full localized output, its floor (`JSON.parse` of the same
// output's JSON text, in the same runtime), and the two peers on the same input. Plain ES
// module: no Node or browser API beyond the `now` function it is given.
//
// Calls are interleaved (assess, floor, json-logic, assess, floor, …) so that all three see the
// same machine state; json-rules-engine is asynchronous and runs in its own loop right after.
// Each case: a warm-up of a tenth of the budget, then timed calls until the budget is spent
// (at least MIN, at most MAX calls).
import { engineSubset, diffSubset } from "./peers/common.mjs";

const MIN = 30;
const MAX = 20000;

/** Median and p99 (nearest rank) of samples, in the samples' unit. */
export function summarize(samples) {
  const s = Float64Array.from(samples).sort();
  const rank = (p) => s[Math.min(s.length, Math.max(1, Math.ceil(p * s.length))) - 1];
  return { n: s.length, median: rank(0.5), p99: rank(0.99) };
}

/** Median of a list of numbers (NaN when empty). */
export function median(xs) {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Checks that both peers agree with the engine on every case. Returns, per case file, the
 * differences (an empty list when they agree).
 */
export async function checkAgreement(cases, assess, peers) {
  const out = {};
  for (const c of cases) {
    const expected = engineSubset(assess(c.input, c.options));
    out[c.file] = {
      jsonLogic: diffSubset(expected, peers.jsonLogic(c.input, c.options.asOf)),
      rulesEngine: diffSubset(expected, await peers.rulesEngine(c.input, c.options.asOf)),
    };
  }
  return out;
}

/**
 * Times every case. `assess(input, options)` is the engine; `peers` { jsonLogic(input, asOf),
 * rulesEngine(input, asOf) → Promise } (optional: without, only assess and the floor are
 * timed); `now()` a clock in milliseconds. Times are returned in microseconds.
 */
export async function measureCases(cases, { assess, peers, now, budgetMs = 250, onCase }) {
  const results = [];
  for (const c of cases) {
    const out = assess(c.input, c.options);
    const text = JSON.stringify(out);
    // The compact form (each finding once, sources by id; no expansion) and its own floor.
    const compactOptions = { ...c.options, output: "compact" };
    const compactText = JSON.stringify(assess(c.input, compactOptions));
    const asOf = c.options.asOf;
    const warmEnd = now() + budgetMs / 10;
    const jsonLogic = peers?.jsonLogic ?? (() => null);
    while (now() < warmEnd) {
      assess(c.input, c.options);
      JSON.parse(text);
      jsonLogic(c.input, asOf);
    }
    const a = [];
    const f = [];
    const jl = [];
    const ca = [];
    const cf = [];
    const end = now() + budgetMs;
    while (a.length < MIN || (now() < end && a.length < MAX)) {
      const t0 = now();
      assess(c.input, c.options);
      const t1 = now();
      JSON.parse(text);
      const t2 = now();
      jsonLogic(c.input, asOf);
      const t3 = now();
      assess(c.input, compactOptions);
      const t4 = now();
      JSON.parse(compactText);
      const t5 = now();
      a.push((t1 - t0) * 1000);
      f.push((t2 - t1) * 1000);
      jl.push((t3 - t2) * 1000);
      ca.push((t4 - t3) * 1000);
      cf.push((t5 - t4) * 1000);
    }
    const compact = { outputChars: compactText.length, assess: summarize(ca), floor: summarize(cf) };
    const re = [];
    if (!peers) {
      results.push({ file: c.file, lang: c.options.lang, outputChars: text.length, assess: summarize(a), floor: summarize(f), compact });
      onCase?.(results.at(-1));
      continue;
    }
    const reWarmEnd = now() + budgetMs / 20;
    while (now() < reWarmEnd) await peers.rulesEngine(c.input, asOf);
    const reEnd = now() + budgetMs / 2;
    while (re.length < MIN || (now() < reEnd && re.length < MAX)) {
      const t0 = now();
      await peers.rulesEngine(c.input, asOf);
      re.push((now() - t0) * 1000);
    }
    const r = {
      file: c.file,
      lang: c.options.lang,
      outputChars: text.length,
      assess: summarize(a),
      floor: summarize(f),
      compact,
      jsonLogic: summarize(jl),
      rulesEngine: summarize(re),
    };
    results.push(r);
    onCase?.(r);
  }
  return results;
}
