// Loads the built package (pkg/) the way a Node user does: initSync with the .wasm bytes.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const glue = new URL("../../pkg/conscription_check.js", import.meta.url);
const wasm = new URL("../../pkg/conscription_check_bg.wasm", import.meta.url);
if (!existsSync(wasm)) throw new Error("pkg/ is not built: run `make build` first");

export const cc = await import(glue.href);
const bytes = readFileSync(wasm);
/** The four texts files (pkg/texts/<lang>.bin), as initSync takes them. */
export const textFiles = Object.fromEntries(["en", "fr", "de", "ru"].map((l) => [l, readFileSync(new URL(`../../pkg/texts/${l}.bin`, import.meta.url))]));
cc.initSync({ module: bytes, texts: textFiles });
/** The current instance's exports (initSync returns them once the engine is loaded). */
export const engine = () => cc.initSync({ module: bytes });

// The partial matcher of tests/scenarios.rs, in JavaScript (same rules, same messages).
export function matches(path, expected, actual, errs) {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    for (const [k, ev] of Object.entries(expected)) {
      const here = path ? `${path}.${k}` : k;
      if (["findingIds", "noFindingIds", "warningIds", "noWarningIds"].includes(k)) {
        const list = k.includes("arning") ? "warnings" : "findings";
        const ids = (actual?.[list] ?? []).map((f) => f.id);
        for (const id of ev) {
          const present = ids.includes(id);
          if (present !== (k === "findingIds" || k === "warningIds")) errs.push(`${here}: ${id} ${present ? "should not be there" : "missing"}`);
        }
        continue;
      }
      if (actual == null || !(k in actual)) errs.push(`${here}: missing in the result`);
      else matches(here, ev, actual[k], errs);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual) && expected.length && ["id", "ground"].some((k) => expected.every((x) => x && typeof x === "object" && k in x))) {
    // Elements are matched by "id" (findings, penalties…) or "ground" (deferral grounds).
    const key = expected.every((x) => "id" in x) ? "id" : "ground";
    for (const ev of expected) {
      const av = actual.find((x) => x[key] === ev[key]);
      if (!av) errs.push(`${path}: no element with ${key} "${ev[key]}"`);
      else matches(`${path}[${ev[key]}]`, ev, av, errs);
    }
  } else if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    errs.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function scenarioOptions(s) {
  return { ...(s.options ?? {}), asOf: s.asOf, lang: s.lang ?? "en" };
}
