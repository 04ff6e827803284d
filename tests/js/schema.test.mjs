// The JSON Schema shipped with the package (case-input.schema.json) says exactly what the
// engine accepts: every enum value in the schema is accepted, a value outside it is refused,
// every property is known, an unknown one is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cc, root } from "./load.mjs";

const schema = JSON.parse(readFileSync(join(root, "www/types/case-input.schema.json"), "utf8"));
const opts = { asOf: "2025-11-01" };

function resolve(node) {
  return node.$ref ? resolve(schema.$defs[node.$ref.split("/").pop()]) : node;
}

// Walk the schema; for each property build a minimal case that sets just it.
function* leaves(node, build) {
  node = resolve(node);
  if (node.type === "object" && node.properties) {
    for (const [k, child] of Object.entries(node.properties)) {
      const required = node.required ?? [];
      yield* leaves(child, (v) => build(Object.assign(Object.fromEntries(required.filter((r) => r !== k).map((r) => [r, resolve(node.properties[r]).enum[0]])), { [k]: v })));
    }
  } else if (node.type === "array") {
    yield* leaves(node.items, (v) => build([v]));
  } else {
    yield { node, build };
  }
}

test("every enum value of the schema is accepted and others are refused", () => {
  let n = 0;
  for (const { node, build } of leaves(schema, (v) => v)) {
    if (node.enum) {
      for (const v of node.enum) {
        assert.doesNotThrow(() => cc.assess(build(v), opts), JSON.stringify(build(v)));
        n++;
      }
      assert.throws(() => cc.assess(build("not-a-value"), opts), (e) => e.issues.some((i) => i.code === "invalid-value"));
    } else if (node.type === "boolean") {
      cc.assess(build(true), opts);
      assert.throws(() => cc.assess(build("yes"), opts), (e) => e.issues.some((i) => i.code === "invalid-type"));
    }
  }
  assert.ok(n > 40, `${n}`);
});

test("additionalProperties: false everywhere matches the engine", () => {
  for (const { build } of leaves(schema, (v) => v)) {
    const probe = build("x");
    // Add an unknown key next to the leaf's parent object.
    const withExtra = JSON.parse(JSON.stringify(probe), (k, v) => (v && typeof v === "object" && !Array.isArray(v) ? { ...v, zzUnknown: 1 } : v));
    assert.throws(() => cc.assess(withExtra, opts), (e) => e.issues.some((i) => i.code === "unknown-field"));
  }
});

test("the schema's campaign patterns match what the engine accepts", () => {
  const alts = resolve(schema.$defs.summons.properties.campaign).oneOf.map((x) => new RegExp(x.pattern));
  const ok = (v) => alts.some((r) => r.test(v));
  for (const v of ["2022-spring", "2025-autumn", "1999-spring", "2026", "2031", "2025-Spring", "banana", "2026-autumn", "2024", "2025", "26", "2025-summer"]) {
    const run = () => cc.assess({ summonses: [{ campaign: v }] }, { asOf: "2031-12-31" });
    if (ok(v)) assert.doesNotThrow(run, v);
    else assert.throws(run, (e) => e.issues.some((i) => i.code === "invalid-campaign" && /YYYY-spring/.test(i.message)), v);
  }
});
