// Statuses explained (issue 17): every status word shown has a one-line definition from the data,
// reachable from its chip by keyboard (a disclosure right after it, and the chip's description),
// listed under the overview, printed, and in the copied summary. And two small defects: Russian
// dates never end with a double full stop ("г.."), and the CHF amounts of the fines table are
// never clipped on narrow screens (320–344 px) in Russian and German.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertAccessible, assertQuietConsole, fillCase, gotoTool, nodeEngine, openPage, setup, uiTexts,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const CASE = {
  birthDate: "2001-04-12", residence: "abroad", abroad: { since: "2024-06-01" },
  summonses: [{ date: "2023-11-02", delivery: "in-person", signed: true, appeared: false, validReason: false, campaign: "2023-autumn" }],
};

describe("statuses explained", () => {
  test("each chip's status has its definition, opened by keyboard, listed, and in the memo", async () => {
    const { page, log, context } = await openPage(env.browser, { locale: "fr", permissions: ["clipboard-read", "clipboard-write"] });
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, CASE);
      const ui = uiTexts("fr");
      const r = (await nodeEngine()).assess(CASE, { asOf: "2026-11-23", lang: "fr" });
      for (const [id, kind, status] of [
        ["deferral", "deferral", r.deferral.status], ["restrictions", "restrictions", r.restrictions.status],
        ["returnRisk", "return-risk", r.returnRisk.status], ["deployment", "deployment", r.deployment.status],
        ["payment", "payment", r.payment.status],
      ]) {
        const block = page.locator(`[data-result="${id}"] .cc-status-line`);
        const chip = block.locator(`[data-status-of="${id}"]`);
        const describedBy = await chip.getAttribute("aria-describedby");
        const def = block.locator(`details.cc-def[data-def="${kind}.${status}"]`);
        assert.equal(await def.locator("p").getAttribute("id"), describedBy, `${id}: the chip is described by its definition`);
        assert.equal(await def.locator("p").textContent(), ui[`def.${kind}.${status}`]);
        // By keyboard: focus the disclosure, Enter opens it.
        await def.locator("summary").focus();
        await page.keyboard.press("Enter");
        assert.equal(await def.evaluate((d) => d.open), true, `${id}: Enter opens the definition`);
        assert.ok(await def.locator("p").isVisible());
      }
      // The legend under the overview lists every status shown.
      const legend = page.locator('[data-cc="legend"]');
      await legend.locator("summary").click();
      const dds = await legend.locator("dd").allTextContents();
      assert.ok(dds.includes(ui[`def.deferral.${r.deferral.status}`]) && dds.includes(ui[`def.exposure.${r.penalties.find((p) => p.id === "cc-328-1").exposure}`]));
      assert.ok(dds.every((d) => d.length > 10), "no status without a definition");
      // The memo (copied summary) carries the definitions.
      await page.locator('[data-cc="copy"]').click();
      await page.locator('[data-cc="copy-done"]').waitFor();
      const memo = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(memo.includes(ui["def.legend"].toUpperCase()));
      assert.ok(memo.includes(ui[`def.return-risk.${r.returnRisk.status}`]));
      // Printed: the legend's print copy is shown in print media.
      await page.emulateMedia({ media: "print" });
      assert.ok(await page.locator(".cc-legend-print").isVisible(), "the definitions are printed");
      await page.emulateMedia({ media: "screen" });
      await assertAccessible(page, { label: "(fr, definitions open)" });
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});

describe("small defects", () => {
  test("Russian dates: never 'г..'", async () => {
    const { page, log, context } = await openPage(env.browser, { locale: "ru", permissions: ["clipboard-read", "clipboard-write"] });
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, CASE);
      const text = await page.evaluate(() => {
        document.querySelectorAll("details").forEach((d) => { d.open = true; });
        return document.body.innerText;
      });
      assert.ok(text.includes("2026 г."), "Russian dates are there");
      assert.doesNotMatch(text, /г\.\./, "no double full stop on the page");
      await page.locator('[data-cc="copy"]').click();
      await page.locator('[data-cc="copy-done"]').waitFor();
      assert.doesNotMatch(await page.evaluate(() => navigator.clipboard.readText()), /г\.\./, "nor in the summary");
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  for (const lang of ["ru", "de"]) {
    for (const width of [320, 344]) {
      test(`${lang} at ${width} px: CHF amounts are not clipped and the page doesn't scroll sideways`, async () => {
        const { page, log, context } = await openPage(env.browser, { locale: lang, viewport: { width, height: 800 } });
        try {
          await gotoTool(page, `${env.origin}/`);
          await fillCase(page, CASE);
          const info = await page.evaluate(() => ({
            clipped: [...document.querySelectorAll(".cc-fines tbody td, .cc-fines tbody th")]
              .filter((c) => c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .map((c) => c.textContent),
            chf: [...document.querySelectorAll('.cc-fines td[data-currency="CHF"]')].map((c) => c.textContent),
            scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          }));
          assert.deepEqual(info.clipped, [], "cells wider than their box");
          assert.ok(info.chf.length >= 2);
          assert.equal(info.scroll, 0, "no sideways scrolling");
          assertQuietConsole(log);
        } finally {
          await context.close();
        }
      });
    }
  }
});
