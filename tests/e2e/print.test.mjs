// The print stylesheet: a clean summary of one or two A4 pages (the result at a glance: the
// statuses, the summaries, the fines and the warnings to read first, with their sources),
// without the form, the buttons or the tools.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { assertQuietConsole, fillCase, gotoTool, openPage, setup } from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const pages = (pdf) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
const CASES = {
  "abroad after an ignored summons": {
    birthDate: "2001-04-12", residence: "abroad", abroad: { since: "2024-03-01" }, studies: { current: "none" }, health: { fitness: "b" },
    summonses: [{ date: "2023-11-02", delivery: "in-person", signed: true, appeared: false, validReason: false, campaign: "2023-autumn" }],
  },
  "a conscript from occupied Donetsk with a forged contract": {
    birthYear: 2003, residence: "occupied-ukraine", region: "donetsk",
    service: { status: "conscript", region: "kursk", contract: { stage: "signed", voluntary: false, forged: true } },
    summonses: [{ date: "2024-04-15", appeared: true }],
  },
};

for (const [name, input] of Object.entries(CASES)) {
  test(`prints ${name} on at most two pages, without the form`, async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, input);
      const pdf = await page.pdf({ format: "A4" });
      assert.ok(pages(pdf) >= 1 && pages(pdf) <= 2, `${pages(pdf)} pages`);
      await page.emulateMedia({ media: "print" });
      const shown = async (sel) => page.locator(sel).first().isVisible();
      assert.equal(await shown(".cc-form-col"), false, "no form");
      assert.equal(await shown(".cc-actions"), false, "no buttons");
      assert.equal(await shown(".cc-bar"), false, "no top bar");
      assert.equal(await shown(".cc-converter"), false, "no converter");
      assert.equal(await shown("[data-cc=overview]"), true, "the statuses");
      assert.equal(await shown("[data-cc=fines]"), true, "the fines");
      assert.equal(await shown(".cc-warnings"), true, "the warnings");
      assert.equal(await shown(".cc-cited"), true, "the sources");
      assert.equal(await shown(".cc-print-only"), true, "a note on what the print leaves out");
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
}
