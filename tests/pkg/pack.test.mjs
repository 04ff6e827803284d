// The package exactly as a JavaScript developer gets it: `npm pack` pkg/, install the
// tarball into a throwaway project, import it from Node (ESM, initSync), run the README's
// code snippets against it, and build a page importing it with Vite 7 that runs in Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = (n) => join(root, "node_modules/.bin", n);
let work;

before(() => {
  work = mkdtempSync(join(tmpdir(), "cc-pkg-"));
  const tgz = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", work, "--silent"], { cwd: work }).toString().trim().split("\n").pop();
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", "--loglevel=error", join(work, tgz)], { cwd: work, stdio: "pipe" });
});

after(() => rmSync(work, { recursive: true, force: true }));

test("the tarball holds what the package needs and nothing else", () => {
  const files = readdirSync(join(work, "node_modules/conscription-check")).sort();
  for (const f of ["package.json", "conscription_check.js", "conscription_check.d.ts", "conscription_check_bg.wasm", "case-input.schema.json", "README.md"]) {
    assert.ok(files.includes(f), `${f} missing from ${files}`);
  }
  const pkg = JSON.parse(readFileSync(join(work, "node_modules/conscription-check/package.json"), "utf8"));
  assert.equal(pkg.name, "conscription-check");
  assert.equal(pkg.type, "module");
  assert.ok(pkg.exports["."].types);
});

test("Node ESM: import by package name, initSync with the bytes", () => {
  writeFileSync(
    join(work, "esm.mjs"),
    `import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initSync, assess, knowledge, convert } from "conscription-check";
const require = createRequire(import.meta.url);
initSync({ module: readFileSync(require.resolve("conscription-check/conscription_check_bg.wasm")) });
const a = assess({ birthDate: "2003-05-20", studies: { current: "university", fullTime: true, afterTechnicalCollege: false, changedSubject: false }, health: { fitness: "a" } }, { asOf: "2025-11-01", lang: "ru" });
console.log(JSON.stringify({ status: a.deferral.status, lang: a.lang, sources: knowledge().sources.length, chf: convert(10000, "CHF") }));
`,
  );
  const out = JSON.parse(execFileSync("node", ["esm.mjs"], { cwd: work }).toString());
  assert.deepEqual(out.status, "likely");
  assert.equal(out.lang, "ru");
  assert.ok(out.sources >= 20);
  assert.equal(out.chf, 102);
});

// Every ```js snippet of the README runs: Node ones directly, `// browser` ones in the Vite
// build below. Each snippet's `// value` comments are checked against what it prints.
const readme = readFileSync(join(root, "README.md"), "utf8");
const snippets = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test("the README has JavaScript snippets", () => assert.ok(snippets.length >= 3));

snippets.forEach((code, i) => {
  if (code.startsWith("// browser")) return;
  test(`README snippet ${i + 1} runs in Node and prints what its comments say`, () => {
    writeFileSync(join(work, `snippet${i}.mjs`), code);
    const printed = execFileSync("node", [`snippet${i}.mjs`], { cwd: work }).toString().trim().split("\n");
    const expected = code
      .split("\n")
      .filter((l) => /console\.log\(/.test(l))
      .map((l) => (l.match(/\/\/ (.*)$/) || [])[1]);
    assert.equal(printed.length, expected.length, printed.join("\n"));
    expected.forEach((exp, j) => {
      if (!exp || exp.startsWith("the ")) return; // prose comment, not a value
      const values = exp.replace(/,? at the rate.*$/, "").split(/\s+(?=["\d]|true|false)/);
      const got = printed[j];
      for (const v of values) {
        const want = v.startsWith('"') ? v.replace(/^"|"$/g, "") : v;
        assert.ok(got.includes(want.replace(/^"|"$/g, "")), `line ${j + 1}: expected ${exp}, printed ${got}`);
      }
    });
  });
});

test("Vite 7 builds a page importing the package, and it runs in Chromium (README browser snippet)", async () => {
  const browserSnippet = snippets.find((s) => s.startsWith("// browser"));
  assert.ok(browserSnippet, "README has a browser snippet");
  const app = join(work, "app");
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "index.html"), `<!doctype html><html><body><p id="status"></p><script type="module" src="./main.js"></script></body></html>`);
  writeFileSync(join(app, "main.js"), browserSnippet + `\ndocument.body.dataset.done = "yes";\n`);
  writeFileSync(join(work, "vite.config.mjs"), `export default { root: "app", logLevel: "error", build: { outDir: "../out", emptyOutDir: true, target: "es2022" } };`);
  execFileSync(bin("vite"), ["build", "--config", join(work, "vite.config.mjs")], { cwd: work, stdio: "pipe" });
  const built = readdirSync(join(work, "out/assets"));
  assert.ok(built.some((f) => f.endsWith(".wasm")), `no wasm among ${built}`);

  const { startServer } = await import(join(root, "scripts/serve.mjs"));
  const server = await startServer({ dir: join(work, "out"), port: 0 });
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector("body[data-done=yes]", { timeout: 15000 });
    const text = await page.textContent("#status");
    assert.ok(text && text.length > 10, `status: ${text}`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
