// The print is the counsellor memo (issue 13): the person's answers (as the check-your-answers
// step lists them), the statuses, every finding with its numbered citations, the full list of
// sources, the date of the assessment and "knowledge as of …", and the staleness warning; no
// form, no buttons, no tools; no finding split across two pages; in the memo's language when it
// differs from the form's (filled in Russian, printed in German). Read from the PDF Chromium
// prints (pdftotext, poppler-utils), page by page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AS_OF, RESULTS, assertAccessible, assertQuietConsole, fillCase, gotoTool, nodeEngine, openPage, setup, uiTexts,
} from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const CASES = {
  "abroad after an ignored summons": {
    birthDate: "2001-04-12", residence: "abroad", abroad: { since: "2024-03-01" }, studies: { current: "none" }, health: { fitness: "b" },
    summonses: [{ date: "2023-11-02", delivery: "in-person", signed: true, appeared: false, validReason: false, campaign: "2023-autumn" }],
  },
  "a conscript from occupied Donetsk with a forged contract": {
    birthYear: 2003, residence: "occupied-ukraine", region: "donetsk",
    service: { status: "conscript", region: "kursk", contract: { stage: "signed", voluntary: false, forged: true } },
    summonses: [{ date: "2024-04-15", appeared: true }],
  },
};
const LOCALE = { en: "en-GB", fr: "fr", de: "de", ru: "ru" };

/**
 * The PDF's text, one string a page, without white space and hyphens (lines wrap anywhere in a
 * word, and pdftotext joins a word hyphenated at the end of a line without its hyphen).
 */
function pdfPages(pdf, name) {
  const dir = mkdtempSync(join(tmpdir(), "cc-print-"));
  const file = join(dir, "memo.pdf");
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `print-${name}.txt`), text);
  return text.split("\f").filter((p) => p.trim()).map(squeeze);
}
const squeeze = (s) => String(s).replace(/[\s\u00ad\u00a0\u202f\-‐]+/g, "");
const fill = (s, params) => s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m)).replace(/(\d г)\.\./g, "$1.");

function allFindings(r) {
  return [r.warnings, r.age.findings, r.deferral.findings, r.restrictions.findings, r.returnRisk.findings,
    r.deployment.findings, r.payment.findings, ...r.penalties.map((x) => x.findings)].flat();
}

