// The golden scenarios (tests/scenarios/*.json) through the built package in Node, and the
// determinism check: Node's output is byte-identical to native Rust's (written by
// `cargo test` to target/scenario-outputs/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { cc, matches, root, scenarioOptions } from "./load.mjs";

const dir = join(root, "tests/scenarios");
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

test("there are at least 40 scenarios", () => assert.ok(files.length >= 40, `${files.length}`));

for (const f of files) {
  const s = JSON.parse(readFileSync(join(dir, f), "utf8"));
  test(`scenario ${f}: ${s.title}`, () => {
    let out, err;
    try {
      out = cc.assess(s.input, scenarioOptions(s));
    } catch (e) {
      err = e;
    }
    if (s.expectError) {
      assert.ok(err, "expected an AssessError");
      assert.equal(err.name, "AssessError");
      for (const x of s.expectError) {
        assert.ok(err.issues.some((i) => i.path === x.path && i.code === x.code), `missing issue ${JSON.stringify(x)} in ${JSON.stringify(err.issues)}`);
      }
      return;
    }
    if (err) throw err;
    const errs = [];
    matches("", s.expect, out, errs);
    assert.deepEqual(errs, []);
    // Determinism: byte-identical to native Rust.
    const native = join(root, "target/scenario-outputs", f);
    assert.ok(existsSync(native), `no native output for ${f}: run cargo test first (make test does)`);
    assert.equal(JSON.stringify(out), readFileSync(native, "utf8"));
    // And the same twice in a row.
    assert.equal(JSON.stringify(cc.assess(s.input, scenarioOptions(s))), JSON.stringify(out));
  });
}
