// Writes pkg/package.json the way a JavaScript developer expects it: the package name, an
// exports map (ESM, types, the .wasm file for bundlers), files, and metadata; copies the
// README and licence notes. Run by scripts/build-pkg.sh after wasm-pack.
import { readFileSync, writeFileSync, copyFileSync, existsSync } from "node:fs";

const cargo = readFileSync("Cargo.toml", "utf8");
const field = (k) => (cargo.match(new RegExp(`^${k} = "(.*)"`, "m")) || [])[1];
const pkg = {
  name: "conscription-check",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  main: "conscription_check.js",
  module: "conscription_check.js",
  types: "conscription_check.d.ts",
  exports: {
    ".": { types: "./conscription_check.d.ts", default: "./conscription_check.js" },
    "./conscription_check_bg.wasm": "./conscription_check_bg.wasm",
    "./package.json": "./package.json",
  },
  files: [
    "conscription_check_bg.wasm",
    "conscription_check.js",
    "conscription_check.d.ts",
    "conscription_check_bg.wasm.d.ts",
    "case-input.schema.json",
    "README.md",
  ],
  sideEffects: false,
  keywords: ["conscription", "russia", "asylum", "refugee", "wasm", "country-of-origin-information"],
};
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
if (existsSync("README.md")) copyFileSync("README.md", "pkg/README.md");
if (existsSync("www/types/case-input.schema.json")) copyFileSync("www/types/case-input.schema.json", "pkg/case-input.schema.json");

// wasm-bindgen declares every parameter as required; the options of assess, knowledge and
// convert are optional in the contract (API.md), and the amount is `amountRub` there.
const dts = "pkg/conscription_check.d.ts";
let d = readFileSync(dts, "utf8");
d = d
  .replace("export function assess(input: CaseInput, options: AssessOptions)", "export function assess(input: CaseInput, options?: AssessOptions)")
  .replace("export function knowledge(options: { lang?: Lang })", "export function knowledge(options?: { lang?: Lang })")
  .replace("export function convert(amount_rub: number, currency: Currency, options: { rubPer?: Rates })", "export function convert(amountRub: number, currency: Currency, options?: { rubPer?: Rates })");
for (const f of ["assess(input: CaseInput, options?", "knowledge(options?", "convert(amountRub"]) {
  if (!d.includes(f)) throw new Error(`finish-pkg: the declarations changed shape, cannot find ${f}`);
}
writeFileSync(dts, d);
