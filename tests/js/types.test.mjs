// The package's TypeScript declarations match API.md: tsc --noEmit on a usage file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { root } from "./load.mjs";

test("tsc --noEmit accepts the usage file and its expected errors", () => {
  const tsc = join(root, "node_modules/.bin/tsc");
  try {
    execFileSync(tsc, ["--noEmit", "--strict", "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler", "--skipLibCheck", "false", join(root, "tests/js/usage.ts")], { cwd: root, stdio: "pipe" });
  } catch (e) {
    assert.fail(String(e.stdout) + String(e.stderr));
  }
});
