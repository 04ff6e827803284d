// Headless Chromium for the bench: the per-call measurements in a page (assess, floor, peers)
// and the cold loads of the page (navigation → first rendered result, long tasks), with and
// without CPU and network throttling through the DevTools protocol.
import { chromium } from "playwright-core";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { startServer } from "../scripts/serve.mjs";

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Serves `dir` on 127.0.0.1 on a free port; returns { url, close }. */
export async function serve(dir) {
  const server = await startServer({ dir, host: "127.0.0.1", port: 0 });
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Builds the bench page (bench/page/ bundled with the peers, plus the package's glue and
 * .wasm) into `outDir`.
 */
export function buildBenchPage(root, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  execFileSync(join(root, "node_modules/.bin/esbuild"), [
    join(root, "bench/page/entry.mjs"),
    "--bundle", "--format=esm", "--platform=browser", "--log-level=warning",
    "--external:./conscription_check.js",
    `--outfile=${join(outDir, "bench.js")}`,
  ], { stdio: ["ignore", "inherit", "inherit"] });
  copyFileSync(join(root, "bench/page/bench.html"), join(outDir, "bench.html"));
  copyFileSync(join(root, "pkg/conscription_check.js"), join(outDir, "conscription_check.js"));
  copyFileSync(join(root, "pkg/conscription_check_glue.js"), join(outDir, "conscription_check_glue.js"));
  copyFileSync(join(root, "pkg/conscription_check_bg.wasm"), join(outDir, "conscription_check_bg.wasm"));
  // Each language's texts (issue 15), where the entry fetches them.
  mkdirSync(join(outDir, "texts"), { recursive: true });
  for (const l of ["en", "fr", "de", "ru"]) copyFileSync(join(root, `pkg/texts/${l}.bin`), join(outDir, `texts/${l}.bin`));
}

/**
 * Per-call measurements in Chromium. The page is made cross-origin isolated (COOP + COEP
 * added to the responses) so that performance.now() has its fine resolution (5 µs instead of
 * 100 µs).
 */
export async function measureInChromium(browser, dir, cases, budgetMs) {
  const srv = await serve(dir);
  const context = await browser.newContext();
  try {
    await context.route("**/*", async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          "cross-origin-opener-policy": "same-origin",
          "cross-origin-embedder-policy": "require-corp",
        },
      });
    });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${srv.url}bench.html`);
    await page.waitForFunction(() => window.ccBenchReady === true, null, { timeout: 30000 }).catch(() => {
      throw new Error(`the bench page did not start: ${errors.join("; ")}`);
    });
    const version = browser.version();
    const out = await page.evaluate(([c, b]) => window.ccBench(c, b), [cases, budgetMs]);
    return { version, ...out };
  } finally {
    await context.close();
    await srv.close();
  }
}

// Injected before any script of the page: records the first time `selector` matches (in a
// mutation observer, then the next animation frame: the frame that paints it), and long tasks.
function observer(selector) {
  const cc = { selector, domAt: null, frameAt: null, longTasks: [] };
  window.__ccLoad = cc;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) cc.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    cc.longTasksUnsupported = true;
  }
  const check = () => {
    if (cc.domAt !== null || !document.querySelector(selector)) return;
    cc.domAt = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => {
      cc.frameAt = performance.now();
    });
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { subtree: true, childList: true, attributes: true });
}

/**
 * Cold loads of `url`: each in a fresh browser context (empty cache, new renderer). Options:
 * { n, selector, cpu (slowdown factor), latencyMs (added round-trip latency), timeoutMs }.
 * Returns per load { firstResult (ms from navigation start to the frame with the result),
 * domResult, longTasks (> 50 ms, up to first result), maxLongTask, requests }.
 */
export async function coldLoads(browser, url, { n = 10, selector, cpu = 1, latencyMs = 0, timeoutMs = 30000 } = {}) {
  const loads = [];
  for (let i = 0; i < n; i++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      if (cpu !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
      if (latencyMs) {
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", {
          offline: false,
          latency: latencyMs,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
      }
      await page.addInitScript(observer, selector);
      const requests = [];
      page.on("requestfinished", (r) => requests.push(r.url()));
      await page.goto(url, { waitUntil: "commit", timeout: timeoutMs });
      await page.waitForFunction(() => window.__ccLoad && window.__ccLoad.frameAt !== null, null, { timeout: timeoutMs, polling: 50 });
      // Let the tasks around the first render finish, so that their long-task entries are in.
      await page.waitForTimeout(300 * cpu);
      const r = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return { ...window.__ccLoad, responseStart: nav?.responseStart, domContentLoaded: nav?.domContentLoadedEventEnd, fcp: fcp?.startTime };
      });
      const during = r.longTasks.filter((t) => t.start <= r.frameAt);
      loads.push({
        firstResult: r.frameAt,
        domResult: r.domAt,
        responseStart: r.responseStart,
        domContentLoaded: r.domContentLoaded,
        fcp: r.fcp,
        longTasks: during.map((t) => Math.round(t.duration)),
        maxLongTask: during.reduce((m, t) => Math.max(m, t.duration), 0),
        longTasksUnsupported: r.longTasksUnsupported === true,
        requests: requests.length,
      });
    } finally {
      await context.close();
    }
  }
  return loads;
}
