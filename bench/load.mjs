// The load part of the bench on its own, for comparing builds of the page: cold loads of each
// given dist/ directory, interleaved load by load (A, B, A, B, …) so that all of them see the
// same machine state, unthrottled and at 4× CPU + 150 ms RTT. Prints medians and the ratio of
// each directory to the first. Never pass/fail.
//   node bench/load.mjs [dir …]            (default: dist)
//   BENCH_LOADS=10 (per directory and condition), BENCH_LOAD_CONDITIONS=plain,slow
//   BENCH_TRACE=file.json: one unthrottled load of the first directory traced with the DevTools
//   timeline categories, and its main-thread tasks of ≥ 10 ms summarised (what each is made of).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { launch, serve, coldLoads } from "./browser.mjs";

const env = process.env;
const LOADS = Number(env.BENCH_LOADS || 10);
const SELECTOR = env.BENCH_FIRST_RESULT_SELECTOR || '.cc [data-cc="overview"]';
const CONDITIONS = (env.BENCH_LOAD_CONDITIONS || "plain,slow").split(",");
const dirs = (process.argv.slice(2).length ? process.argv.slice(2) : ["dist"]).map((d) => resolve(d));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const browser = await launch();
const servers = await Promise.all(dirs.map((d) => serve(d)));
try {
  if (env.BENCH_TRACE) await trace(servers[0].url, env.BENCH_TRACE);
  const settings = { plain: {}, slow: { cpu: 4, latencyMs: 150, timeoutMs: 60000 } };
  for (const c of CONDITIONS) {
    const per = dirs.map(() => []);
    for (let i = 0; i < LOADS; i++) {
      for (let d = 0; d < dirs.length; d++) {
        per[d].push(...(await coldLoads(browser, servers[d].url, { n: 1, selector: SELECTOR, ...settings[c] })));
      }
    }
    console.log(`\n${c === "slow" ? "4× CPU + 150 ms RTT" : "unthrottled"}, median of ${LOADS} cold loads each (interleaved):`);
    const base = median(per[0].map((l) => l.firstResult));
    const baseTask = median(per[0].map((l) => l.maxLongTask));
    for (let d = 0; d < dirs.length; d++) {
      const fr = median(per[d].map((l) => l.firstResult));
      const dom = median(per[d].map((l) => l.domResult));
      const task = median(per[d].map((l) => l.maxLongTask));
      const worst = Math.max(...per[d].map((l) => l.maxLongTask));
      console.log(
        `  ${dirs[d]}: first result ${fr.toFixed(0)} ms (in DOM ${dom.toFixed(0)} ms; ×${(fr / base).toFixed(2)}), ` +
          `longest task ${task.toFixed(0)} ms (worst ${worst.toFixed(0)}; ×${baseTask ? (task / baseTask).toFixed(2) : "–"}), ` +
          `HTML response starts ${median(per[d].map((l) => l.responseStart)).toFixed(0)} ms, first paint ${median(per[d].map((l) => l.fcp ?? NaN)).toFixed(0)} ms, ` +
          `requests ${median(per[d].map((l) => l.requests))}; all first results: ${per[d].map((l) => l.firstResult.toFixed(0)).join(" ")}`,
      );
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.close()));
  await browser.close();
}

// One traced load: the main thread's tasks of ≥ 10 ms, with the time of their main kinds of
// event inside, and when each request was sent and finished.
async function trace(url, file) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript((selector) => {
      const mo = new MutationObserver(() => {
        if (document.querySelector(selector)) {
          mo.disconnect();
          performance.mark("cc-result-in-dom");
        }
      });
      mo.observe(document, { subtree: true, childList: true });
    }, SELECTOR);
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
    const done = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
    await cdp.send("Tracing.start", {
      traceConfig: {
        includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "blink.user_timing", "loading", "disabled-by-default-v8.compile", "v8.wasm"],
      },
      transferMode: "ReportEvents",
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector(SELECTOR);
    await page.waitForTimeout(1500);
    await cdp.send("Tracing.end");
    await done;
    writeFileSync(file, JSON.stringify(events));
    const nav = events.find((e) => e.name === "navigationStart" || e.name === "NavigationStart")?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.name === "ParseHTML"));
    const ms = (us) => (us / 1000).toFixed(1);
    const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
    for (const e of events.filter((x) => x.name === "ResourceSendRequest" || x.name === "ResourceFinish" || x.name === "ResourceReceiveResponse")) {
      const d = e.args?.data || {};
      console.log(`  ${ms(e.ts - nav).padStart(7)} ms  ${e.name.padEnd(24)} ${d.url ? d.url.replace(url, "/") : d.requestId}`);
    }
    for (const e of onMain.filter((x) => x.name === "cc-result-in-dom" || x.name === "firstContentfulPaint")) console.log(`  ${ms(e.ts - nav).padStart(7)} ms  ${e.name}`);
    const tasks = onMain.filter((e) => (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.ph === "X" && e.dur >= 10000);
    const kinds = ["ParseHTML", "EvaluateScript", "v8.compile", "v8.compileModule", "v8.evaluateModule", "FunctionCall", "v8.wasm.streamFinished", "v8.wasm.compileLazy", "wasm.CompileLazy", "V8.GC_MARK_COMPACTOR", "MinorGC", "MajorGC", "UpdateLayoutTree", "Layout", "Paint", "PrePaint", "Layerize", "RunMicrotasks", "FireAnimationFrame", "TimerFire", "ParseAuthorStyleSheet", "HitTest", "Commit"];
    console.log("\n  main-thread tasks ≥ 10 ms (start, duration; inside: the time of each kind of event, nested ones counted in each):");
    for (const t of tasks) {
      const inside = onMain.filter((e) => e.ph === "X" && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur && e !== t);
      const sum = {};
      for (const e of inside) if (kinds.includes(e.name) || /wasm/i.test(e.name)) sum[e.name] = (sum[e.name] || 0) + e.dur;
      const parts = Object.entries(sum).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${ms(v)}`).join(", ");
      console.log(`  ${ms(t.ts - nav).padStart(7)} ms  ${ms(t.dur).padStart(6)} ms: ${parts}`);
    }
  } finally {
    await context.close();
  }
}
