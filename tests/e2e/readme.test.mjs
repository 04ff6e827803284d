// The README's embedding snippet, as a host page would paste it: one script tag and one
// element. The element must render in an open shadow root and fire cc-ready. (The README's
// JavaScript snippets run in tests/pkg/pack.test.mjs; `make serve` and `make test` are the
// commands these tests themselves run under.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, setup } from "./helpers.mjs";

let env;
before(async () => (env = await setup()));
after(async () => env && env.close());

test("the README's <conscription-check> snippet works in a host page", async () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const snippet = (readme.match(/```html\n([\s\S]*?)```/) || [])[1];
  assert.ok(snippet && snippet.includes("<conscription-check"), "README has an html snippet with the element");
  // The README installs the files under /conscription-check/; dist/ serves them at the root.
  const hostHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<script>window.__events = []; document.addEventListener("cc-ready", (e) => window.__events.push(e.detail));</script>
${snippet.replaceAll("/conscription-check/", "/")}</body></html>`;
  const page = await env.browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(`${env.origin}/readme-host.html`, (route) => route.fulfill({ contentType: "text/html", body: hostHtml }));
  await page.goto(`${env.origin}/readme-host.html`);
  await page.waitForFunction(() => window.__events.length > 0, null, { timeout: 15000 });
  const info = await page.evaluate(() => {
    const el = document.querySelector("conscription-check");
    return { lang: window.__events[0].lang, open: !!el.shadowRoot, text: el.shadowRoot ? el.shadowRoot.textContent.length : 0 };
  });
  assert.equal(info.lang, "de");
  assert.ok(info.open, "open shadow root");
  assert.ok(info.text > 200, "the tool rendered");
  assert.deepEqual(errors, []);
  await page.close();
});
