// The Chromium side of the per-call bench: bundled by bench/browser.mjs (esbuild) with the
// peers, next to the package's glue and .wasm, and loaded by bench/page/bench.html.
import init, { assess } from "./conscription_check.js";
import { checkAgreement, measureCases } from "../measure.mjs";
import { makeJsonLogicPeer } from "../peers/json-logic.mjs";
import { makeRulesEnginePeer } from "../peers/json-rules-engine.mjs";

window.ccBench = async (cases, budgetMs) => {
  await init({ languages: ["en", "fr", "de", "ru"] }); // the scenarios use all four
  const peers = { jsonLogic: makeJsonLogicPeer(), rulesEngine: makeRulesEnginePeer() };
  const agreement = await checkAgreement(cases, assess, peers);
  const results = await measureCases(cases, { assess, peers, now: () => performance.now(), budgetMs });
  return { crossOriginIsolated: self.crossOriginIsolated === true, userAgent: navigator.userAgent, agreement, results };
};
window.ccBenchReady = true;
