// Determinism across runtimes: every golden scenario assessed in Chromium gives JSON
// byte-identical to native Rust's (target/scenario-outputs/, written by `cargo test`) — the
// same check tests/js/scenarios.test.mjs makes in Node.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, setup } from "./helpers.mjs";

let env;
before(async () => (env = await setup()));
after(async () => env && env.close());

test("Chromium's output equals native Rust's, byte for byte, for every scenario", async () => {
  const dir = join(ROOT, "tests/scenarios");
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ f, s: JSON.parse(readFileSync(join(dir, f), "utf8")) }))
    .filter(({ s }) => !s.expectError);
  assert.ok(cases.length >= 40);
  const page = await env.browser.newPage();
  await page.goto(`${env.origin}/index.html`);
  const outputs = await page.evaluate(async (cases) => {
    const m = await import("/conscription_check.js");
    await m.default();
    await Promise.all(["en", "fr", "de", "ru"].map((l) => m.loadLanguage(l))); // each language's texts file (issue 15)
    return cases.map(({ s }) => JSON.stringify(m.assess(s.input, { ...(s.options || {}), asOf: s.asOf, lang: s.lang || "en" })));
  }, cases);
  let compared = 0;
  cases.forEach(({ f }, i) => {
    const native = join(ROOT, "target/scenario-outputs", f);
    assert.ok(existsSync(native), `no native output for ${f}: run cargo test first (make test does)`);
    assert.equal(outputs[i], readFileSync(native, "utf8"), f);
    compared++;
  });
  assert.equal(compared, cases.length);
  await page.close();
});
