// The embeddable element <conscription-check> in a host page with hostile styles (the demo, which
// opens the shadow root and shares the statuses): it renders the whole tool in its shadow root, the host's styles don't reach in (only its
// --cc-* theme does) and the tool's don't leak out, it follows its lang attribute, fires
// cc-ready / cc-assessed / cc-lang-change / cc-quick-exit with no answers in them, shows hostile
// attribute values as text, and axe-core finds no violation.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  AS_OF, assertAccessible, assertAgreesWithEngine, assertLocalOnly, assertQuietConsole, fillCase, gotoTool,
  openPage, screenshot, setup, shownStatuses, uiTexts,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const HOSTILE = `<img src=x onerror=alert(1)>`;
const LISTEN = () => {
  window.__events = [];
  for (const name of ["cc-ready", "cc-assessed", "cc-lang-change", "cc-quick-exit"]) {
    document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail, composed: e.composed }));
  }
};
const events = (page, name) => page.evaluate((n) => window.__events.filter((e) => e.name === n), name);
const student = {
  birthYear: Number(AS_OF.slice(0, 4)) - 21, residence: "russia", region: "moscow",
  studies: { current: "university", fullTime: true, afterTechnicalCollege: false, changedSubject: false },
};

describe("the element in the demo host page", () => {
  test("renders in an open shadow root, in its lang, themed but untouched by hostile host styles", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await context.addInitScript(LISTEN);
      await gotoTool(page, `${env.origin}/embed-demo.html`);
      const de = uiTexts("de");
      const info = await page.evaluate(() => {
        const el = document.querySelector("conscription-check");
        const root = el.shadowRoot;
        const cc = root.querySelector(".cc");
        const button = root.querySelector("[data-cc=copy]");
        const list = root.querySelector(".cc-overview");
        const s = (e) => getComputedStyle(e);
        return {
          open: !!root,
          lang: cc.getAttribute("lang"),
          title: root.querySelector(".cc-title").textContent,
          titleTag: root.querySelector(".cc-title").tagName,
          font: s(cc).fontFamily,
          transform: s(cc).textTransform,
          spacing: s(cc).letterSpacing,
          lineHeight: s(cc).lineHeight,
          color: s(cc).color,
          buttonBg: s(button).backgroundColor,
          listDisplay: s(list).display,
          hostLang: document.documentElement.lang,
          hostButtonBg: s(document.querySelector(".host-controls button")).backgroundColor,
          documentSheets: [...document.styleSheets].map((x) => x.href && new URL(x.href).pathname),
          inDocument: document.querySelectorAll(".cc").length,
        };
      });
      assert.equal(info.open, true);
      assert.equal(info.lang, "de");
      assert.equal(info.title, de.title);
      assert.equal(info.titleTag, "H2", "the host keeps its own h1");
      assert.doesNotMatch(info.font, /comic/i);
      assert.equal(info.transform, "none");
      assert.equal(info.spacing, "normal");
      assert.equal(info.lineHeight, "24px");
      assert.equal(info.color, "rgb(27, 31, 36)");
      assert.equal(info.buttonBg, "rgb(90, 42, 130)", "the host's --cc-accent themes the buttons");
      assert.equal(info.listDisplay, "flex", "the host's 'ul { display: none }' doesn't reach in");
      assert.equal(info.hostLang, "en", "the element leaves the host's <html lang> alone");
      assert.equal(info.hostButtonBg, "rgb(255, 255, 0)", "the tool's styles don't leak out");
      assert.deepEqual(info.documentSheets, ["/embed-demo.css"]);
      assert.equal(info.inDocument, 0, "nothing rendered outside the shadow root");

      const ready = await events(page, "cc-ready");
      assert.equal(ready.length, 1);
      assert.deepEqual(Object.keys(ready[0].detail).sort(), ["knowledgeVersion", "lang", "reportDate"]);
      assert.equal(ready[0].composed, true);

      await fillCase(page, student);
      assert.equal((await shownStatuses(page)).deferral.status, "likely");
      await assertAgreesWithEngine(page, student, "de");
      const assessed = await events(page, "cc-assessed");
      const last = assessed.at(-1).detail;
      assert.equal(last.deferral, "likely");
      assert.deepEqual(Object.keys(last).sort(), ["asOf", "deferral", "deployment", "lang", "missingFacts", "payment", "penalties", "restrictions", "returnRisk"]);
      const all = JSON.stringify(assessed);
      assert.ok(!all.includes(String(student.birthYear)) && !all.includes("moscow") && !all.includes("university"), "no answer in the events");

      await page.evaluate(() => document.querySelectorAll("conscription-check").forEach((el) => el.shadowRoot.querySelectorAll("details").forEach((d) => { d.open = true; })));
      await assertAccessible(page, { label: "(demo page with the element, filled)" });
      await screenshot(page, "element-demo-1280");
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("follows its lang attribute, and reflects the language menu on it", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await context.addInitScript(LISTEN);
      await gotoTool(page, `${env.origin}/embed-demo.html`);
      await fillCase(page, student);
      await page.locator('button[data-lang="fr"]').click();
      // The tool follows once the French interface texts are loaded (ui.fr.json).
      await page.locator('conscription-check .cc[lang="fr"]').waitFor();
      const fr = uiTexts("fr");
      assert.equal(await page.locator("conscription-check .cc-title").textContent(), fr.title);
      assert.equal(await page.locator("conscription-check .cc").getAttribute("lang"), "fr");
      assert.equal((await shownStatuses(page)).deferral.status, "likely", "the answers are kept");
      assert.deepEqual((await events(page, "cc-lang-change")).map((e) => e.detail.lang), ["fr"]);

      await page.locator("conscription-check .cc-lang-select").selectOption("ru");
      await page.locator('conscription-check .cc[lang="ru"]').waitFor();
      assert.equal(await page.locator("conscription-check").getAttribute("lang"), "ru");
      assert.equal(await page.locator("conscription-check .cc").getAttribute("lang"), "ru");
      await assertAccessible(page, { label: "(demo page, ru)" });

      // The quick exit asks the host first; a host may keep the page.
      await page.evaluate(() => document.addEventListener("cc-quick-exit", (e) => e.preventDefault(), { once: true }));
      await page.locator('conscription-check [data-cc="quick-exit"]').click();
      assert.equal((await events(page, "cc-quick-exit")).length, 1);
      assert.match(page.url(), /embed-demo\.html$/);
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("at 360 px", async () => {
    const { page, log, context } = await openPage(env.browser, { viewport: { width: 360, height: 800 } });
    try {
      await gotoTool(page, `${env.origin}/embed-demo.html`);
      await fillCase(page, student);
      const width = await page.locator("conscription-check").evaluate((el) => el.shadowRoot.querySelector(".cc").scrollWidth);
      assert.ok(width <= 360, `the tool is ${width}px wide`);
      await screenshot(page, "element-demo-360");
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});

describe("hostile attribute values and inputs", () => {
  test("a lang attribute holding markup is shown as text and never run", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      // A host page of our own, served from the same origin, with a hostile attribute.
      await page.route(`${env.origin}/hostile-host.html`, (route) => route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile host</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'">
<link rel="icon" href="data:,"><script type="module" src="element.js"></script></head>
<body><main><h1>Host</h1><conscription-check shadow="open" lang="${HOSTILE.replace(/"/g, "&quot;")}"></conscription-check></main></body></html>`,
      }));
      await page.goto(`${env.origin}/hostile-host.html`);
      const notice = page.locator("conscription-check .cc-notice");
      await notice.waitFor();
      assert.ok((await notice.textContent()).includes(HOSTILE), "the value is quoted as text");
      assert.equal(await page.locator("conscription-check .cc").getAttribute("lang"), "en", "falls back to the browser's language");

      await page.locator("conscription-check").evaluate((el) => el.setAttribute("lang", `"><script>alert(2)</script><img src=y onerror=alert(3)>`));
      assert.ok((await page.locator("conscription-check .cc-notice").textContent()).includes("<script>alert(2)</script>"));

      // Markup in a rate field of the element, too.
      await page.locator('conscription-check input[data-rate="EUR"]').fill(HOSTILE);
      await page.locator('conscription-check [data-cc="rates-apply"]').click();
      assert.ok((await page.locator("conscription-check .cc-rate-msg").textContent()).includes(HOSTILE));

      const imgs = await page.evaluate(() => document.querySelectorAll("img").length + document.querySelector("conscription-check").shadowRoot.querySelectorAll("img, script").length);
      assert.equal(imgs, 0, "no <img> or <script> was created");
      assert.deepEqual(log.dialogs, [], "no dialog fired");
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});

// A host page of our own on the same origin, with the element made by a script after load.
const hostPage = (csp, script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="data:,"><script type="module" src="element.js"></script><script type="module" src="host-script.js"></script></head>
<body><main id="host"><h1>Host</h1></main></body></html>`;
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

async function serveHost(page, csp, script) {
  await page.route(`${env.origin}/host.html`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: hostPage(csp) }));
  await page.route(`${env.origin}/host-script.js`, (route) => route.fulfill({ contentType: "text/javascript", body: script }));
}

describe("attributes at any moment, and a security policy that blocks the engine", () => {
  test("lang, as-of and heading-level set while the engine loads are honoured, and followed afterwards", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await context.addInitScript(LISTEN);
      // The engine arrives late, so that the attributes change while it loads.
      await page.route(`${env.origin}/conscription_check_bg.wasm`, async (route) => {
        await new Promise((r) => setTimeout(r, 800));
        await route.continue();
      });
      await serveHost(page, STRICT, `const el = document.createElement("conscription-check");
el.setAttribute("shadow", "open");
el.setAttribute("share-statuses", "");
el.setAttribute("lang", "fr");
el.setAttribute("heading-level", "2");
document.getElementById("host").append(el);
setTimeout(() => {
  el.setAttribute("lang", "de");
  el.setAttribute("as-of", "2025-11-01");
  el.setAttribute("heading-level", "3");
  window.__changedWhileLoading = el.language === null;
}, 50);
`);
      await page.goto(`${env.origin}/host.html`);
      await page.locator("conscription-check .cc-title").waitFor();
      assert.equal(await page.evaluate(() => window.__changedWhileLoading), true, "the attributes changed before the tool was ready");
      assert.equal(await page.locator("conscription-check .cc").getAttribute("lang"), "de");
      assert.equal(await page.locator("conscription-check").evaluate((el) => el.language), "de");
      assert.equal(await page.locator("conscription-check .cc-title").evaluate((e) => e.tagName), "H3");
      const ready = await events(page, "cc-ready");
      assert.equal(ready.length, 1);
      assert.equal(ready[0].detail.lang, "de");
      let assessed = await events(page, "cc-assessed");
      assert.equal(assessed.at(-1).detail.asOf, "2025-11-01");

      // Afterwards, each attribute still counts.
      await page.locator("conscription-check").evaluate((el) => el.setAttribute("heading-level", "4"));
      assert.equal(await page.locator("conscription-check .cc-title").evaluate((e) => e.tagName), "H4");
      await page.locator("conscription-check").evaluate((el) => el.setAttribute("as-of", "2024-06-01"));
      assessed = await events(page, "cc-assessed");
      assert.equal(assessed.at(-1).detail.asOf, "2024-06-01");
      assert.equal(await page.locator('conscription-check input[data-path="@asOf"]').inputValue(), "2024-06-01");
      await page.locator("conscription-check").evaluate((el) => el.setAttribute("lang", "ru"));
      await page.locator('conscription-check .cc[lang="ru"]').waitFor();
      assert.equal(await page.locator("conscription-check .cc").getAttribute("lang"), "ru");
      // One language change (to ru): heading-level and as-of re-render without one.
      assert.deepEqual((await events(page, "cc-lang-change")).map((e) => e.detail.lang), ["ru"]);
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  for (const [csp, directive] of [
    [STRICT.replace(" 'wasm-unsafe-eval'", ""), "script-src"],
    [STRICT.replace("connect-src 'self'", "connect-src 'none'"), "connect-src"],
  ]) {
    test(`a policy whose ${directive} blocks the engine: the message names the policy and the directive`, async () => {
      const { page, context } = await openPage(env.browser);
      try {
        await serveHost(page, csp, `const el = document.createElement("conscription-check");
el.setAttribute("shadow", "open");
el.setAttribute("lang", "de");
document.getElementById("host").append(el);
`);
        await page.goto(`${env.origin}/host.html`);
        const msg = page.locator('conscription-check [data-cc="load-blocked"]');
        await msg.waitFor({ timeout: 15000 });
        const text = await msg.textContent();
        assert.match(text, /Sicherheitsrichtlinie dieser Website \(Content-Security-Policy, /);
        assert.ok(text.includes(directive), text);
        assert.doesNotMatch(text, /aktuellen Browser/);
        assert.equal(await msg.getAttribute("lang"), "de");
      } finally {
        await context.close();
      }
    });
  }
});

describe("privacy by default (no attributes)", () => {
  const host = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'">
<link rel="icon" href="data:,"><script type="module" src="element.js"></script></head><body><main><h1>Host</h1>${body}</main></body></html>`;

  test("a closed shadow root, statuses only on opt-in, and wording that speaks only for the tool", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await context.addInitScript(LISTEN);
      await page.route(`${env.origin}/plain-host.html`, (route) => route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: host(`<conscription-check id="plain" lang="en"></conscription-check><conscription-check id="open" lang="en" shadow="open"></conscription-check>`),
      }));
      await page.goto(`${env.origin}/plain-host.html`);
      await page.waitForFunction(() => window.__events.filter((e) => e.name === "cc-ready").length === 2);
      const info = await page.evaluate(() => ({
        plainRoot: document.getElementById("plain").shadowRoot,
        plainLang: document.getElementById("plain").language,
        plainHeight: document.getElementById("plain").getBoundingClientRect().height,
        openPromise: document.getElementById("open").shadowRoot.querySelector(".cc-promise").textContent,
      }));
      assert.equal(info.plainRoot, null, "closed by default: the host's scripts can't read the answers");
      assert.equal(info.plainLang, "en");
      assert.ok(info.plainHeight > 500, "the closed element rendered the tool");
      const ui = uiTexts("en");
      assert.equal(info.openPromise, ui["promise.embedded"], "embedded, the tool says what it does itself");
      assert.notEqual(ui["promise.embedded"], ui.promise);
      assert.match(ui["promise.embedded"], /sends nothing anywhere/);

      // Only the open element's questions are reachable from here (the closed one is sealed).
      await fillCase(page, student);
      const assessed = (await events(page, "cc-assessed")).filter((e) => e.detail);
      assert.ok(assessed.length > 0);
      for (const e of assessed) assert.deepEqual(Object.keys(e.detail), ["lang"], "no statuses without share-statuses");

      // Opting in: the same element with share-statuses reports the statuses.
      await page.evaluate(() => document.getElementById("open").setAttribute("share-statuses", ""));
      await page.locator('#open [data-path="studies.changedSubject"][value="yes"]').check();
      const last = (await events(page, "cc-assessed")).at(-1).detail;
      assert.ok(last.deferral && last.penalties, "statuses once the host opts in");
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("quick exit in the element: there while the engine loads, Esc twice, first tab stop", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await context.addInitScript(LISTEN);
      let release;
      const held = new Promise((ok) => { release = ok; });
      await page.route(`${env.origin}/conscription_check_bg.wasm`, async (route) => { await held; await route.continue(); });
      await page.route(`${env.origin}/slow-host.html`, (route) => route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: host(`<conscription-check lang="fr" shadow="open"></conscription-check>`),
      }));
      await page.goto(`${env.origin}/slow-host.html`);
      const loadingExit = page.locator('conscription-check [data-cc-loading] [data-cc="quick-exit"]');
      await loadingExit.waitFor();
      const fr = uiTexts("fr");
      assert.equal(await loadingExit.textContent(), fr["quick-exit"], "labelled before the engine (and its texts) arrive");
      release();
      await page.locator("conscription-check [data-cc=overview]").waitFor();
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.querySelector("conscription-check").shadowRoot.activeElement?.dataset.cc), "quick-exit", "the first tab stop");
      assert.equal(await page.locator("conscription-check .cc-exit-bar").evaluate((e) => getComputedStyle(e).position), "sticky");
      await page.evaluate(() => document.addEventListener("cc-quick-exit", (e) => e.preventDefault(), { once: true }));
      await page.locator('conscription-check [data-path="residence"]').selectOption("abroad");
      await page.locator('conscription-check [data-path="residence"]').focus();
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      assert.equal((await events(page, "cc-quick-exit")).length, 1, "Esc twice is the quick exit");
      assert.equal(await page.locator("conscription-check [data-path]").count(), 0, "the form is gone");
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});
