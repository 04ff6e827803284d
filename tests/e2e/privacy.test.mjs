// "Nothing you enter leaves this device" is true: the page loads its own files from its own
// origin and nothing else, makes no request at all while answers are given (nor when a case is
// saved, a summary copied or rates entered), stores nothing, runs under the strict CSP, shows
// markup typed into its fields as text, and the quick exit leaves for a blank page.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ROOT, assertLocalOnly, assertQuietConsole, fillCase, gotoTool, openPage, setup,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
const HOSTILE = `<img src=x onerror=alert(1)>`;
const CASE = {
  birthDate: "2001-04-12", residence: "abroad", abroad: { since: "2024-06-01", planningReturn: false },
  studies: { current: "none" }, health: { fitness: "b" }, registration: { residenceNotified: true, departureReported: false },
  summonses: [{ date: "2023-11-02", delivery: "in-person", signed: true, appeared: false, validReason: false, campaign: "2023-autumn" }],
};

// Records any use of storage before the page's own scripts run.
const SPY = () => {
  window.__storageCalls = [];
  const note = (what) => window.__storageCalls.push(what);
  for (const m of ["setItem", "getItem", "removeItem", "clear"]) {
    const orig = Storage.prototype[m];
    Storage.prototype[m] = function (...a) { note(`Storage.${m}`); return orig.apply(this, a); };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    get() { note("cookie.get"); return cookie.get.call(this); },
    set(v) { note("cookie.set"); cookie.set.call(this, v); },
  });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...a) { note("indexedDB.open"); return open.apply(this, a); };
};

describe("nothing leaves the device", () => {
  test("the page loads its own files only, and while it is used only the texts of a language it switches to", async () => {
    const { page, log, context } = await openPage(env.browser, { acceptDownloads: true, permissions: ["clipboard-read", "clipboard-write"] });
    try {
      await context.addInitScript(SPY);
      await gotoTool(page, `${env.origin}/`);
      const loaded = log.requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`).sort();
      assert.deepEqual(loaded, [
        "GET /", "GET /app.js", "GET /conscription_check_bg.wasm", "GET /quick-exit.js",
        "GET /style.css", "GET /ui.en.json",
      ]);
      const before = log.requests.length;

      await fillCase(page, CASE);
      await page.locator('[data-cc="rates"], .cc-rates-form').first().locator("input").first().fill("95.5");
      await page.locator('[data-cc="rates-apply"]').click();
      await page.locator('[data-cc="conv-amount"]').fill("30000");
      await page.locator('[data-cc="copy"]').click();
      await page.locator('[data-cc="copy-done"]').waitFor();
      const download = page.waitForEvent("download");
      await page.locator('[data-cc="save"]').click();
      await (await download).path();
      const answering = log.requests.length;
      await page.locator('.cc-lang-select').selectOption("de");
      await page.locator('.cc[lang="de"]').waitFor();

      const during = log.requests.slice(before, answering).filter((r) => !r.url.startsWith("blob:"));
      assert.deepEqual(during.map((r) => r.url), [], "requests while answering");
      // Switching the language loads that language's interface texts: a plain GET of the page's
      // own file, with nothing of the answers in it.
      const switching = log.requests.slice(answering).map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search} ${r.postData ?? ""}`.trim());
      assert.deepEqual(switching, ["GET /ui.de.json"], "requests when switching to German");
      // A memo in a third language loads that language's texts, once; back to one already
      // loaded, nothing.
      const memo = log.requests.length;
      await page.locator('[data-cc="memo-lang"]').selectOption("fr");
      await page.locator('[data-cc="memo-print"][lang="fr"]').waitFor({ state: "attached" });
      await page.locator('[data-cc="memo-lang"]').selectOption("en");
      await page.locator('[data-cc="memo-lang"]').selectOption("fr");
      await page.locator('[data-cc="memo-print"][lang="fr"]').waitFor({ state: "attached" });
      assert.deepEqual(log.requests.slice(memo).map((r) => `${r.method} ${new URL(r.url).pathname}`), ["GET /ui.fr.json"], "requests for the memo language");
      assertLocalOnly(log);

      const storage = await page.evaluate(async () => ({
        calls: window.__storageCalls.slice(),
        local: localStorage.length,
        session: sessionStorage.length,
        cookie: document.cookie,
        idb: (await indexedDB.databases()).length,
        caches: (await caches.keys()).length,
        workers: (await navigator.serviceWorker.getRegistrations()).length,
      }));
      assert.deepEqual(storage, { calls: [], local: 0, session: 0, cookie: "", idb: 0, caches: 0, workers: 0 });
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("the quick exit replaces the page with a blank one, without a request", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, { birthYear: 2004, residence: "abroad" });
      const before = log.requests.length;
      await page.locator('#cc-quick-exit').click();
      await page.waitForURL("about:blank");
      assert.equal(await page.evaluate(() => document.body?.textContent ?? ""), "");
      assert.deepEqual(log.requests.slice(before).map((r) => r.url).filter((u) => u !== "about:blank"), []);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});

describe("safety of the code and the page", () => {
  test("index.html has the strict CSP and nothing inline", () => {
    const html = readFileSync(join(ROOT, "www", "index.html"), "utf8");
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.equal(meta?.[1], CSP);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, "no inline style or handler");
  });

  test("www/ has no HTML sinks and no external URLs", () => {
    for (const f of readdirSync(join(ROOT, "www")).filter((n) => /\.(js|html|css)$/.test(n))) {
      const text = readFileSync(join(ROOT, "www", f), "utf8");
      assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/, `${f}: HTML sink`);
      assert.doesNotMatch(text, /https?:\/\//, `${f}: external URL`);
      assert.doesNotMatch(text, /localStorage|sessionStorage|indexedDB|document\.cookie/, `${f}: storage`);
    }
  });

  test("markup typed into the rate and converter fields is shown as text and rejected", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      const line = await page.locator('[data-cc="rates-line"]').textContent();
      await page.locator('input[data-rate="CHF"]').fill(HOSTILE);
      await page.locator('input[data-rate="CHF"]').press("Enter");
      const msg = page.locator(".cc-rate-msg");
      assert.ok((await msg.textContent()).includes(HOSTILE), "the input is quoted as text");
      assert.equal(await page.locator('input[data-rate="CHF"]').getAttribute("aria-invalid"), "true");
      assert.equal(await page.locator('[data-cc="rates-line"]').textContent(), line, "the rates are unchanged");

      await page.locator('[data-cc="conv-amount"]').fill(`30000${HOSTILE}`);
      assert.ok((await page.locator('[data-cc="conv-out"]').textContent()).includes(HOSTILE));
      assert.equal(await page.locator("img").count(), 0, "no <img> was created");

      // A valid rate, with a decimal comma, is taken and used in the fines table.
      await page.locator('input[data-rate="CHF"]').fill("95,5");
      await page.locator('[data-cc="rates-apply"]').click();
      assert.match(await page.locator('[data-cc="rates-line"]').textContent(), /95\.5/);
      assert.equal(await page.locator('[data-penalty="cao-21-5"] [data-currency="CHF"]').first().textContent(), "105–314");
      await page.locator('[data-cc="rates-reset"]').click();
      assert.equal(await page.locator('[data-cc="rates-line"]').textContent(), line);
      assert.deepEqual(log.dialogs, []);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});
