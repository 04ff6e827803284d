// Quick exit for a person at risk (issue 17): on every screen (sticky) and while the engine is
// still loading, the first tab stop, by mouse, keyboard and the Esc-twice shortcut; it empties
// the form, overwrites what the tool put on the clipboard, and replaces the page in the history
// (Back does not lead back to the tool). Also: the safety note, and neutral download names.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AS_OF, LANGS, ROOT, assertAccessible, assertLocalOnly, assertQuietConsole, fillCase, gotoTool, openPage, setAsOf, setup, uiTexts,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const CASE = {
  birthDate: "2003-02-01", residence: "abroad", abroad: { since: "2024-06-01" },
  summonses: [{ date: "2023-11-02", delivery: "in-person", signed: true, appeared: false, validReason: false }],
};
const CLIP = ["clipboard-read", "clipboard-write"];

/** Copies the summary, checks it is on the clipboard, and returns its length. */
async function copySummary(page) {
  await page.locator('[data-cc="copy"]').click();
  await page.locator('[data-cc="copy-done"]').waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(text.length > 1000, "the summary is on the clipboard");
  return text;
}

/** What is on the clipboard now, read from a fresh page of the same origin. */
async function clipboardAfter(context) {
  const p = await context.newPage();
  await p.goto(`${env.origin}/embed-demo.html`);
  await p.bringToFront();
  const text = await p.evaluate(() => navigator.clipboard.readText());
  await p.close();
  return text;
}

/** Starts on another page, then opens the tool, so that Back would lead to the tool if the exit added an entry. */
async function fromElsewhere(page) {
  await page.goto(`${env.origin}/embed-demo.html`);
  await gotoTool(page, `${env.origin}/`);
}

