// One journey in each language: the page starts in the browser's language, sets <html lang>,
// shows the interface strings of data/texts/ui.toml for that language, and axe-core finds no
// WCAG 2.1 A/AA violation on the empty form nor on a filled result. Switching the language
// keeps the answers.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  AS_OF, LANGS, assertAccessible, assertAgreesWithEngine, assertLocalOnly, assertQuietConsole, fillCase,
  gotoTool, openPage, setup, shownStatuses, uiTexts,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const LOCALE = { en: "en-US", fr: "fr-CH", de: "de-DE", ru: "ru-RU" };
const student = {
  birthYear: Number(AS_OF.slice(0, 4)) - 21, residence: "russia", region: "moscow",
  studies: { current: "university", fullTime: true, afterTechnicalCollege: false, changedSubject: false },
};

describe("in each language", () => {
  for (const lang of LANGS) {
    test(`${lang}: labels, <html lang>, a journey, no axe violations`, async () => {
      const ui = uiTexts(lang);
      const { page, log, context } = await openPage(env.browser, { locale: LOCALE[lang] });
      try {
        await gotoTool(page, `${env.origin}/`);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.equal(await page.title(), ui.title);
        assert.equal(await page.locator(".cc-lang-select").inputValue(), lang);
        assert.equal(await page.locator(".cc-promise").textContent(), ui.promise);
        assert.equal(await page.locator('[data-section="person"] > legend').textContent(), ui["sec.person"]);
        assert.equal(await page.locator('label[for$="f-residence-c"]').textContent(), ui["f.residence"]);
        assert.equal(await page.locator('[data-cc="quick-exit"]').textContent(), ui["quick-exit"]);
        assert.equal(await page.locator('[data-path="residence"] option[value=""]').textContent(), ui["answer.unknown-option"]);
        await assertAccessible(page, { label: `(${lang}, empty form)` });

        await fillCase(page, student);
        const shown = await shownStatuses(page);
        assert.equal(shown.deferral.status, "likely");
        assert.equal(shown.deferral.text, `✓${ui.chip.replace("{label}", ui["chip.deferral"]).replace("{status}", ui["st.deferral.likely"])}`);
        await assertAgreesWithEngine(page, student, lang);
        // Dates and numbers in the language's own format.
        const asOfLine = await page.locator(".cc-asof").textContent();
        const day = new Intl.DateTimeFormat({ en: "en-GB", fr: "fr", de: "de", ru: "ru" }[lang], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${AS_OF}T00:00:00Z`));
        assert.ok(asOfLine.includes(day), `"${asOfLine}" shows ${day}`);
        const rub = await page.locator('[data-penalty="cao-21-5"] [data-currency="RUB"]').textContent();
        assert.equal(rub, ui["money.range"].replace("{min}", (10000).toLocaleString(lang === "en" ? "en-GB" : lang)).replace("{max}", (30000).toLocaleString(lang === "en" ? "en-GB" : lang)));

        // Unfold everything, so axe sees every finding, "why" and disagreement too.
        await page.evaluate(() => document.querySelectorAll(".cc details").forEach((d) => { d.open = true; }));
        await assertAccessible(page, { label: `(${lang}, filled result)` });
        assertLocalOnly(log);
        assertQuietConsole(log);
      } finally {
        await context.close();
      }
    });
  }
});

test("switching the language keeps the answers and follows with <html lang>", async () => {
  const { page, log, context } = await openPage(env.browser, { locale: "en-GB" });
  try {
    await gotoTool(page, `${env.origin}/`);
    await fillCase(page, student);
    await page.locator(".cc-lang-select").selectOption("ru");
    // The tool follows once the Russian interface texts are loaded (ui.ru.json).
    await page.locator('.cc[lang="ru"]').waitFor();
    const ru = uiTexts("ru");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ru");
    assert.equal(await page.locator(".cc-title").textContent(), ru.title);
    assert.equal(await page.locator('input[data-path="birthYear"]').inputValue(), String(student.birthYear));
    assert.equal(await page.locator('[data-path="studies.current"]').inputValue(), "university");
    assert.equal((await shownStatuses(page)).deferral.text, `✓Отсрочка: вероятна`);
    // The focus stays on the language menu.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.cc), "lang");
    assertLocalOnly(log);
    assertQuietConsole(log);
  } finally {
    await context.close();
  }
});
