// The size budget of `make test` (issue 6). Sizes are deterministic (the same sources give the
// same bytes), so unlike timings they can fail a build. Measured as scripts/sizes.mjs does for
// `make bench`: gzip -9 per file; the knowledge-text floor = gzip of every text in data/ in the
// four languages.
//
// Targets (issue 6):
//   .wasm + JS glue   ≤ 1.5 × floor + 20 KB
//   the page as served (dist/index.html and all it loads, the interface texts of one
//   language) ≤ 120 KB
// The first is met since the interface texts left the wasm (issue 14); the second is not
// (docs/performance.md says by how much and why). What is enforced is the size reached so far
// plus a small margin, so that regressions fail, and never more than a target that is met:
// the allowance is held as bytes *above the floor*, so that adding knowledge texts (which raise
// the floor) does not trip it, while added code, tables or page weight does.
// BUDGET_STRICT=1 enforces the targets themselves.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureSizes, KB } from "./sizes.mjs";

// Reached on 2026-11-23 (docs/performance.md), held as bytes above the floor, plus about 4 KB.
// Raised in issue 12 (deferral ground by ground, return risk for residents: code +2.3 KB gzip,
// tables +2.7 KB above the floor), issue 17 (quick-exit.js in the static page, case file
// format 2, status definitions, origin questions) and issue 11 (the 25 source entries of the
// later developments — publishers, titles, URLs, not counted in the text floor — and the
// call-up-regime code; source notes no longer compiled in). Lowered in issue 14: the interface
// texts out of the wasm (−34.5 KB gzip of wasm), the page bundled and minified by esbuild and
// loading the texts of its language only: see docs/performance.md.
const ENFORCED_ABOVE_FLOOR = {
  wasmAndGlue: 70 * KB, // was 102 KB; issue 14: reached 203.5 KB = 135.8 KB floor + 67.7 KB
  page: 100 * KB, // was 138 KB; issue 14: reached 233.4 KB = 135.8 KB floor + 97.6 KB (English)
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
  const limit = strict ? c.target : met ? Math.min(c.target, c.enforcedIfMissed) : Math.max(c.target, c.enforcedIfMissed);
  const ok = c.size <= limit;
  const status = met
    ? `target ${c.targetText} met; enforcing ${kb(limit)}`
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
