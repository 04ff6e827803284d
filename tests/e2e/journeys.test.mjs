// Six journeys through the form, each with the statuses API.md's meaning of the statuses gives,
// cross-checked against the engine in Node (every status and every finding). Also: the form
// asks only what matters (questions appear with the answers that make them relevant, and the
// ones in missingFacts are marked), "I don't know" leaves a fact out, and screenshots.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  AS_OF, assertAgreesWithEngine, assertLocalOnly, assertQuietConsole, choose, fillCase, gotoTool,
  openPage, screenshot, setup, shownStatuses,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const year = (age) => Number(AS_OF.slice(0, 4)) - age - 1; // born in that year: age or age+1 on AS_OF

/** Runs one journey: fills the form, checks the expected statuses and the engine's agreement. */
async function journey(t, { input, expect, findings = [], why = [] }) {
  const { page, log, context } = await openPage(env.browser);
  try {
    await gotoTool(page, `${env.origin}/`);
    await fillCase(page, input);
    const shown = await shownStatuses(page);
    for (const [key, status] of Object.entries(expect)) {
      assert.equal(shown[key]?.status, status, `${key} should be "${status}"`);
      // The status is said in words, not by colour alone.
      assert.match(shown[key].text, /\S: \S/u, `${key} is labelled as text`);
    }
    await assertAgreesWithEngine(page, input);
    for (const id of findings) assert.equal(await page.locator(`.cc [data-finding="${id}"]`).count() > 0, true, `finding ${id} is shown`);
    for (const [id, text] of why) {
      // Background findings are folded away under "Background information": unfold first
      // (the list holding the copy with a "why": a finding can also be shown, without one,
      // as the other side of a disagreement elsewhere).
      // Each section's findings are folded under its answer (issue 13): open that first.
      const fold = page.locator(`.cc-fold:has([data-finding="${id}"] .cc-why)`).first();
      if ((await fold.count()) && !(await fold.evaluate((d) => d.open))) await fold.locator("summary").first().click();
      const more = page.locator(`.cc-more:has([data-finding="${id}"] .cc-why)`).first();
      if ((await more.count()) && !(await more.evaluate((d) => d.open))) await more.locator("summary").first().click();
      const details = page.locator(`.cc [data-finding="${id}"] .cc-why`).first();
      await details.locator("summary").click();
      assert.match(await details.textContent(), text, `the "why" of ${id} names the answer`);
    }
    assertLocalOnly(log);
    assertQuietConsole(log);
    return page;
  } finally {
    await context.close();
  }
}

describe("journeys", () => {
  test("a full-time university student in Moscow: deferral likely", (t) => journey(t, {
    input: {
      birthYear: year(20), residence: "russia", region: "moscow",
      studies: { current: "university", fullTime: true, afterTechnicalCollege: false, changedSubject: false },
    },
    expect: { deferral: "likely", age: "within", payment: "illegal" },
    findings: ["study.deferral-automatic"],
    why: [["study.deferral-automatic", /Current studies: University/]],
  }));

  test("the same student after changing his subject, fit for service: deferral unlikely", (t) => journey(t, {
    input: {
      birthYear: year(20), residence: "russia", region: "moscow", health: { fitness: "a" },
      studies: { current: "university", fullTime: true, afterTechnicalCollege: false, changedSubject: true },
    },
    expect: { deferral: "unlikely" },
    findings: ["study.changed-subject-lost"],
    why: [["study.changed-subject-lost", /Changed field of study after the deferral was granted\?: Yes/]],
  }));

  test("abroad after ignoring summonses in two campaigns: criminal liability possible, return risk high", (t) => journey(t, {
    input: {
      birthDate: "2001-04-12", residence: "abroad", abroad: { since: "2024-06-01" },
      summonses: [
        { date: "2023-11-02", delivery: "in-person", signed: true, appeared: false, validReason: false, campaign: "2023-autumn" },
        { date: "2024-04-15", delivery: "in-person", signed: true, appeared: false, validReason: false, campaign: "2024-spring" },
      ],
    },
    expect: { "penalty-cc-328-1": "possible", "penalty-cao-21-5": "likely", returnRisk: "high", restrictions: "apply" },
    findings: ["cc328.two-campaigns"],
    why: [["cc328.two-campaigns", /Summons 1: Call-up campaign: Autumn 2023/]],
  }));

  test("a conscript serving in the Kursk region: deployment risk high, deferral not applicable", (t) => journey(t, {
    input: { birthYear: year(19), residence: "russia", region: "kursk", service: { status: "conscript", region: "kursk" } },
    expect: { deployment: "high", deferral: "not-applicable" },
  }));

  test("a man above the conscription ages, no summons, living abroad: everything low or not applicable", (t) => journey(t, {
    input: { birthDate: "1990-03-01", residence: "abroad", summonses: [] },
    expect: { age: "above", deferral: "not-applicable", deployment: "not-applicable", returnRisk: "low", restrictions: "not-applicable" },
  }));

  test("a young man in the occupied Donetsk region: deployment risk high", (t) => journey(t, {
    input: {
      birthYear: year(21), residence: "occupied-ukraine", region: "donetsk", health: { fitness: "a" },
      studies: { current: "none" }, summonses: [], service: { status: "none" },
    },
    expect: { deployment: "high", deferral: "unlikely", age: "within" },
    findings: ["occupied.call-up-applies"],
  }));

  test("a signed contract, not voluntary: deployment risk high", (t) => journey(t, {
    input: { birthYear: year(22), service: { status: "contract", region: "moscow", contract: { stage: "signed", voluntary: false } } },
    expect: { deployment: "high", deferral: "not-applicable" },
  }));
});

