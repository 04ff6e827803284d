// A case for the case file: "Save case" downloads the answers as JSON (no server), "Open case"
// loads them back; a bad file gets a message naming the issues' paths and changes nothing
// already entered. "Copy summary" puts a plain-text summary with citations on the clipboard.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  RESULTS, assertLocalOnly, assertQuietConsole, choose, fillCase, gotoTool, nodeEngine, openPage, setup, shownStatuses,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); mkdirSync(RESULTS, { recursive: true }); });
after(async () => { await env?.close(); });

const CASE = {
  birthDate: "2001-04-12", residence: "abroad", abroad: { since: "2024-06-01" }, health: { fitness: "v", documented: true },
  summonses: [
    { date: "2023-11-02", delivery: "in-person", signed: true, appeared: false, validReason: false, campaign: "2023-autumn" },
    { date: "2024-04-15", delivery: "electronic", appeared: false },
  ],
  service: { status: "none" },
};

describe("save and open a case", () => {
  test("round trip: download, then open the file in a fresh page", async () => {
    const saved = await (async () => {
      const { page, log, context } = await openPage(env.browser, { acceptDownloads: true });
      try {
        await gotoTool(page, `${env.origin}/`);
        await fillCase(page, CASE);
        const download = page.waitForEvent("download");
        await page.locator('[data-cc="save"]').click();
        const file = await download;
        assert.match(file.suggestedFilename(), /^conscription-check-case-\d{4}-\d{2}-\d{2}\.json$/);
        assert.match(file.url(), /^blob:/, "made in the page, not fetched");
        const path = join(RESULTS, "saved-case.json");
        await file.saveAs(path);
        assert.deepEqual(JSON.parse(readFileSync(path, "utf8")), CASE, "the file holds exactly the answers");
        const statuses = await shownStatuses(page);
        assertLocalOnly(log);
        assertQuietConsole(log);
        return { path, statuses };
      } finally {
        await context.close();
      }
    })();

    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await page.locator('[data-cc="open-file"]').setInputFiles(saved.path);
      await page.locator('[data-cc="open-done"]').waitFor();
      assert.deepEqual(await shownStatuses(page), saved.statuses, "the same result");
      assert.equal(await page.locator('input[data-path="birthDate"]').inputValue(), CASE.birthDate);
      assert.equal(await page.locator('[data-path="health.fitness"]').inputValue(), "v");
      assert.equal(await page.locator("fieldset.cc-summons").count(), 2);
      assert.equal(await page.locator('[data-path="summonses[1].delivery"]').inputValue(), "electronic");
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("a bad file is refused with the issues' paths, and nothing entered is lost", async () => {
    const bad = join(RESULTS, "bad-case.json");
    writeFileSync(bad, JSON.stringify({ birthdate: "2001-01-01", residence: "mars", summonses: [{ date: "2024-02-30" }] }));
    const notJson = join(RESULTS, "not-a-case.json");
    writeFileSync(notJson, "<img src=x onerror=alert(1)> this is not JSON");
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, { birthYear: 2003, residence: "russia", region: "kursk" });
      const before = await shownStatuses(page);

      await page.locator('[data-cc="open-file"]').setInputFiles(bad);
      const msg = page.locator('[data-cc="open-error"]');
      await msg.waitFor();
      const text = await msg.textContent();
      for (const path of ["birthdate", "residence", "summonses[0].date"]) assert.ok(text.includes(path), `names ${path}: ${text}`);
      assert.equal(await msg.getAttribute("role"), "alert");
      assert.deepEqual(await shownStatuses(page), before, "the result is unchanged");
      assert.equal(await page.locator('[data-path="residence"]').inputValue(), "russia");
      assert.equal(await page.locator('[data-path="region"]').inputValue(), "kursk");
      assert.equal(await page.locator('input[data-path="birthYear"]').inputValue(), "2003");

      await page.locator('[data-cc="open-file"]').setInputFiles(notJson);
      await page.waitForFunction(() => document.querySelector('[data-cc="open-error"]')?.textContent.includes("JSON"));
      assert.equal(await page.locator("img").count(), 0);
      assert.deepEqual(log.dialogs, []);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});

describe("crafted case files", () => {
  test("8,000 unknown keys, a 150 KB key, 5,000 summonses: at most 20 problems listed, then how many more, paths clipped", async () => {
    const many = join(RESULTS, "many-keys.json");
    writeFileSync(many, JSON.stringify(Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`k${i}`, 1]))));
    const longKey = join(RESULTS, "long-key.json");
    writeFileSync(longKey, JSON.stringify({ ["x".repeat(150_000)]: 1, birthdate: "2001-01-01" }));
    const summonses = join(RESULTS, "many-summonses.json");
    writeFileSync(summonses, JSON.stringify({ summonses: Array.from({ length: 5000 }, () => ({})) }));
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      const msg = page.locator('[data-cc="open-error"]');

      await page.locator('[data-cc="open-file"]').setInputFiles(many);
      await msg.waitFor();
      let items = await msg.locator("li").allTextContents();
      assert.equal(items.length, 21, `${items.length} items`);
      assert.equal(items[0], "k0: This entry does not match any question of the tool.", "the path is not repeated as its label");
      // The engine lists 100 and counts the rest: 7,980 are not shown.
      assert.equal(items[20], "More problems in this file, not listed here: 7,980.");
      assert.ok((await msg.textContent()).length < 3000);

      await page.locator('[data-cc="open-file"]').setInputFiles(longKey);
      await page.waitForFunction(() => !document.querySelector('[data-cc="open-error"]')?.textContent.includes("7,980"));
      items = await msg.locator("li").allTextContents();
      assert.equal(items.length, 2);
      assert.ok(items.every((t) => t.length < 200), items.join(" | "));
      assert.ok(items.some((t) => t.startsWith("birthdate")));

      await page.locator('[data-cc="open-file"]').setInputFiles(summonses);
      await page.waitForFunction(() => document.querySelector('[data-cc="open-error"] li')?.textContent.startsWith("summonses"));
      items = await msg.locator("li").allTextContents();
      assert.equal(items.length, 1);
      assert.match(items[0], /This value is too large\./);
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});

describe("copy summary", () => {
  test("plain text with statuses, findings, citations and the source list", async () => {
    const { page, log, context } = await openPage(env.browser, { permissions: ["clipboard-read", "clipboard-write"] });
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, CASE);
      await page.locator('[data-cc="copy"]').click();
      await page.locator('[data-cc="copy-done"]').waitFor();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      const r = (await nodeEngine()).assess(CASE, { asOf: "2026-11-23" });
      assert.match(text, /Deferral: /);
      assert.match(text, /Risk on return: high/);
      assert.ok(text.includes(r.returnRisk.findings[0].text), "the findings' texts");
      assert.match(text, /\[\d+(, \d+)*\]/, "citations as numbers");
      for (const s of r.sources) assert.ok(text.includes(s.title), `source ${s.id} listed`);
      assert.match(text, /RUB 10,000–30,000 · CHF 102–306 · EUR 92–277/);
      assert.doesNotMatch(text, /<[a-z]/i, "plain text, no markup");
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("without clipboard access the text is offered for copying by hand", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await choose(page, "residence", "abroad");
      // A browser without the asynchronous clipboard API.
      await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
      await page.locator('[data-cc="copy"]').click();
      const done = await page.locator('[data-cc="copy-done"]').count();
      const area = await page.locator(".cc-copy-area").count();
      assert.ok(done === 1 || area === 1, "copied with the fallback, or shown for copying by hand");
      if (area) assert.match(await page.locator(".cc-copy-area").inputValue(), /Deferral/);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});
