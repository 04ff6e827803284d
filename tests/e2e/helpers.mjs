// Shared by the end-to-end tests: serves dist/ on 127.0.0.1 (a free port), launches the
// system's Chromium through playwright-core, and records every request, console message,
// page error and dialog of each page. Also loads the built package in Node, so a test can
// cross-check what the page shows against what the engine says.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { startServer } from "../../scripts/serve.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const RESULTS = join(ROOT, "test-results");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const LANGS = ["en", "fr", "de", "ru"];
// A fixed day for the assessments, so results don't drift with the calendar. It is more than
// a year after the report (2025-10-10), so the staleness warning is part of every result.
export const AS_OF = "2026-11-23";

const ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

for (const f of ["index.html", "app.js", "element.js", "style.css", "conscription-check.html", "conscription_check_bg.wasm", "ui.en.json", "texts/en.bin"]) {
  if (!existsSync(join(DIST, f))) throw new Error(`dist/${f} is missing: run \`make dist\` first`);
}

/** The server and the browser for one test file; close() stops both. */
export async function setup() {
  const server = await startServer({ dir: DIST, host: "127.0.0.1", port: 0 });
  const { port } = server.address();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    server,
    browser,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * A fresh context and page, with a record of what happens in it:
 * requests (every URL asked for), console (type + text), errors (uncaught), dialogs.
 */
export async function openPage(browser, { locale = "en-GB", viewport = { width: 1280, height: 900 }, offline = false, acceptDownloads = false, permissions } = {}) {
  const context = await browser.newContext({ locale, viewport, acceptDownloads, serviceWorkers: "block" });
  if (permissions) await context.grantPermissions(permissions);
  if (offline) await context.setOffline(true);
  const page = await context.newPage();
  const log = { requests: [], console: [], errors: [], dialogs: [] };
  context.on("request", (r) => log.requests.push({ url: r.url(), method: r.method(), postData: r.postData() }));
  page.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("dialog", (d) => {
    log.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return { context, page, log };
}

/** Fails on any request that leaves 127.0.0.1 (or, for file://, leaves the file). */
export function assertLocalOnly(log, { allow = [] } = {}) {
  const outside = log.requests.filter(({ url }) => {
    if (allow.some((a) => url.startsWith(a))) return false;
    if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return false;
    return !/^http:\/\/127\.0\.0\.1:\d+\//.test(url);
  });
  assert.deepEqual(outside.map((r) => r.url), [], "requests that left the page's origin");
}

/** Fails on console errors and warnings, and on uncaught exceptions. */
export function assertQuietConsole(log) {
  const bad = log.console.filter((m) => m.type === "error" || m.type === "warning");
  assert.deepEqual(bad, [], "console errors or warnings");
  assert.deepEqual(log.errors, [], "uncaught errors in the page");
  assert.deepEqual(log.dialogs, [], "dialogs (alert/confirm/prompt) that fired");
}

/** Runs axe-core with the WCAG 2.1 A and AA rules; fails with a readable list on violations. */
export async function assertAccessible(page, { include, label = "" } = {}) {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const readable = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} :: ${n.failureSummary?.split("\n").slice(0, 3).join(" | ")}`),
  }));
  assert.deepEqual(readable, [], `axe-core violations ${label}`);
}

/**
 * Loads the tool and waits until it shows a result (on a narrow screen, the guided path: it
 * sets the date on the check step, then goes on to the result).
 */
export async function gotoTool(page, url) {
  await page.goto(url);
  await page.locator(".cc [data-cc=overview]").first().waitFor({ state: "attached" });
  await setAsOf(page, AS_OF);
  await toResult(page);
}

/** Same as typing the date of the assessment in the form (the page re-assesses at once). */
export async function setAsOf(page, day) {
  const el = page.locator('[data-path="@asOf"]').first();
  await showStepOf(el);
  await el.fill(day);
}

// ---- the guided path (narrow screens): one step at a time, Back and Next ---------------------

const toolRoot = (locator) => locator.locator("xpath=ancestor-or-self::*[contains(concat(' ', @class, ' '), ' cc ')][1]");

/** The step shown (data-step of the tool), or null when the tool does not guide (a wide screen). */
export async function currentStep(page) {
  return page.locator(".cc[data-cc-root]").first().evaluate((root) => root.dataset.step || null);
}

/** Clicks Next or Back, as a person does, until the step that asks `locator`'s question is shown. */
export async function showStepOf(locator) {
  const where = () => locator.evaluate((el) => {
    const root = el.closest(".cc");
    if (!root || !root.dataset.step) return null;
    const fs = el.closest(".cc-form > .cc-section");
    const want = !fs ? "result" : fs.dataset.section === "settings" ? "check" : fs.dataset.section;
    const order = [...root.querySelectorAll(".cc-form > .cc-section")].filter((f) => !f.hidden && f.dataset.section !== "settings")
      .map((f) => f.dataset.section).concat(["check", "result"]);
    return { now: order.indexOf(root.dataset.step), want: order.indexOf(want), last: order.length - 1 };
  });
  for (let i = 0; i < 20; i++) {
    const w = await where();
    if (!w || w.now === w.want) return;
    // From the result, the way back is "Change the answers" (to the check step).
    const button = w.now < w.want ? "step-next" : w.now === w.last ? "step-edit" : "step-back";
    await toolRoot(locator).locator(`[data-cc=${button}]`).first().click();
  }
  throw new Error("the guided path did not reach the step of the question");
}

/** On the guided path, Next until the result; nothing on a wide screen. */
export async function toResult(page) {
  for (let i = 0; i < 20; i++) {
    const step = await currentStep(page);
    if (step === null || step === "result") return;
    await page.locator(".cc[data-cc-root] [data-cc=step-next]").first().click();
  }
  throw new Error("the guided path did not reach the result");
}

// ---- answering the form (by the questions' CaseInput paths) --------------------------------

export async function choose(page, path, value) {
  const el = page.locator(`[data-path="${path}"]`).first();
  await showStepOf(el);
  const tag = await el.evaluate((e) => e.tagName);
  if (tag === "SELECT") {
    await el.selectOption(value);
    return;
  }
  const type = await el.getAttribute("type");
  if (type === "radio") {
    const v = value === true ? "yes" : value === false ? "no" : value === undefined ? "" : String(value);
    await page.locator(`[data-path="${path}"][value="${v}"]`).check();
    return;
  }
  await el.fill(String(value));
}

/** Answers a whole case the way a person would, question by question. */
export async function fillCase(page, input) {
  if (input.birthDate) {
    await choose(page, "@birthMode", "date");
    await choose(page, "birthDate", input.birthDate);
  } else if (input.birthYear !== undefined) {
    await choose(page, "@birthMode", "year");
    await choose(page, "birthYear", input.birthYear);
  }
  for (const path of ["residence", "region"]) if (input[path] !== undefined) await choose(page, path, input[path]);
  if (input.origin?.region !== undefined) await choose(page, "origin.region", input.origin.region);
  for (const key of ["russianPassport", "since"]) {
    if (input.citizenship?.[key] !== undefined) await choose(page, `citizenship.${key}`, input.citizenship[key]);
  }
  const nested = (obj, prefix) => Object.entries(obj || {}).map(([k, v]) => [`${prefix}.${k}`, v]);
  const simple = [
    ...nested(input.studies, "studies"),
    ...nested(input.health, "health"),
    ...nested(input.employment, "employment"),
    ...nested(input.alternativeService, "alternativeService"),
    ...nested(input.registration, "registration"),
    ...nested(input.abroad, "abroad"),
  ];
  // Order matters where one answer reveals the next question (studies.current first).
  simple.sort(([a], [b]) => (a === "studies.current" ? -1 : b === "studies.current" ? 1 : 0));
  for (const [path, v] of simple) await choose(page, path, v);
  if (input.summonses) {
    await choose(page, "@summonses", input.summonses.length ? "yes" : "no");
    for (let i = 0; i < input.summonses.length; i++) {
      if (i > 0) await page.locator('[data-cc="add-summons"]').click();
      const s = input.summonses[i];
      for (const key of ["date", "delivery", "signed", "appeared", "validReason", "appearanceDate", "campaign"]) {
        if (s[key] !== undefined) await choose(page, `summonses[${i}].${key}`, s[key]);
      }
    }
  }
  if (input.service) {
    await choose(page, "service.status", input.service.status);
    for (const key of ["start", "region"]) if (input.service[key] !== undefined) await choose(page, `service.${key}`, input.service[key]);
    const c = input.service.contract || {};
    for (const key of ["stage", "voluntary", "forged", "paymentReceived"]) {
      if (c[key] !== undefined) await choose(page, `service.contract.${key}`, c[key]);
    }
  }
  await toResult(page);
}

/** The statuses the page shows, read from its overview (data-status attributes and text). */
export async function shownStatuses(page) {
  return page.locator(".cc [data-cc=overview]").first().evaluate((ov) => {
    const out = {};
    for (const chip of ov.querySelectorAll("[data-status-of]")) out[chip.dataset.statusOf] = { status: chip.dataset.status, text: chip.textContent.trim() };
    return out;
  });
}

export async function screenshot(page, name) {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}

// ---- the engine in Node, to cross-check the page --------------------------------------------

let engine = null;
export async function nodeEngine() {
  if (!engine) {
    // The package's Node entry: the engine with the texts of all four languages.
    engine = await import(join(ROOT, "pkg", "node.js"));
  }
  return engine;
}

/**
 * The interface texts of a language as the page gets them: dist/ui.<lang>.json (built from
 * data/texts/ui.toml by scripts/ui-texts.mjs), keyed by id without "ui.".
 */
export function uiTexts(lang) {
  return JSON.parse(readFileSync(join(DIST, `ui.${lang}.json`), "utf8"));
}

/** The ids of every finding the result shows (data-finding), in page order. */
export async function shownFindings(page) {
  return page.locator(".cc .cc-results-body").first().evaluate((body) =>
    [...body.querySelectorAll("[data-finding]")].map((li) => li.dataset.finding));
}

/**
 * Checks that the page shows what the engine (in Node) says for the same input: every status
 * and every finding. `input` is the CaseInput the answers amount to.
 */
export async function assertAgreesWithEngine(page, input, lang = "en") {
  const e = await nodeEngine();
  const r = e.assess(input, { asOf: AS_OF, lang });
  const shown = await shownStatuses(page);
  for (const s of ["deferral", "restrictions", "returnRisk", "deployment", "payment"]) {
    assert.equal(shown[s]?.status, r[s].status, `${s}: the page and the engine differ`);
  }
  assert.equal(shown.age?.status, r.age.conscriptionAge, "age");
  for (const p of r.penalties) {
    if (p.exposure === "not-applicable") assert.equal(shown[`penalty-${p.id}`], undefined, `${p.id} is not applicable`);
    else assert.equal(shown[`penalty-${p.id}`]?.status, p.exposure, `${p.id}: the page and the engine differ`);
  }
  const all = [
    ...r.warnings, ...r.age.findings, ...r.deferral.findings, ...r.penalties.flatMap((p) => p.findings),
    ...r.restrictions.findings, ...r.returnRisk.findings, ...r.deployment.findings, ...r.payment.findings,
  ].map((f) => f.id);
  assert.deepEqual([...(await shownFindings(page))].sort(), [...all].sort(), "the page shows every finding, once");
  return r;
}
