// Where he comes from, separate from where he lives now (issue 17): a young man from an annexed
// Ukrainian region who lives abroad gets the occupied-territory findings (DW, HRC, USDOS, CoE),
// with "Region he comes from" as the reason; the form asks about a Russian passport only where
// the sources tie a consequence to it, and the page shows exactly what the engine says.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertAccessible, assertAgreesWithEngine, assertLocalOnly, assertQuietConsole, fillCase, gotoTool, openPage, setup, shownFindings, uiTexts,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const OCCUPIED = [
  "occupied.ihl-violation", "occupied.registration-required", "occupied.call-up-applies", "occupied.training-in-russia",
  "occupied.front-after-contract", "occupied.contract-persuasion", "occupied.human-shields", "occupied.numbers-fall-2024",
  "occupied.spring-2025", "occupied.contract-bonuses", "occupied.voluntary-contracts-reported",
];

describe("a man from an annexed region who lives abroad", () => {
  for (const [lang, region, passport] of [["de", "zaporizhzhia", false], ["en", "donetsk", true], ["ru", "crimea", true]]) {
    test(`${lang}: from ${region}, ${passport ? "with" : "without"} a Russian passport`, async () => {
      const input = {
        birthDate: "2004-06-10", residence: "abroad", origin: { region },
        citizenship: passport ? { russianPassport: true, since: "2023-05-15" } : { russianPassport: false },
        abroad: { since: "2024-09-01" },
        summonses: [{ date: "2024-04-10", delivery: "in-person", signed: true, appeared: false, validReason: false }],
      };
      const { page, log, context } = await openPage(env.browser, { locale: lang });
      try {
        await gotoTool(page, `${env.origin}/`);
        // Before any origin is given, no passport question; it appears for an occupied region.
        assert.equal(await page.locator('[data-field="citizenship.russianPassport"]').isHidden(), true);
        await fillCase(page, input);
        assert.equal(await page.locator('[data-field="region"]').isHidden(), true, "abroad: no current region asked");
        assert.equal(await page.locator('[data-field="origin.region"]').isVisible(), true, "but where he comes from is");
        const r = await assertAgreesWithEngine(page, input, lang);
        const shown = await shownFindings(page);
        for (const id of OCCUPIED) assert.ok(shown.includes(id), `${id} is shown`);
        if (region === "crimea") assert.ok(shown.includes("occupied.crimea-cases") && shown.includes("occupied.crimea-conscripted"));
        assert.equal(shown.includes("citizenship.recent-citizens-registered"), passport);
        assert.equal(shown.includes("occupied.prior-service-no-exemption"), passport);
        // The reason given is where he comes from, named in the page's language.
        const ui = uiTexts(lang);
        const why = page.locator('[data-finding="occupied.ihl-violation"] .cc-why');
        // The section's findings are folded under its answer (issue 13).
        await page.locator('.cc-fold:has([data-finding="occupied.ihl-violation"])').first().locator("summary").first().click();
        await why.locator("summary").click();
        assert.equal(await why.locator(".cc-why-path").first().textContent(), ui["f.origin.region"]);
        assert.equal(await why.locator(".cc-why-value").first().textContent(), ui[`o.region.${region}`]);
        const f = r.deferral.findings.find((x) => x.id === "occupied.ihl-violation");
        assert.deepEqual(f.because, [{ path: "origin.region", value: region }]);
        await assertAccessible(page, { label: `(${lang}, from ${region}, abroad)` });
        assertLocalOnly(log);
        assertQuietConsole(log);
      } finally {
        await context.close();
      }
    });
  }

  test("without the origin, living abroad shows none of them", async () => {
    const input = { birthDate: "2004-06-10", residence: "abroad", summonses: [] };
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, input);
      await assertAgreesWithEngine(page, input);
      const shown = await shownFindings(page);
      assert.deepEqual(shown.filter((id) => id.startsWith("occupied.")), []);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});
