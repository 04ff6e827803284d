// The page's load path (issue 15, docs/performance.md "Load path"): the language files are
// preloaded by quick-exit.js and fetched once; the first result is drawn in parts, overview
// first, and ends exactly as a whole drawing of the same result; the source catalogue comes when
// idle, complete.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { assertLocalOnly, assertQuietConsole, openPage, setup } from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const settled = (page) => page.waitForFunction(() => {
  const body = document.querySelector(".cc-results-body");
  return body && !body.hasAttribute("aria-busy") && document.querySelector(".cc-catalogue-list li");
});

for (const locale of ["en-GB", "ru-RU"]) {
  test(`${locale}: the language files preloaded and fetched once; the first result in parts ends as a whole drawing`, async () => {
    const { page, log, context } = await openPage(env.browser, { locale });
    try {
      await page.goto(`${env.origin}/`);
      const lang = locale.slice(0, 2);
      const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel="preload"]')].map((l) => new URL(l.href).pathname).sort());
      assert.deepEqual(preloads, ["/conscription_check_bg.wasm", `/texts/${lang}.bin`, `/ui.${lang}.json`].sort());
      await page.locator(".cc [data-cc=overview]").waitFor({ state: "attached" });
      await settled(page);
      const paths = log.requests.map((r) => new URL(r.url).pathname);
      for (const f of [`/texts/${lang}.bin`, `/ui.${lang}.json`, "/conscription_check_bg.wasm"]) {
        assert.equal(paths.filter((p) => p === f).length, 1, `${f} fetched once`);
      }
      const staged = await page.locator(".cc-results-body").evaluate((el) => el.outerHTML);
      const catalogue = await page.locator(".cc-catalogue-list li").count();
      // The same answers drawn again at once: another date of the assessment, then none again
      // (each input redraws the whole result).
      const asOf = page.locator('[data-path="@asOf"]').first();
      await asOf.fill("2026-11-23");
      await asOf.fill("");
      const whole = await page.locator(".cc-results-body").evaluate((el) => el.outerHTML);
      assert.equal(staged, whole, "the result drawn in parts is the result drawn at once");
      assert.ok(await page.locator("[data-result=deferral]").count() === 1 && await page.locator(".cc-cited li").count() > 0);
      const known = await page.evaluate(() => Number(document.querySelector(".cc-catalogue .cc-help").textContent.match(/\d+/)[0]));
      assert.equal(catalogue, known, "every source in the catalogue");
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
}

test("an answer given while the first result is still being drawn: the whole new result, nothing of the old one", async () => {
  const { page, log, context } = await openPage(env.browser);
  try {
    await page.goto(`${env.origin}/`);
    await page.locator(".cc [data-cc=overview]").waitFor({ state: "attached" });
    await page.locator('[data-path="@asOf"]').first().fill("2026-11-23");
    await settled(page);
    await page.waitForTimeout(300);
    const counts = await page.evaluate(() => ({
      deferral: document.querySelectorAll(".cc-results-body [data-result=deferral]").length,
      penalties: document.querySelectorAll(".cc-results-body [data-result=penalties]").length,
      cited: document.querySelectorAll(".cc-results-body .cc-cited").length,
      asOf: document.querySelector(".cc-results-body .cc-asof").textContent,
    }));
    assert.deepEqual({ ...counts, asOf: /2026/.test(counts.asOf) }, { deferral: 1, penalties: 1, cited: 1, asOf: true });
    assertQuietConsole(log);
  } finally {
    await context.close();
  }
});
