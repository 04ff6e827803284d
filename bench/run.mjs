// `make bench`: one run on this machine, one table of medians and ratios, also written to
// bench-results/bench.json. Nothing here is a pass/fail test: the targets of issue 6 are shown
// next to the figures. (Sizes are enforced by scripts/budget.mjs in `make test`.)
//
//   native     cargo run --release --example bench_native: assess_json per scenario
//   Node       assess() per call with the full localized output, the JSON.parse floor of that
//              output, json-logic-js and json-rules-engine on the same inputs (bench/peers/)
//   Chromium   the same, in a headless Chromium page
//   sizes      wasm, glue, the page as served, the offline single file, the knowledge-text floor
//   load       navigation → first rendered result in Chromium, 10 cold loads each unthrottled
//              and with 4× CPU slowdown + 150 ms round-trip latency (DevTools protocol)
//
// Environment: BENCH_BUDGET_MS (timed milliseconds per case and runtime, default 200),
// BENCH_LOADS (cold loads per condition, default 10), BENCH_SCENARIOS (scenario directory),
// BENCH_FIRST_RESULT_SELECTOR (the element whose appearance is the first rendered result,
// default .cc [data-cc="overview"]: the status overview the tool (www/app/result.js) renders with every result),
// BENCH_SKIP (comma list of: native, node, chromium, load).
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import os from "node:os";
import { budgets, measureSizes, KB } from "../scripts/sizes.mjs";
import { checkAgreement, measureCases, median } from "./measure.mjs";
import { makeJsonLogicPeer } from "./peers/json-logic.mjs";
import { makeRulesEnginePeer } from "./peers/json-rules-engine.mjs";
import { launch, buildBenchPage, measureInChromium, coldLoads, serve } from "./browser.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = process.env;
const BUDGET = Number(env.BENCH_BUDGET_MS || 200);
const LOADS = Number(env.BENCH_LOADS || 10);
const SELECTOR = env.BENCH_FIRST_RESULT_SELECTOR || '.cc [data-cc="overview"]';
const SCENARIOS = env.BENCH_SCENARIOS || join(root, "tests/scenarios");
const SKIP = new Set((env.BENCH_SKIP || "").split(",").filter(Boolean));
const started = Date.now();
const log = (m) => process.stderr.write(`bench: ${m} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);

// ---- the cases: every scenario that expects a result ----------------------------------------
const cases = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ file: f, s: JSON.parse(readFileSync(join(SCENARIOS, f), "utf8")) }))
  .filter(({ s }) => !s.expectError)
  .map(({ file, s }) => ({ file, input: s.input, options: { ...(s.options ?? {}), asOf: s.asOf, lang: s.lang ?? "en" } }));
if (!cases.length) throw new Error(`bench: no scenario with a result in ${SCENARIOS}`);
log(`${cases.length} cases from ${SCENARIOS}`);

const report = {
  date: new Date().toISOString(),
  machine: {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model?.trim(),
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  settings: { budgetMsPerCase: BUDGET, coldLoads: LOADS, firstResultSelector: SELECTOR, scenarios: SCENARIOS },
  cases: cases.map((c) => c.file),
};

// ---- native -----------------------------------------------------------------------------------
if (!SKIP.has("native")) {
  log("native: cargo run --release --example bench_native");
  const r = spawnSync("cargo", ["run", "--quiet", "--release", "--example", "bench_native", "--", SCENARIOS, String(BUDGET)], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`bench: bench_native failed (exit ${r.status})`);
  const native = JSON.parse(r.stdout);
  report.native = {
    engine: native.engine,
    cases: native.cases.map((c) => ({ file: c.file, calls: c.calls, medianUs: c.medianNs / 1e3, p99Us: c.p99Ns / 1e3, outputBytes: c.outputBytes, serdeParseMedianUs: c.parseMedianNs / 1e3 })),
  };
}

// ---- Node -------------------------------------------------------------------------------------
const cc = await import(join(root, "pkg/conscription_check.js"));
cc.initSync({
  module: readFileSync(join(root, "pkg/conscription_check_bg.wasm")),
  texts: Object.fromEntries(["en", "fr", "de", "ru"].map((l) => [l, readFileSync(join(root, `pkg/texts/${l}.bin`))])),
});
const peers = { jsonLogic: makeJsonLogicPeer(), rulesEngine: makeRulesEnginePeer() };

function agreementSummary(agreement) {
  const bad = Object.entries(agreement).filter(([, d]) => d.jsonLogic.length || d.rulesEngine.length);
  return { agreeing: Object.keys(agreement).length - bad.length, differing: Object.fromEntries(bad) };
}

if (!SKIP.has("node")) {
  log("Node: agreement of the peers, then assess / floor / peers per case");
  const agreement = await checkAgreement(cases, cc.assess, peers);
  const results = await measureCases(cases, { assess: cc.assess, peers, now: () => performance.now(), budgetMs: BUDGET });
  report.node = { version: process.version, agreement: agreementSummary(agreement), results };
}

// ---- Chromium: per call -----------------------------------------------------------------------
let browser = null;
if (!SKIP.has("chromium") || !SKIP.has("load")) browser = await launch();
try {
  if (!SKIP.has("chromium")) {
    log("Chromium: assess / floor / peers per case");
    const dir = join(root, "bench-results/chromium-page");
    buildBenchPage(root, dir);
    const r = await measureInChromium(browser, dir, cases, BUDGET);
    report.chromium = { version: r.version, crossOriginIsolated: r.crossOriginIsolated, agreement: agreementSummary(r.agreement), results: r.results };
  }

  // ---- Chromium: cold loads -------------------------------------------------------------------
  if (!SKIP.has("load")) {
    if (existsSync(join(root, "dist/index.html"))) {
      const srv = await serve(join(root, "dist"));
      try {
        log(`load: ${LOADS} cold loads unthrottled`);
        const plain = await coldLoads(browser, srv.url, { n: LOADS, selector: SELECTOR });
        log(`load: ${LOADS} cold loads with 4× CPU slowdown and 150 ms latency`);
        const slow = await coldLoads(browser, srv.url, { n: LOADS, selector: SELECTOR, cpu: 4, latencyMs: 150, timeoutMs: 60000 });
        report.load = { url: "dist/index.html", unthrottled: plain, throttled: slow };
      } finally {
        await srv.close();
      }
    } else {
      report.load = { skipped: "dist/index.html is not built" };
    }
  }
} finally {
  await browser?.close();
}

// ---- sizes ------------------------------------------------------------------------------------
report.sizes = measureSizes(root);

// ---- summary ----------------------------------------------------------------------------------
const agreeing = (rt) => new Set(cases.map((c) => c.file).filter((f) => !rt?.agreement?.differing?.[f]));
function runtimeSummary(rt) {
  if (!rt) return null;
  const ok = agreeing(rt);
  const res = rt.results;
  const peerRes = res.filter((r) => ok.has(r.file));
  return {
    assessMedianUs: median(res.map((r) => r.assess.median)),
    assessP99Us: median(res.map((r) => r.assess.p99)),
    floorMedianUs: median(res.map((r) => r.floor.median)),
    assessOverFloor: median(res.map((r) => r.assess.median / r.floor.median)),
    assessOverFloorMax: Math.max(...res.map((r) => r.assess.median / r.floor.median)),
    compactMedianUs: median(res.map((r) => r.compact.assess.median)),
    compactFloorMedianUs: median(res.map((r) => r.compact.floor.median)),
    compactOverItsFloor: median(res.map((r) => r.compact.assess.median / r.compact.floor.median)),
    compactShare: median(res.map((r) => r.compact.outputChars / r.outputChars)),
    jsonLogicMedianUs: median(peerRes.map((r) => r.jsonLogic.median)),
    rulesEngineMedianUs: median(peerRes.map((r) => r.rulesEngine.median)),
    assessOverJsonLogic: median(peerRes.map((r) => r.assess.median / r.jsonLogic.median)),
    assessOverRulesEngine: median(peerRes.map((r) => r.assess.median / r.rulesEngine.median)),
    peerCases: peerRes.length,
  };
}
const loadSummary = (loads) =>
  loads && {
    firstResultMs: median(loads.map((l) => l.firstResult)),
    fcpMs: median(loads.map((l) => l.fcp)),
    maxLongTaskMs: median(loads.map((l) => l.maxLongTask)),
    worstLongTaskMs: Math.max(...loads.map((l) => l.maxLongTask)),
    longTasksPerLoad: median(loads.map((l) => l.longTasks.length)),
  };
report.summary = {
  native: report.native && {
    assessMedianUs: median(report.native.cases.map((c) => c.medianUs)),
    assessP99Us: median(report.native.cases.map((c) => c.p99Us)),
  },
  node: runtimeSummary(report.node),
  chromium: runtimeSummary(report.chromium),
  load: report.load?.unthrottled && { unthrottled: loadSummary(report.load.unthrottled), throttled: loadSummary(report.load.throttled) },
};

mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(join(root, "bench-results/bench.json"), JSON.stringify(report, null, 1) + "\n");

// ---- the table --------------------------------------------------------------------------------
const us = (x) => (Number.isFinite(x) ? (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(x < 10 ? 1 : 0)} µs`) : "–");
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : "–");
const kb = (b) => (b ? `${(b / KB).toFixed(1)} KB` : "–");
const x = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");
const verdict = (ok) => (ok === undefined ? "" : ok ? "met" : "MISSED");
const S = report.summary;
const Z = report.sizes;
const rows = [];
const row = (what, value, target = "", ok) => rows.push([what, value, target, verdict(ok)]);
const sep = (title) => rows.push([`**${title}**`, "", "", ""]);

