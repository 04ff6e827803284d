// A case for the case file: "Save case" downloads the case as JSON (no server) — the answers, the
// assessment date, the rates, the languages, a label, the knowledge version and the statuses —
// and "Open case" restores all of it and reports any status that changed since; a bad file gets a message naming the issues' paths and changes nothing
// already entered. "Copy summary" puts a plain-text summary with citations on the clipboard.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  RESULTS, assertAccessible, assertLocalOnly, assertQuietConsole, choose, fillCase, gotoTool, nodeEngine, openPage, setAsOf, setup, shownStatuses, uiTexts,
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
  test("round trip: the file keeps the answers, date, rates, languages, label, version and statuses; reopening restores them", async () => {
    const RATES = { CHF: 110, EUR: 100 };
    const saved = await (async () => {
      const { page, log, context } = await openPage(env.browser, { acceptDownloads: true });
      try {
        await gotoTool(page, `${env.origin}/`);
        await page.locator(".cc-lang-select").selectOption("fr");
        await page.locator('.cc[lang="fr"]').waitFor(); // its texts are fetched first (ui.fr.json, texts/fr.bin)
        await fillCase(page, CASE);
        await setAsOf(page, "2025-05-10");
        await page.locator('input[data-rate="CHF"]').fill("110");
        await page.locator('input[data-rate="EUR"]').fill("100");
        await page.locator('[data-cc="rates-apply"]').click();
        await page.locator('[data-cc="case-label"]').fill("Dossier 42");
        const download = page.waitForEvent("download");
        await page.locator('[data-cc="save"]').click();
        const file = await download;
        assert.equal(file.suggestedFilename(), "Dossier-42.json");
        assert.match(file.url(), /^blob:/, "made in the page, not fetched");
        const path = join(RESULTS, "saved-case.json");
        await file.saveAs(path);
        const data = JSON.parse(readFileSync(path, "utf8"));
        const e = await nodeEngine();
        const r = e.assess(CASE, { asOf: "2025-05-10", lang: "fr", rubPer: RATES });
        assert.deepEqual(data.answers, CASE, "the answers, exactly");
        assert.equal(data.format, "conscription-check case");
        assert.equal(data.version, 2);
        assert.equal(data.label, "Dossier 42");
        assert.equal(data.asOf, "2025-05-10");
        assert.deepEqual(data.rubPer, RATES);
        assert.equal(data.formLang, "fr");
        assert.equal(data.memoLang, "fr");
        assert.equal(data.knowledgeVersion, e.knowledge().version);
        assert.equal(data.statuses.deferral, r.deferral.status);
        assert.equal(data.statuses.returnRisk, r.returnRisk.status);
        assert.equal(data.statuses["penalty-cc-328-1"], r.penalties.find((p) => p.id === "cc-328-1").exposure);
        const statuses = await shownStatuses(page);
        const chf = await page.locator('[data-penalty="cao-21-5"] [data-currency="CHF"]').textContent();
        assertLocalOnly(log);
        assertQuietConsole(log);
        return { path, statuses, chf };
      } finally {
        await context.close();
      }
    })();

    // Reopened later, in a browser in English, with today's date: the same assessment.
    const { page, log, context } = await openPage(env.browser, { locale: "en-GB" });
    try {
      await page.goto(`${env.origin}/`);
      await page.locator(".cc [data-cc=overview]").waitFor();
      await page.locator('[data-cc="open-file"]').setInputFiles(saved.path);
      await page.locator('[data-cc="open-done"]').waitFor();
      assert.deepEqual(await shownStatuses(page), saved.statuses, "the same result");
      assert.equal(await page.locator('[data-path="@asOf"]').inputValue(), "2025-05-10", "the same date");
      assert.equal(await page.locator(".cc-lang-select").inputValue(), "fr", "the same language");
      assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
      assert.equal(await page.locator('input[data-rate="CHF"]').inputValue(), "110", "the same rates");
      assert.equal(await page.locator('[data-penalty="cao-21-5"] [data-currency="CHF"]').textContent(), saved.chf);
      assert.equal(await page.locator('[data-cc="case-label"]').inputValue(), "Dossier 42");
      assert.equal(await page.locator('[data-cc="open-version"]').count(), 0, "same knowledge version: nothing to report");
      await page.locator('[data-cc="open-unchanged"]').waitFor();
      assert.equal(await page.locator('input[data-path="birthDate"]').inputValue(), CASE.birthDate);
      assert.equal(await page.locator('[data-path="health.fitness"]').inputValue(), "v");
      assert.equal(await page.locator("fieldset.cc-summons").count(), 2);
      assert.equal(await page.locator('[data-path="summonses[1].delivery"]').inputValue(), "electronic");
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("a case saved with another knowledge version says so and lists the statuses that changed", async () => {
    const e = await nodeEngine();
    const r = e.assess(CASE, { asOf: "2026-11-23" });
    const statuses = { age: r.age.conscriptionAge, deferral: r.deferral.status, restrictions: r.restrictions.status, returnRisk: r.returnRisk.status, deployment: r.deployment.status, payment: r.payment.status };
    for (const p of r.penalties) statuses[`penalty-${p.id}`] = p.exposure;
    // As a file saved by an older version would hold them: two statuses differ from today's.
    const old = { ...statuses, returnRisk: "moderate", "penalty-cc-328-1": "unlikely" };
    assert.notEqual(r.returnRisk.status, "moderate");
    assert.notEqual(statuses["penalty-cc-328-1"], "unlikely");
    const path = join(RESULTS, "old-version-case.json");
    writeFileSync(path, JSON.stringify({
      format: "conscription-check case", version: 2, asOf: "2026-11-23", formLang: "en", memoLang: "en",
      knowledgeVersion: "2025.10.0-old", statuses: old, answers: CASE,
    }));
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await page.locator('[data-cc="open-file"]').setInputFiles(path);
      const version = page.locator('[data-cc="open-version"]');
      await version.waitFor();
      assert.ok((await version.textContent()).includes("2025.10.0-old") && (await version.textContent()).includes(e.knowledge().version));
      const changed = await page.locator('[data-cc="open-changes"] li').evaluateAll((lis) => lis.map((li) => [li.dataset.changed, li.textContent]));
      assert.deepEqual(changed.map(([k]) => k).sort(), ["penalty-cc-328-1", "returnRisk"]);
      const ui = uiTexts("en");
      const line = changed.find(([k]) => k === "returnRisk")[1];
      assert.equal(line, `${ui["chip.return-risk"]}: ${ui["st.return-risk.moderate"]} → ${ui[`st.return-risk.${r.returnRisk.status}`]}`);
      await assertAccessible(page, { label: "(a reopened case with changes)" });
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("an old file holding only the answers still opens", async () => {
    const path = join(RESULTS, "answers-only-case.json");
    writeFileSync(path, JSON.stringify(CASE));
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await page.locator('[data-cc="open-file"]').setInputFiles(path);
      await page.locator('[data-cc="open-done"]').waitFor();
      assert.equal(await page.locator('[data-path="summonses[1].delivery"]').inputValue(), "electronic");
      assert.equal(await page.locator('[data-cc="open-restored"]').count(), 0);
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

describe("rates on a page that loaded only one language", () => {
  test("ru: rates are checked in the language loaded (English is not), applied and used", async () => {
    const { page, log, context } = await openPage(env.browser, { locale: "ru-RU" });
    try {
      await gotoTool(page, `${env.origin}/`);
      await page.locator('.cc[lang="ru"]').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), "ru");
      await fillCase(page, CASE);
      await page.locator('input[data-rate="CHF"]').fill("110");
      await page.locator('input[data-rate="EUR"]').fill("100");
      await page.locator('[data-cc="rates-apply"]').click();
      const msg = page.locator(".cc-rate-msg");
      const applied = uiTexts("ru")["rates.applied"].split("{chf}")[0];
      await page.waitForFunction((t) => document.querySelector(".cc-rate-msg")?.textContent.startsWith(t), applied);
      assert.equal(await msg.evaluate((el) => el.classList.contains("cc-bad-input")), false);
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});
