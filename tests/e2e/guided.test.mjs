// The guided path on narrow screens (issue 13): one group of questions per step with its
// progress (a text of data/texts/ui.toml), Back and Next, a check-your-answers step that lists
// what was given and what was left as "I don't know" (each group with a way back to its step),
// then the result, announced once. Keyboard alone, axe on every step, and the at-a-glance block
// in view after the last step, in every language on 390×844; wide screens keep the form beside
// the result.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  AS_OF, LANGS, RESULTS, assertAccessible, assertQuietConsole, choose, currentStep, openPage, setAsOf, setup, uiTexts,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

async function failShot(page, name) {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true }).catch(() => {});
}

const fill = (s, params) => s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
const step = (page) => currentStep(page);
const focused = (page) => page.evaluate(() => ({ cc: document.activeElement?.dataset?.cc || null, id: document.activeElement?.id || "", text: document.activeElement?.textContent || "" }));

for (const lang of LANGS) {
  test(`${lang} at 390×844: a step at a time, by keyboard, checked, then the result in view and announced once`, async () => {
    const { page, log, context } = await openPage(env.browser, { locale: lang, viewport: PHONE });
    const ui = uiTexts(lang);
    const nf = new Intl.NumberFormat(lang === "en" ? "en-GB" : lang);
    try {
      await page.goto(`${env.origin}/`);
      await page.locator(".cc[data-step]").waitFor({ state: "attached" });
      // The live region: every text it is given is recorded.
      await page.evaluate(() => {
        window.ccAnnounced = [];
        const live = document.querySelector('.cc [role="status"][aria-live="polite"]');
        new MutationObserver(() => { if (live.textContent) window.ccAnnounced.push(live.textContent); })
          .observe(live, { childList: true, characterData: true, subtree: true });
      });
      assert.equal(await step(page), "person");
      assert.equal(await page.locator(".cc-results").isVisible(), false, "the result waits for the last step");
      assert.equal(await page.locator('[data-section="studies"]').isVisible(), false, "one group of questions at a time");
      // Answers by keyboard: the first step's birth year, then Next and Next …
      await page.locator('[data-path="@birthMode"][value="year"]').focus();
      await page.keyboard.press("Space");
      await page.locator('[data-path="birthYear"]').focus();
      await page.keyboard.type("2004");
      await choose(page, "residence", "russia");
      await choose(page, "region", "moscow");
      const steps = [];
      for (let i = 0; i < 20 && (await step(page)) !== "check"; i++) {
        const s = await step(page);
        const progress = await page.locator("[data-cc=step-progress]").textContent();
        steps.push({ s, progress, heading: await page.locator("[data-cc=step-heading]").textContent() });
        await assertAccessible(page, { label: `${lang} step ${s}` });
        await page.locator("[data-cc=step-next]").focus();
        await page.keyboard.press("Enter");
        // Focus moves to the new step's heading.
        const f = await focused(page);
        assert.equal(f.cc, "step-heading", `${lang}: focus on the heading after ${s}`);
        if ((await step(page)) === "studies") {
          await choose(page, "studies.current", "technical-college");
        }
      }
      const total = steps.length + 1;
      steps.forEach((x, i) => {
        assert.equal(x.progress, fill(ui["guided.progress"], { n: nf.format(i + 1), total: nf.format(total) }), `${lang}: progress of ${x.s}`);
        assert.equal(x.heading, ui[`sec.${x.s}`]);
      });
      assert.deepEqual(steps.map((x) => x.s), ["person", "studies", "health", "summonses", "registration", "work", "service"]);
      // Check your answers: what was given, what was left as "I don't know".
      assert.equal(await page.locator("[data-cc=step-heading]").textContent(), ui["guided.check"]);
      assert.equal(await page.locator("[data-cc=step-progress]").textContent(), fill(ui["guided.progress"], { n: nf.format(total), total: nf.format(total) }));
      const check = page.locator("[data-cc=check]");
      const given = await check.locator("dd:not([data-unknown])").allTextContents();
      assert.ok(given.includes("2004"), `${lang}: the birth year is listed: ${given}`);
      assert.ok(given.includes(ui["o.region.moscow"]) && given.includes(ui["o.studies.current.technical-college"]), `${lang}: ${given}`);
      const unknown = await check.locator("dd[data-unknown]").count();
      assert.ok(unknown > 3, "what was left as I don't know is listed");
      assert.equal(await check.locator("dd[data-unknown]").first().textContent(), ui["answer.unknown"]);
      assert.match(await check.locator(".cc-help").first().textContent(), new RegExp(nf.format(unknown)));
      await assertAccessible(page, { label: `${lang} check` });
      // A way back to each step: to the studies, change the answer, and forward again.
      await check.locator('[data-cc=step-goto][data-step="studies"]').focus();
      await page.keyboard.press("Enter");
      assert.equal(await step(page), "studies");
      assert.equal((await focused(page)).cc, "step-heading");
      await choose(page, "studies.fullTime", true);
      for (let i = 0; i < 10 && (await step(page)) !== "check"; i++) await page.locator("[data-cc=step-next]").click();
      assert.ok((await check.locator('[data-answers="studies"] dd:not([data-unknown])').allTextContents()).includes(ui["answer.yes"]));
      await setAsOf(page, AS_OF);
      assert.equal(await page.evaluate(() => window.ccAnnounced.length), 0, "nothing announced before the result");
      // The result: its heading focused, the glance in view without scrolling, announced once.
      await page.locator("[data-cc=step-next]").focus();
      await page.keyboard.press("Enter");
      assert.equal(await step(page), "result");
      assert.equal((await focused(page)).text, ui["results.title"]);
      const top = await page.locator("[data-cc=at-a-glance]").evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < PHONE.height - 200, `${lang}: the glance's top at ${Math.round(top)} of ${PHONE.height}`);
      assert.ok(await page.locator('[data-glance="deferral"]').isVisible());
      assert.equal(await page.locator("[data-cc=at-a-glance]").evaluate((el) => el.getBoundingClientRect().top - window.innerHeight < 0), true);
      await page.waitForTimeout(1800);
      const said = await page.evaluate(() => window.ccAnnounced);
      assert.equal(said.length, 1, `${lang}: one announcement: ${JSON.stringify(said)}`);
      assert.ok(said[0].startsWith(ui["live.updated"]));
      await assertAccessible(page, { label: `${lang} result` });
      // Changing the currency of the glance does not announce again.
      await page.locator('[data-cc="glance-currency"]').selectOption("EUR");
      await page.waitForTimeout(1500);
      assert.equal((await page.evaluate(() => window.ccAnnounced)).length, 1);
      // Back to the answers from the result.
      await page.locator("[data-cc=step-edit]").click();
      assert.equal(await step(page), "check");
      assert.equal((await focused(page)).cc, "step-heading");
      assertQuietConsole(log);
    } catch (err) {
      await failShot(page, `guided-${lang}-390`);
      throw err;
    } finally {
      await context.close();
    }
  });

  test(`${lang} at 1366×768: no steps, the form beside the result`, async () => {
    const { page, log, context } = await openPage(env.browser, { locale: lang, viewport: LAPTOP });
    try {
      await page.goto(`${env.origin}/`);
      await page.locator(".cc [data-cc=overview]").waitFor();
      assert.equal(await step(page), null);
      assert.equal(await page.locator("[data-cc=step-nav]").isVisible(), false);
      const form = await page.locator(".cc-form-col").boundingBox();
      const result = await page.locator(".cc-results").boundingBox();
      assert.ok(result.x > form.x + form.width - 1, "side by side");
      assert.ok(await page.locator('[data-section="service"]').isVisible(), "every group of questions at once");
      await assertAccessible(page, { label: `${lang} wide` });
      assertQuietConsole(log);
    } catch (err) {
      await failShot(page, `guided-${lang}-1366`);
      throw err;
    } finally {
      await context.close();
    }
  });
}

test("a window made narrow starts guiding, made wide again stops", async () => {
  const { page, log, context } = await openPage(env.browser, { viewport: LAPTOP });
  try {
    await page.goto(`${env.origin}/`);
    await page.locator(".cc [data-cc=overview]").waitFor();
    await page.setViewportSize(PHONE);
    await page.waitForFunction(() => document.querySelector(".cc").dataset.step === "person");
    assert.ok(await page.locator("[data-cc=step-nav]").isVisible());
    await page.setViewportSize(LAPTOP);
    await page.waitForFunction(() => !document.querySelector(".cc").dataset.step);
    assert.ok(await page.locator(".cc-results").isVisible());
    assertQuietConsole(log);
  } finally {
    await context.close();
  }
});