describe("quick exit on the page", () => {
  for (const how of ["mouse", "keyboard", "shortcut"]) {
    test(`by ${how}: blank page, history replaced, form emptied, clipboard overwritten`, async () => {
      const { page, log, context } = await openPage(env.browser, { permissions: CLIP });
      try {
        await fromElsewhere(page);
        await fillCase(page, CASE);
        const summary = await copySummary(page);
        // The form is emptied before leaving: watch it from the page itself.
        await page.evaluate(() => window.ccQuickExit.beforeExit(() => {
          // Runs after the tool's own hook (registered first): nothing of the case is left.
          window.name = JSON.stringify({ fields: document.querySelectorAll("[data-path]").length, text: document.body.innerText.includes("2003") });
        }));
        const before = log.requests.length;
        if (how === "mouse") {
          await page.locator("#cc-quick-exit").click();
        } else if (how === "keyboard") {
          await page.locator('[data-path="residence"]').focus();
          await page.keyboard.press("Shift+Tab");
          for (let i = 0; i < 60 && !(await page.evaluate(() => document.activeElement?.id === "cc-quick-exit")); i++) await page.keyboard.press("Shift+Tab");
          await page.keyboard.press("Enter");
        } else {
          await page.locator('[data-path="residence"]').focus();
          await page.keyboard.press("Escape");
          await page.keyboard.press("Escape");
        }
        await page.waitForURL("about:blank");
        const sent = log.requests.slice(before).map((r) => r.url).filter((u) => u !== "about:blank");
        assert.deepEqual(sent, [], "leaving sends nothing");
        assert.equal(await page.evaluate(() => document.body?.textContent ?? ""), "");
        assert.equal(await page.title(), "");
        const left = JSON.parse(await page.evaluate(() => window.name || "{}"));
        assert.deepEqual(left, { fields: 0, text: false }, "the form was emptied before leaving");
        await page.goBack();
        assert.match(page.url(), /embed-demo\.html$/, "Back leads to the page before the tool, not to the tool");
        const clip = await clipboardAfter(context);
        assert.ok(!clip.includes(summary.slice(0, 200)), "the summary is no longer on the clipboard");
        assert.equal(clip, "");
        assertLocalOnly(log);
      } finally {
        await context.close();
      }
    });
  }

  test("one Esc does nothing; without a copy the clipboard is left alone", async () => {
    const { page, log, context } = await openPage(env.browser, { permissions: CLIP });
    try {
      await gotoTool(page, `${env.origin}/`);
      await page.evaluate(() => navigator.clipboard.writeText("the user's own text"));
      await page.keyboard.press("Escape");
      await new Promise((r) => setTimeout(r, 1100));
      await page.keyboard.press("Escape");
      await new Promise((r) => setTimeout(r, 300));
      assert.notEqual(page.url(), "about:blank", "two Esc more than a second apart are not the shortcut");
      await page.locator("#cc-quick-exit").click();
      await page.waitForURL("about:blank");
      assert.equal(await clipboardAfter(context), "the user's own text", "only what the tool put there is cleared");
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("first tab stop, sticky while reading on a phone, in every language", async () => {
    for (const lang of LANGS) {
      const ui = uiTexts(lang);
      const { page, log, context } = await openPage(env.browser, { locale: lang, viewport: { width: 390, height: 844 } });
      try {
        await page.goto(`${env.origin}/`);
        // On a phone the result waits for the guided path's last step: there, not yet shown.
        await page.locator(".cc [data-cc=overview]").waitFor({ state: "attached" });
        await page.keyboard.press("Tab");
        assert.equal(await page.evaluate(() => document.activeElement?.id), "cc-quick-exit", "the first tab stop");
        await setAsOf(page, AS_OF);
        await fillCase(page, CASE);
        assert.equal((await page.locator("#cc-quick-exit").textContent()).trim(), ui["quick-exit"]);
        assert.equal((await page.locator("#cc-quick-exit-hint").textContent()).trim(), ui["quick-exit.hint"]);
        assert.equal(await page.locator('[data-cc="quick-exit"]').count(), 1, "one quick exit on the page");
        for (const y of [3000, 9000, 20000]) {
          await page.evaluate((to) => window.scrollTo(0, to), y);
          const box = await page.locator("#cc-quick-exit").boundingBox();
          assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `visible after scrolling to ${y}px (${JSON.stringify(box)})`);
        }
        // The safety note, folded, in the language of the page.
        await page.locator('[data-cc="safety"] > summary').click();
        assert.equal(await page.locator('[data-cc="safety"] p').textContent(), ui["safety.text"]);
        await assertAccessible(page, { label: `(${lang}, phone, safety note open)` });
        assertQuietConsole(log);
      } finally {
        await context.close();
      }
    }
  });

  test("there while the engine loads, and it works then", async () => {
    const { page, log, context } = await openPage(env.browser, { locale: "ru" });
    try {
      await page.route(`${env.origin}/conscription_check_bg.wasm`, () => { /* never answered: the engine keeps loading */ });
      await page.goto(`${env.origin}/embed-demo.html`);
      await page.goto(`${env.origin}/`, { waitUntil: "domcontentloaded" });
      const exit = page.locator("#cc-quick-exit");
      await exit.waitFor();
      assert.equal(await page.locator(".cc [data-cc=overview]").count(), 0, "the engine has not loaded");
      const ru = uiTexts("ru");
      assert.equal((await exit.textContent()).trim(), ru["quick-exit"], "in the browser's language, before the engine");
      assert.equal(await exit.evaluate((e) => getComputedStyle(e.parentElement).position), "sticky");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "cc-quick-exit");
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      await page.waitForURL("about:blank");
      await page.goBack();
      assert.match(page.url(), /embed-demo\.html$/);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test("in the offline single file too", async () => {
    const { page, log, context } = await openPage(env.browser, { offline: true });
    try {
      await page.goto(`file://${join(ROOT, "dist", "conscription-check.html")}`);
      await page.locator(".cc [data-cc=overview]").waitFor();
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "cc-quick-exit");
      await page.keyboard.press("Enter");
      await page.waitForURL("about:blank");
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("the labels used before the engine loads are the data's", async () => {
    const qx = readFileSync(join(ROOT, "www", "quick-exit.js"), "utf8");
    const loading = await import(join(ROOT, "www", "app", "loading.js"));
    for (const lang of LANGS) {
      const ui = uiTexts(lang);
      const want = [ui["quick-exit"], ui["quick-exit.hint"]];
      assert.deepEqual(loading.EXIT_LABELS[lang], want, `app/loading.js EXIT_LABELS.${lang}`);
      assert.ok(qx.includes(`${lang}: ${JSON.stringify(want).replace(/","/, '", "')}`), `quick-exit.js LABELS.${lang}`);
    }
  });
});

describe("neutral download names", () => {
  test("case-<day>.json by default, the user's label when given", async () => {
    const { page, log, context } = await openPage(env.browser, { acceptDownloads: true });
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, CASE);
      let download = page.waitForEvent("download");
      await page.locator('[data-cc="save"]').click();
      assert.match((await download).suggestedFilename(), /^case-\d{4}-\d{2}-\d{2}\.json$/, "nothing about the topic");
      await page.locator('[data-cc="case-label"]').fill("Client A/7: follow-up");
      download = page.waitForEvent("download");
      await page.locator('[data-cc="save"]').click();
      assert.equal((await download).suggestedFilename(), "Client-A-7-follow-up.json");
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});
