// The law of the day on the page (issue 11): the campaign choices follow the call-up regime of
// each year (spring/autumn up to 2025, the year-round call-up from 2026), a summons' appearance
// date can be given, and findings from later sources carry a marker explained by a legend.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  AS_OF, assertAgreesWithEngine, assertLocalOnly, assertQuietConsole, choose, fillCase, gotoTool,
  openPage, setup, shownStatuses,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

describe("law of the day", () => {
  test("campaigns: no spring or autumn from 2026, the year-round call-up instead", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await choose(page, "@summonses", "yes");
      const options = await page.locator('[data-path="summonses[0].campaign"] option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
      const values = options.map(([v]) => v);
      assert.ok(values.includes("2026"), values.join());
      assert.ok(values.includes("2025-autumn") && values.includes("2025-spring"), values.join());
      assert.ok(!values.some((v) => /^202[6-9]-(spring|autumn)$/.test(v)), values.join());
      assert.match(options.find(([v]) => v === "2026")[1], /2026 \(year-round call-up\)/);
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("two 2026 summonses: Art. 328(1) unknown, the finding marked as from a later source, with the legend", async () => {
    const input = {
      birthDate: "2001-03-03", residence: "russia", region: "other-russia",
      summonses: [
        { date: "2026-02-10", delivery: "registered-mail", appeared: false, validReason: false },
        { date: "2026-10-20", delivery: "electronic", appeared: false, validReason: false, appearanceDate: "2026-11-30", campaign: "2026" },
      ],
    };
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, input);
      const shown = await shownStatuses(page);
      assert.equal(shown["penalty-cc-328-1"]?.status, "unknown");
      await assertAgreesWithEngine(page, input);
      const f = page.locator('.cc [data-finding="later.cc328-campaigns-year-round"]').first();
      assert.equal(await f.locator('[data-cc="later-mark"]').count(), 1, "the later-source marker");
      assert.match(await f.textContent(), /Later source/);
      // A finding from the report carries no marker.
      assert.equal(await page.locator('.cc [data-finding="cc328.two-campaigns"] [data-cc="later-mark"]').count(), 0);
      const legend = page.locator('.cc [data-cc="later-legend"]').first();
      assert.match(await legend.textContent(), /after the OSAR report of 10 October 2025 \(developments up to 5 March 2026\)/);
      // The 41-day appearance date of the electronic summons exceeds the 30-day cap of 2026.
      assert.ok(await page.locator('.cc [data-finding="later.appearance-over-30-days"]').count() > 0);
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});
