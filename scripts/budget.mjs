// The size budget of `make test` (issue 6). Sizes are deterministic (the same sources give the
// same bytes), so unlike timings they can fail a build. Measured as scripts/sizes.mjs does for
// `make bench`: gzip -9 per file; the knowledge-text floor = gzip of every text in data/ in the
// four languages.
//
// Targets (issue 6):
//   .wasm + JS glue   ≤ 1.5 × floor + 20 KB
//   the page as served (dist/index.html and all it loads, all four languages) ≤ 120 KB
// Neither is met yet (docs/performance.md says by how much and why). Until a target is met,
// what is enforced is the size reached so far plus a small margin, so that regressions fail:
// the allowance is held as bytes *above the floor*, so that adding knowledge texts (which raise
// the floor) does not trip it, while added code, tables or page weight does. Once a target is
// met, the target itself is enforced. BUDGET_STRICT=1 enforces the targets now.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureSizes, KB } from "./sizes.mjs";

// Reached on 2026-11-23 (docs/performance.md), held as bytes above the floor, plus about 4 KB.
// Raised in issue 12 (deferral ground by ground, return risk for residents: code +2.3 KB gzip,
// tables +2.7 KB above the floor), issue 17 (quick-exit.js in the static page, case file
// format 2, status definitions, origin questions) and issue 11 (the 25 source entries of the
// later developments — publishers, titles, URLs, not counted in the text floor — and the
// call-up-regime code; source notes no longer compiled in): see docs/performance.md.
const ENFORCED_ABOVE_FLOOR = {
  wasmAndGlue: 102 * KB, // was 87 KB (reached: 187.5 KB = 104.7 KB floor + 82.8 KB); 2026-12-02 merge: + 99.9 KB
  page: 138 * KB, // was 110 KB (reached: 210.2 KB = 104.7 KB floor + 105.5 KB); 2026-12-02 merge: + 131.2 KB; issue 13: + 135.8 KB
};

const root = fileURLToPath(new URL("..", import.meta.url));
const strict = process.env.BUDGET_STRICT === "1";
const kb = (b) => `${(b / KB).toFixed(1)} KB`;

for (const f of ["pkg/conscription_check_bg.wasm", "pkg/conscription_check.js", "dist/index.html"]) {
  if (!existsSync(join(root, f))) {
    console.error(`budget: ${f} is missing: run \`make build\` first`);
    process.exit(1);
  }
}

const s = measureSizes(root);
const floor = s.floor.gzip;
const checks = [
  {
    name: ".wasm + JS glue (gzip)",
    size: s.wasmAndGlue.gzip,
    target: s.budgets.wasmAndGlueGzip,
    targetText: `1.5 × floor + 20 KB = ${kb(s.budgets.wasmAndGlueGzip)}`,
    enforcedIfMissed: floor + ENFORCED_ABOVE_FLOOR.wasmAndGlue,
  },
  {
    name: `the page as served (gzip, ${s.page.files.length} files: ${s.page.files.map((f) => f.path).join(", ")})`,
    size: s.page.gzip,
    target: s.budgets.pageGzipTarget,
    targetText: `120 KB`,
    enforcedIfMissed: floor + ENFORCED_ABOVE_FLOOR.page,
  },
];

console.log(`budget: knowledge-text floor ${kb(floor)} gzip (${s.floor.texts} texts, four languages)`);
let failed = false;
for (const c of checks) {
  const met = c.size <= c.target;
  const limit = met || strict ? c.target : Math.max(c.target, c.enforcedIfMissed);
  const ok = c.size <= limit;
  const status = met
    ? `target ${c.targetText} met`
    : strict
      ? `target ${c.targetText} MISSED by ${kb(c.size - c.target)} (BUDGET_STRICT=1: enforcing the target)`
      : `target ${c.targetText} MISSED by ${kb(c.size - c.target)}; enforcing the size reached so far: ${kb(limit)}`;
  console.log(`budget: ${ok ? "ok  " : "FAIL"} ${c.name}: ${kb(c.size)} — ${status}`);
  if (!ok) {
    failed = true;
    console.error(
      `budget: ${c.name} is ${kb(c.size)}, over its budget of ${kb(limit)} by ${kb(c.size - limit)}.` +
        ` See docs/performance.md (run \`make bench\`, and twiggy on the wasm, to see what grew).`,
    );
  }
}
if (s.page.missing.length) {
  console.error(`budget: dist/index.html refers to files that are not there: ${s.page.missing.join(", ")}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