if (S.native || S.node || S.chromium) sep(`per call — median over ${cases.length} cases of each case's median (p99)`);
if (S.native) row("native Rust assess_json", `${us(S.native.assessMedianUs)} (p99 ${us(S.native.assessP99Us)})`);
for (const [name, s] of [["Node", S.node], ["Chromium", S.chromium]]) {
  if (!s) continue;
  row(`${name} assess(), full localized output`, `${us(s.assessMedianUs)} (p99 ${us(s.assessP99Us)})`);
  row(`${name} floor: JSON.parse of that output`, us(s.floorMedianUs));
  row(`${name} assess / floor`, `${x(s.assessOverFloor)} (worst case ${x(s.assessOverFloorMax)})`, "≤ 2×", s.assessOverFloor <= 2);
  row(`${name} assess(), output "compact" (no expansion; ${(100 * s.compactShare).toFixed(0)} % of the JSON)`, `${us(s.compactMedianUs)}; its own floor ${us(s.compactFloorMedianUs)}; ×${x(s.compactOverItsFloor).slice(0, -1)}`);
  row(`${name} json-logic-js, subset`, us(s.jsonLogicMedianUs));
  row(`${name} assess / json-logic-js`, x(s.assessOverJsonLogic), "< 1×", s.assessOverJsonLogic < 1);
  row(`${name} json-rules-engine, subset`, us(s.rulesEngineMedianUs));
  row(`${name} assess / json-rules-engine`, x(s.assessOverRulesEngine), "< 1×", s.assessOverRulesEngine < 1);
}
sep("bytes (raw → gzip -9, each file on its own; KB = 1024 bytes)");
const rg = (s) => (s ? `${kb(s.raw)} → ${kb(s.gzip)}` : "not built");
row(".wasm", rg(Z.wasm));
if (Z.wasm) row("  of which code / data (gzip each)", `${kb(Z.wasm.sections.code.gzip)} / ${kb(Z.wasm.sections.data.gzip)}`);
row("JS glue", rg(Z.glue));
row("knowledge-text floor (4 languages)", `${kb(Z.floor.raw)} → ${kb(Z.floor.gzip)}`);
if (Z.wasmAndGlue) row(".wasm + glue (gzip)", kb(Z.wasmAndGlue.gzip));
// Issue 15: a visitor loads one language's texts; the targets are per language.
for (const [l, t] of Object.entries(Z.texts || {})) {
  const e = Z.engineFor[l];
  const target = budgets(e.floor).wasmAndGlueGzip;
  row(`${l}: texts/${l}.bin; engine for ${l} (wasm + glue + texts)`, `${rg(t)}; ${kb(e.gzip)} = ${l} floor × ${(e.gzip / e.floor).toFixed(2)}`, `≤ 1.5 × ${l} floor + 20 KB = ${kb(target)}`, e.gzip <= target);
}
for (const [l, p] of Object.entries(Z.pages || {})) {
  row(`${l}: the page as served (${p.files.length} files)`, rg(p), "≤ 120 KB gzip", p.gzip <= Z.budgets.pageGzipTarget);
}
if (!Z.pages) row("the page as served", "not built");
row("offline single file", rg(Z.singleFile));
if (S.load) {
  sep(`navigation → first rendered result, median of ${LOADS} cold loads`);
  row("unthrottled", ms(S.load.unthrottled.firstResultMs), "≤ 100 ms", S.load.unthrottled.firstResultMs <= 100);
  row("4× CPU slowdown + 150 ms RTT", ms(S.load.throttled.firstResultMs), "≤ 700 ms", S.load.throttled.firstResultMs <= 700);
  row("longest main-thread task during load, unthrottled", `${ms(S.load.unthrottled.maxLongTaskMs)} (worst load ${ms(S.load.unthrottled.worstLongTaskMs)})`, "≤ 50 ms", S.load.unthrottled.worstLongTaskMs <= 50);
  row("longest main-thread task during load, throttled", `${ms(S.load.throttled.maxLongTaskMs)} (worst load ${ms(S.load.throttled.worstLongTaskMs)})`);
} else if (report.load?.skipped) {
  sep(`first rendered result: skipped (${report.load.skipped})`);
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ["measure", "value", "target", ""][i].length));
const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
const m = report.machine;
console.log(`\nconscription-check bench — ${report.date.slice(0, 10)} — ${m.cpu}, ${m.cores} cores, ${m.os}, Node ${m.node}` +
  (report.chromium ? `, Chromium ${report.chromium.version}` : "") + `\n`);
