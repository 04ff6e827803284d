// The compact form (issue 15): the wasm module writes every result with each finding once and
// the sources by id; assess() expands it unless the caller asks for `output: "compact"`, and
// expand() does the same for a compact result the caller holds. Checked against native Rust's
// outputs of every golden scenario in the four languages (written by `cargo test --test
// compact` to target/compact-outputs/): the expanded result is the full form byte for byte,
// and the compact result is native's compact form byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cc, root, scenarioOptions } from "./load.mjs";

const dir = join(root, "tests/scenarios");
const out = join(root, "target/compact-outputs");
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
const LANGS = ["en", "fr", "de", "ru"];

test("native outputs are there (cargo test --test compact writes them)", () => {
  assert.ok(existsSync(out), "run cargo test first (make test does)");
  assert.ok(readdirSync(out).length >= 2 * 4 * 130, String(readdirSync(out).length));
});

for (const f of files) {
  const s = JSON.parse(readFileSync(join(dir, f), "utf8"));
  if (s.expectError) continue;
  const stem = f.replace(/\.json$/, "");
  test(`scenario ${stem}: full and compact in four languages, as native Rust writes them`, () => {
    for (const lang of LANGS) {
      const opts = { ...scenarioOptions(s), lang };
      const full = cc.assess(s.input, opts);
      const compact = cc.assess(s.input, { ...opts, output: "compact" });
      const nativeFull = readFileSync(join(out, `${stem}-${lang}.full.json`), "utf8");
      const nativeCompact = readFileSync(join(out, `${stem}-${lang}.compact.json`), "utf8");
      assert.equal(JSON.stringify(full), nativeFull, `${lang}: assess()`);
      assert.equal(JSON.stringify(cc.assess(s.input, { ...opts, output: "full" })), nativeFull, `${lang}: output "full"`);
      assert.equal(JSON.stringify(compact), nativeCompact, `${lang}: output "compact"`);
      const before = JSON.stringify(compact);
      assert.equal(JSON.stringify(cc.expand(compact)), nativeFull, `${lang}: expand()`);
      assert.equal(JSON.stringify(compact), before, `${lang}: expand() changed its argument`);
    }
  });
}

const student = { birthDate: "2003-05-20", studies: { current: "university", fullTime: true, afterTechnicalCollege: false, changedSubject: false }, summonses: [{ date: "2025-04-10", delivery: "in-person", signed: true, appeared: false }] };
const asOf = "2025-11-01";

test("a finding listed in several places is one object in the result, and the sources are the result's own copies", () => {
  const r = cc.assess(student, { asOf });
  const all = [r.age, r.deferral, ...r.deferral.grounds, ...r.penalties, r.restrictions, r.payment, r.returnRisk, r.deployment].flatMap((x) => x.findings).concat(r.warnings);
  // Equal findings are one object; findings of one id that differ (the same finding under two
  // penalties with other facts in its `because`) are two.
  const byContent = new Map();
  let shared = 0;
  for (const f of all) {
    const key = JSON.stringify(f);
    if (byContent.has(key)) {
      assert.equal(byContent.get(key), f, `${f.id}: two objects`);
      shared++;
    } else byContent.set(key, f);
  }
  assert.ok(shared > 0, "this case lists no finding twice");
  assert.ok(byContent.size > new Set(all.map((f) => f.id)).size, "this case has no two findings of one id that differ");
  // Changing a source of one result changes neither the next result nor knowledge().
  r.sources[0].title = "changed";
  assert.notEqual(cc.assess(student, { asOf }).sources[0].title, "changed");
  assert.ok(cc.knowledge().sources.every((x) => x.title !== "changed"));
});

test("the compact form is smaller and lists each finding once", () => {
  const full = JSON.stringify(cc.assess(student, { asOf }));
  const c = cc.assess(student, { asOf, output: "compact" });
  assert.ok(JSON.stringify(c).length < full.length);
  const keys = Object.keys(c.findings);
  for (const [k, f] of Object.entries(c.findings)) assert.ok(k === f.id || new RegExp(`^${f.id.replace(/[.]/g, "\\.")}~[2-9]$`).test(k), k);
  assert.ok(keys.some((k) => k.includes("~")), "no id with two findings in this case");
  const listed = [c.age, c.deferral, ...c.deferral.grounds, ...c.penalties, c.restrictions, c.payment, c.returnRisk, c.deployment].flatMap((x) => x.findings).concat(c.warnings);
  assert.deepEqual(new Set(listed), new Set(keys));
  assert.ok(listed.length > keys.length, "nothing listed twice");
  assert.ok(c.sources.every((id) => typeof id === "string"));
  assert.deepEqual(c.sources, cc.assess(student, { asOf }).sources.map((x) => x.id));
});

test("an invalid output option is an AssessError naming options.output", () => {
  assert.throws(() => cc.assess(student, { asOf, output: "short" }), (e) => {
    assert.equal(e.name, "AssessError");
    assert.deepEqual(e.issues.map((i) => [i.path, i.code]), [["options.output", "invalid-value"]]);
    assert.match(e.issues[0].message, /"full", "compact"/);
    return true;
  });
  assert.throws(() => cc.assess(student, { asOf, output: 1 }), (e) => e.issues[0].path === "options.output" && e.issues[0].code === "invalid-type");
});

test("expand() refuses what is not a compact assessment of this package, and the module keeps working", () => {
  const c = cc.assess(student, { asOf, output: "compact" });
  const broken = (change) => {
    const x = structuredClone(c);
    change(x);
    return x;
  };
  const refusals = [
    null,
    42,
    cc.assess(student, { asOf }),
    broken((x) => delete x.findings),
    broken((x) => (x.deferral.findings[0] = "no-such-finding")),
    broken((x) => (x.penalties[0].findings[0] = "constructor")),
    broken((x) => (x.sources[0] = "no-such-source")),
    broken((x) => delete x.warnings),
  ];
  for (const x of refusals) assert.throws(() => cc.expand(x), TypeError);
  assert.equal(JSON.stringify(cc.expand(c)), JSON.stringify(cc.assess(student, { asOf })));
});

test("the sources a result expands with are the module's, whether knowledge() came first or not", async () => {
  const { cpSync, mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { pathToFileURL } = await import("node:url");
  const expected = JSON.stringify(cc.assess(student, { asOf }));
  for (const knowledgeFirst of [true, false]) {
    const d = mkdtempSync(join(tmpdir(), "cc-compact-"));
    try {
      cpSync(join(root, "pkg"), d, { recursive: true });
      const fresh = await import(pathToFileURL(join(d, "conscription_check.js")).href);
      const bytes = (n) => readFileSync(join(d, n));
      fresh.initSync({ module: bytes("conscription_check_bg.wasm"), texts: { en: bytes("texts/en.bin") } });
      if (knowledgeFirst) {
        const k = fresh.knowledge();
        for (const s of k.sources) s.title = "changed by the caller";
      }
      assert.equal(JSON.stringify(fresh.assess(student, { asOf })), expected, `knowledge() first: ${knowledgeFirst}`);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }
});