/** What the memo must say, checked in the PDF's text (form in formLang, memo in memoLang). */
async function assertMemo(page, { input, memoLang, name }) {
  const e = await nodeEngine();
  const r = e.assess(input, { asOf: AS_OF, lang: memoLang });
  const k = e.knowledge({ lang: memoLang });
  const ui = uiTexts(memoLang);
  const date = (iso) => new Intl.DateTimeFormat(LOCALE[memoLang], { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  const pages = pdfPages(await page.pdf({ format: "A4", printBackground: true }), name);
  const all = pages.join("");
  const has = (s, what) => assert.ok(all.includes(squeeze(s)), `${name}: the memo has ${what}: “${s}”`);
  // The head: the day assessed and "knowledge as of …", the staleness warning (AS_OF is more
  // than a year after the report).
  has(fill(ui["memo.dates"], { date: date(r.asOf), currentTo: date(r.knowledge.currentTo) }), "the dates");
  has(fill(ui["knowledge-old"], { currentTo: date(r.knowledge.currentTo) }), "the staleness warning");
  const dates = squeeze(fill(ui["memo.dates"], { date: date(r.asOf), currentTo: date(r.knowledge.currentTo) }));
  assert.ok(pages[0].includes(dates), "the dates on the first page");
  // Every page's header (an @page margin box the page sets) carries them too.
  assert.ok(pages.length > 1, `${name}: a memo of more than one page (${pages.length})`);
  pages.forEach((p, i) => assert.ok(p.includes(dates), `${name}: the dates in the header of page ${i + 1} of ${pages.length}`));
  // The answers.
  has(ui["memo.answers"], "the answers' heading");
  has(ui["answer.unknown"], "what was left as I don't know");
  has(ui[`o.residence.${input.residence}`], "the residence given");
  // The statuses.
  for (const s of ["deferral", "restrictions", "returnRisk", "deployment", "payment"]) {
    has(fill(ui.chip, { label: ui[`chip.${s === "returnRisk" ? "return-risk" : s}`], status: ui[`st.${s === "returnRisk" ? "return-risk" : s}.${r[s].status}`] }), `the status of ${s}`);
  }
  // Every finding, each on one page (its first and last characters on the same page).
  const findings = allFindings(r);
  assert.ok(findings.length > 10);
  for (const f of findings) {
    const t = squeeze(f.text);
    has(f.text, `the finding ${f.id}`);
    const head = t.slice(0, 25);
    const tail = t.slice(-25);
    const onOne = pages.some((p) => p.includes(t));
    const split = !onOne && pages.some((p, i) => p.includes(head) && pages[i + 1]?.includes(tail));
    assert.ok(onOne && !split, `${name}: the finding ${f.id} is whole on one page`);
  }
  // Every source cited, with its title; the citations numbered (the last number is printed).
  const cited = new Set([...findings.flatMap((f) => f.sources.map((s) => s.id)), ...r.sources.map((s) => s.id)]);
  for (const id of cited) {
    const src = r.sources.find((s) => s.id === id) || k.sources.find((s) => s.id === id);
    if (src) has(src.title, `the source ${id}`);
  }
  has(ui["results.sources"], "the list of sources");
  // Not the form, not the buttons, not the glance.
  assert.ok(!all.includes(squeeze(ui["actions.copy"])), "no buttons");
  assert.ok(!all.includes(squeeze(ui["glance.title"])), "no at-a-glance block");
  return { pages, r, ui };
}

for (const [name, input] of Object.entries(CASES)) {
  test(`memo of ${name}: answers, statuses, every finding with its sources, dates, staleness; no finding split`, async () => {
    const { page, log, context } = await openPage(env.browser);
    try {
      await gotoTool(page, `${env.origin}/`);
      await fillCase(page, input);
      await assertMemo(page, { input, memoLang: "en", name: `en-${name.split(" ")[0]}` });
      await page.emulateMedia({ media: "print" });
      const shown = async (sel) => page.locator(sel).first().isVisible();
      assert.equal(await shown(".cc-form-col"), false, "no form");
      assert.equal(await shown(".cc-actions"), false, "no buttons");
      assert.equal(await shown(".cc-converter"), false, "no converter");
      assert.equal(await shown("[data-cc=memo-head]"), true, "the memo's head");
      assert.equal(await shown("[data-cc=memo-answers]"), true, "the answers");
      assert.equal(await shown("[data-cc=findings] .cc-finding"), true, "the findings, unfolded");
      await assertAccessible(page, { label: "print media" });
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
}

test("filled in Russian on a phone (the guided path), printed in German", async () => {
  const { page, log, context } = await openPage(env.browser, { locale: "ru", viewport: { width: 390, height: 844 } });
  try {
    const input = CASES["abroad after an ignored summons"];
    await gotoTool(page, `${env.origin}/`);
    await fillCase(page, input);
    await page.locator('[data-cc="memo-lang"]').selectOption("de");
    await page.locator('.cc-memo-print[lang="de"] [data-cc=memo-answers]').waitFor({ state: "attached" });
    const { pages } = await assertMemo(page, { input, memoLang: "de", name: "ru-de" });
    const ru = uiTexts("ru");
    assert.ok(!pages.join("").includes(squeeze(ru["memo.answers"])), "nothing of the Russian result");
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("[data-cc=step-edit]").isVisible(), false, "no step buttons");
    assert.equal(await page.locator(".cc-memo-print [data-cc=memo-answers]").isVisible(), true, "the answers, in German");
    await assertAccessible(page, { label: "print media, memo in German" });
    assertQuietConsole(log);
  } finally {
    await context.close();
  }
});

// The memo in the two other languages, filled in the same language on a laptop screen (the
// three tests above print in English and German).
for (const lang of ["fr", "ru"]) {
  test(`filled in ${lang} at 1366×768, the memo printed in ${lang}`, async () => {
    const { page, log, context } = await openPage(env.browser, { locale: lang, viewport: { width: 1366, height: 768 } });
    try {
      const input = CASES["a conscript from occupied Donetsk with a forged contract"];
      await gotoTool(page, `${env.origin}/`);
      await page.locator(`.cc[lang="${lang}"]`).waitFor();
      await fillCase(page, input);
      await assertMemo(page, { input, memoLang: lang, name: `${lang}-${lang}` });
      await page.emulateMedia({ media: "print" });
      await assertAccessible(page, { label: `print media, ${lang}` });
      assertQuietConsole(log);
    } finally {
      await context.close();
    }
  });
}