console.log(line(["measure", "value", "target", ""]));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows) console.log(line(r));

// Per case (the same figures, in µs: median / p99).
if (report.native || report.node || report.chromium) {
  const byFile = (rt) => Object.fromEntries((rt?.results ?? rt?.cases ?? []).map((r) => [r.file, r]));
  const nat = byFile(report.native);
  const nod = byFile(report.node);
  const chr = byFile(report.chromium);
  const head = ["case", "native", "Node assess", "Node ×floor", "Node ×jl / ×jre", "Chromium assess", "Chromium ×floor", "Chromium ×jl / ×jre"];
  const per = cases.map(({ file }) => {
    const n = nat[file];
    const o = nod[file];
    const c = chr[file];
    const mp = (a, b) => (a === undefined ? "–" : `${us(a)} / ${us(b)}`);
    return [
      file.replace(/\.json$/, ""),
      n ? mp(n.medianUs, n.p99Us) : "–",
      o ? mp(o.assess.median, o.assess.p99) : "–",
      o ? x(o.assess.median / o.floor.median) : "–",
      o ? `${x(o.assess.median / o.jsonLogic.median)} / ${x(o.assess.median / o.rulesEngine.median)}` : "–",
      c ? mp(c.assess.median, c.assess.p99) : "–",
      c ? x(c.assess.median / c.floor.median) : "–",
      c ? `${x(c.assess.median / c.jsonLogic.median)} / ${x(c.assess.median / c.rulesEngine.median)}` : "–",
    ];
  });
  const w = head.map((h, i) => Math.max(h.length, ...per.map((r) => r[i].length)));
  const l = (r) => `| ${r.map((c, i) => c.padEnd(w[i])).join(" | ")} |`;
  console.log(`\nper case (median / p99; ×: assess over the floor or a peer; jl json-logic-js, jre json-rules-engine)\n`);
  console.log(l(head));
  console.log(`|${w.map((n) => "-".repeat(n + 2)).join("|")}|`);
  for (const r of per) console.log(l(r));
}
for (const [name, rt] of [["Node", report.node], ["Chromium", report.chromium]]) {
  const d = rt?.agreement?.differing;
  if (d && Object.keys(d).length) {
    console.log(`\n${name}: the peers differ from the engine on ${Object.keys(d).length} case(s), left out of the peer ratios:`);
    for (const [f, v] of Object.entries(d)) console.log(`  ${f}: json-logic ${v.jsonLogic.join(", ") || "agrees"}; json-rules-engine ${v.rulesEngine.join(", ") || "agrees"}`);
  }
}
if (report.chromium && !report.chromium.crossOriginIsolated) console.log("\nnote: the Chromium bench page was not cross-origin isolated: its timer resolution is 100 µs");
console.log(`\nwritten: bench-results/bench.json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
