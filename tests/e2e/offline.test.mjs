// The single file dist/conscription-check.html works opened from disk (file://) with the network
// off: everything (CSS, JS, the wasm as base64) is inline, allowed by its CSP through sha256
// hashes, and it asks for nothing else.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  AS_OF, DIST, assertAgreesWithEngine, assertQuietConsole, fillCase, gotoTool, openPage, setup, shownStatuses,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const FILE = join(DIST, "conscription-check.html");

test("the single file's CSP allows its inline script and style by hash, and nothing else", () => {
  const html = readFileSync(FILE, "utf8");
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? "";
  const hash = (s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  // The quick exit (a classic script, so that it works while the module loads) and the tool.
  assert.equal(scripts.length, 2);
  assert.equal(styles.length, 1);
  assert.match(csp, /default-src 'none'/);
  const module = scripts.find((m) => /type="module"/.test(m[0]));
  const exit = scripts.find((m) => !/type="module"/.test(m[0]));
  assert.ok(module && exit && exit[1].includes("ccQuickExit"));
  assert.ok(csp.includes(`script-src ${hash(module[1])} ${hash(exit[1])} 'wasm-unsafe-eval'`), csp);
  assert.ok(csp.includes(`style-src ${hash(styles[0][1])}`), csp);
  assert.doesNotMatch(html, /\b(src|href)="(?!data:|#|about:blank")/, "no reference to another file (the quick exit leads to about:blank)");
});

test("opened from file:// with the network off, it works: a short journey", async () => {
  const { page, log, context } = await openPage(env.browser, { offline: true });
  try {
    await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
    const url = pathToFileURL(FILE).href;
    await gotoTool(page, url);
    const input = {
      birthYear: Number(AS_OF.slice(0, 4)) - 21, residence: "russia", region: "moscow",
      studies: { current: "university", fullTime: true, afterTechnicalCollege: false, changedSubject: false },
    };
    await fillCase(page, input);
    assert.equal((await shownStatuses(page)).deferral.status, "likely");
    await assertAgreesWithEngine(page, input);
    await page.locator(".cc-lang-select").selectOption("fr");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
    assert.match((await shownStatuses(page)).deferral.text, /Report\u00a0: probable/);
    assert.deepEqual(log.requests.map((r) => r.url).filter((u) => u !== url && !u.startsWith("data:")), [], "requests besides the file itself");
    assertQuietConsole(log);
  } finally {
    await context.close();
  }
});
