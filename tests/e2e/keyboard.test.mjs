// One journey with the keyboard alone (Tab, Shift+Tab, arrow keys, Space, Enter; no clicks and
// no programmatic filling): a full-time university student gets "Deferral: likely". Along the
// way: the focus is always visible, and it never gets lost when the result is redrawn.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { assertLocalOnly, assertQuietConsole, openPage, setup, shownStatuses } from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** What has the focus: its data-path (and value for radios), or another short description. */
async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { what: "body" };
    const style = getComputedStyle(el);
    return {
      what: el.dataset.path ? `${el.dataset.path}${el.type === "radio" ? `=${el.value}` : ""}` : el.dataset.cc || el.id || el.tagName,
      tag: el.tagName,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Presses key until the focus is on `what` (at most `max` times). */
async function pressUntil(page, key, what, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f.what === what || (what instanceof RegExp && what.test(f.what))) return f;
  }
  throw new Error(`${key} never reached ${what}; the focus is on ${(await focused(page)).what}`);
}

test("a student's journey with the keyboard alone", async () => {
  const { page, log, context } = await openPage(env.browser);
  try {
    await page.goto(`${env.origin}/`);
    await page.locator(".cc [data-cc=overview]").waitFor();

    // The quick exit comes first, then the language menu.
    await page.keyboard.press("Tab");
    const exit = await focused(page);
    assert.equal(exit.what, "quick-exit");
    assert.match(exit.outline, /solid 3px/, "the focus is visible");
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).what, "lang");

    // Date of birth: "Only the year", chosen with an arrow key in the radio group.
    await pressUntil(page, "Tab", "@birthMode=unknown");
    await page.keyboard.press("ArrowUp");
    assert.equal((await focused(page)).what, "@birthMode=year");
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).what, "birthYear");
    await page.keyboard.type(String(new Date().getFullYear() - 21));

    // Residence: in Russia (arrow keys change a closed select); the region question appears.
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).what, "residence");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).what, "region");
    await page.keyboard.press("ArrowDown"); // Moscow, the first region
    // Where he comes from: asked whatever he lives now; left unanswered (no passport question
    // follows, Moscow is not an occupied region).
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).what, "origin.region");

    // Studies: university, then "full-time: yes" with arrows, "after a technical college: no"
    // with an arrow and Space, "changed subject: no".
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).what, "studies.current");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown"); // not studying, school, technical college, university
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).what, "studies.fullTime=");
    await page.keyboard.press("ArrowLeft"); // "No"
    await page.keyboard.press("ArrowLeft"); // "Yes"
    assert.equal((await focused(page)).what, "studies.fullTime=yes");
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).what, "studies.afterTechnicalCollege=");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Space");
    assert.equal((await focused(page)).what, "studies.afterTechnicalCollege=no");
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).what, "studies.changedSubject=");
    await page.keyboard.press("ArrowLeft");
    assert.equal((await focused(page)).what, "studies.changedSubject=no", "the focus survives the redrawn result");

    const shown = await shownStatuses(page);
    assert.equal(shown.deferral.status, "likely");
    assert.equal(shown.deferral.text, "✓Deferral: likely");

    // Back up with Shift+Tab to "Go to the result" (the only link before the form); Enter moves
    // the focus to the result.
    await pressUntil(page, "Shift+Tab", "A");
    assert.equal(await page.evaluate(() => document.activeElement.closest(".cc-skip") !== null), true);
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("cc-results")), true,
      "Enter on the skip link moves the focus to the result");

    // From there, Tab reaches the result's actions, then a folded "Background information",
    // which Enter opens.
    assert.equal((await pressUntil(page, "Tab", "copy", 3)).what, "copy");
    await pressUntil(page, "Tab", "SUMMARY", 80);
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), true);

    assertLocalOnly(log);
    assertQuietConsole(log);
  } finally {
    await context.close();
  }
});