describe("the form asks what matters", () => {
  test("questions appear with the answers that make them relevant; missing facts are marked", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      const visible = (path) => page.locator(`[data-field="${path}"]`).first().isVisible();
      // Before any answer: the study details, the summons list and the service details stay hidden.
      assert.equal(await visible("studies.fullTime"), false);
      assert.equal(await visible("service.region"), false);
      assert.equal(await page.locator('[data-path^="summonses["]').count(), 0);
      // The facts the result misses are marked in the form and listed in the result.
      const missing = await page.locator(".cc-needed").evaluateAll((els) => els.map((e) => e.dataset.field));
      assert.ok(missing.includes("studies.current") && missing.includes("summonses"), `marked: ${missing}`);
      assert.ok(await page.locator("[data-cc=missing] button").count() >= 3);

      await choose(page, "studies.current", "university");
      assert.equal(await visible("studies.fullTime"), true);
      assert.equal(await visible("studies.afterTechnicalCollege"), true);
      await choose(page, "studies.current", "none");
      assert.equal(await visible("studies.afterTechnicalCollege"), false);

      await choose(page, "@summonses", "yes");
      assert.equal(await page.locator('[data-path="summonses[0].date"]').isVisible(), true);
      await page.locator('[data-cc="add-summons"]').click();
      assert.equal(await page.locator("fieldset.cc-summons").count(), 2);
      await page.locator('[data-cc="remove-summons"][data-index="0"]').click();
      assert.equal(await page.locator("fieldset.cc-summons").count(), 1);

      await choose(page, "service.status", "conscript");
      assert.equal(await visible("service.region"), true);
      assert.equal(await visible("service.contract.voluntary"), false);
      await choose(page, "service.contract.stage", "signed");
      assert.equal(await visible("service.contract.voluntary"), true);

      // "I don't know" leaves the fact out again: the status falls back to the engine's default.
      await choose(page, "residence", "abroad");
      assert.equal(await visible("abroad.since"), true);
      await choose(page, "residence", "");
      assert.equal(await visible("abroad.since"), false);

      // A button in the missing-facts list takes the keyboard focus to the question.
      await page.locator("[data-cc=missing] button").first().click();
      const focused = await page.evaluate(() => document.activeElement?.dataset.path || null);
      assert.ok(focused, "a question has the focus");
      assertLocalOnly(log);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });

  test("an impossible answer is named next to its question; the last result stays, marked", async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, { birthYear: year(20), studies: { current: "university", fullTime: true } });
      const before = (await shownStatuses(page)).deferral.status;
      await choose(page, "birthYear", 1850);
      await page.locator("[data-cc=issues]").waitFor();
      assert.match(await page.locator("[data-cc=issues]").textContent(), /Year of birth/);
      assert.equal(await page.locator('input[data-path="birthYear"]').getAttribute("aria-invalid"), "true");
      assert.equal((await shownStatuses(page)).deferral.status, before, "the last valid result stays");
      assert.equal(await page.locator(".cc-results-body.cc-outdated").count(), 1, "marked as not up to date");
      await choose(page, "birthYear", year(20));
      assert.equal(await page.locator("[data-cc=issues]").count(), 0);
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
});

describe("screenshots (test-results/)", () => {
  for (const width of [360, 1280]) {
    test(`a filled result at ${width} px`, async () => {
      const { page, log, context } = await openPage(env.browser, { viewport: { width, height: 900 } });
      try {
        await gotoTool(page, `${env.origin}/`);
        await screenshot(page, `page-empty-${width}`);
        await fillCase(page, {
          birthDate: "2001-04-12", residence: "abroad", abroad: { since: "2024-06-01" }, studies: { current: "none" },
          summonses: [{ date: "2023-11-02", delivery: "in-person", signed: true, appeared: false, validReason: false }],
        });
        // Nothing sticks out sideways at this width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
        await screenshot(page, `page-result-${width}`);
        assertQuietConsole(log);
      } finally {
        await context.close();
      }
    });
  }
});
