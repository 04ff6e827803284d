// The size budget of `make test` (issue 6). Sizes are deterministic (the same sources give the
// same bytes), so unlike timings they can fail a build. Measured as scripts/sizes.mjs does for
// `make bench`: gzip -9 per file; the knowledge-text floor = gzip of every text in data/ in the
// four languages.
//
// Targets (issue 6), per language since issue 15 (the texts are one file per language and a
// visitor loads one; the knowledge-text floor is that language's texts, gzipped):
//   the engine for one language (.wasm + JS glue + texts/<lang>.bin)  ≤ 1.5 × floor + 20 KB
//   the page as served for one language (dist/index.html and all it loads)  ≤ 120 KB
// Each is checked for every language. Neither is met yet (docs/performance.md says by how much
// and why). Until a target is met, what is enforced is the size reached so far plus a small
// margin, so that regressions fail: the allowance is held as bytes *above that language's
// floor*, so that adding knowledge texts (which raise the floor) does not trip it, while added
// code, tables or page weight does. Once a target is met, the target itself is enforced.
// BUDGET_STRICT=1 enforces the targets now.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { budgets, measureSizes, KB, LANGS } from "./sizes.mjs";

// Issues 14 + 15 merged (2026-12-02): the interface texts out of the wasm (page-side JSON per
// language), the statement texts one file per language, serde back. Reached above each
// language's floor (the largest of the four), plus about 2 KB: the engine for one language
// 91.1 KB (en; 90.2–91.1 KB over the four), the page as served 120.8 KB (ru; 119.5–120.8 KB);
// then issue 13's guided path and counsellor memo (www/app/steps.js, the print stylesheet, their
// interface texts): the page 122.9 KB above the floor (ru), so its allowance is 125 KB.
// Before (four languages in the wasm) the allowances were 102 KB (wasm + glue) and 138 KB (page)
// above the four-language floor; the history is in docs/performance.md.
// Then the compact wire form (issue 15, "nothing twice"): +2.6 KB gzip of wasm (the compact
// conversion, its index, the source catalogue export) and +0.4 KB of glue (the expansion), for
// 15 % less JSON per result and about 10 % less time per assess() in Node.
// Issue 15, engine size (helper "engine", 2026-12-02): the .wasm 88,379 → 81,129 B gzip (no
// panicking str slicing in the text rendering, compact citations, text ids out of the
// module). Both together reach: the engine 88.3 KB above the floor at most, the page 119.7 KB
// (ru); allowances about 2 KB above.
const ENFORCED_ABOVE_FLOOR = {
  engine: 90 * KB,
  page: 122 * KB,
};

const root = fileURLToPath(new URL("..", import.meta.url));
const strict = process.env.BUDGET_STRICT === "1";
const kb = (b) => `${(b / KB).toFixed(1)} KB`;

for (const f of ["pkg/conscription_check_bg.wasm", "pkg/conscription_check.js", ...LANGS.map((l) => `pkg/texts/${l}.bin`), "dist/index.html"]) {
  if (!existsSync(join(root, f))) {
    console.error(`budget: ${f} is missing: run \`make build\` first`);
    process.exit(1);
  }
}

const s = measureSizes(root);
const checks = [];
for (const lang of LANGS) {
  const floor = s.floor.gzipPerLanguage[lang];
  const b = { engine: budgets(floor).wasmAndGlueGzip };
  checks.push({
    name: `${lang}: the engine (.wasm + JS glue + texts/${lang}.bin, gzip)`,
    size: s.engineFor[lang].gzip,
    target: b.engine,
    targetText: `1.5 × ${lang} floor + 20 KB = ${kb(b.engine)}`,
    enforcedIfMissed: floor + ENFORCED_ABOVE_FLOOR.engine,
  });
  const page = s.pages[lang];
  checks.push({
    name: `${lang}: the page as served (gzip, ${page.files.length} files: ${page.files.map((f) => f.path).join(", ")})`,
    size: page.gzip,
    target: s.budgets.pageGzipTarget,
    targetText: "120 KB",
    enforcedIfMissed: floor + ENFORCED_ABOVE_FLOOR.page,
  });
}

console.log(
  `budget: knowledge-text floor per language ${LANGS.map((l) => `${l} ${kb(s.floor.gzipPerLanguage[l])}`).join(", ")} gzip` +
    ` (${s.floor.texts} texts in four languages; all four ${kb(s.floor.gzip)})`,
);
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
const missing = [...new Set(Object.values(s.pages).flatMap((p) => p.missing))];
if (missing.length) {
  console.error(`budget: dist/index.html refers to files that are not there: ${missing.join(", ")}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
