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
    return { lang: window.__events[0].lang, language: el.language, open: !!el.shadowRoot, height: el.getBoundingClientRect().height };
  });
  assert.equal(info.lang, "de");
  assert.equal(info.language, "de");
  assert.equal(info.open, false, "the shadow root is closed by default: host scripts can't read the answers");
  assert.ok(info.height > 500, "the tool rendered");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the README's `make serve` serves the page on 127.0.0.1 at the port given", async () => {
  const { spawn } = await import("node:child_process");
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn("make", ["-s", "serve", `PORT=${port}`], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  try {
    const deadline = Date.now() + 240_000;
    while (!out.includes(`http://127.0.0.1:${port}/`)) {
      if (Date.now() > deadline || child.exitCode !== null) assert.fail(`make serve did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const res = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /id="cc-app"/);
    const wasm = await fetch(`http://127.0.0.1:${port}/conscription_check_bg.wasm`);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
  } finally {
    process.kill(-child.pid, "SIGTERM");
  }
});
