// The package's TypeScript declarations match API.md: tsc --noEmit on a usage file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

test("the declarations need no DOM, WebAssembly or Node types (lib es2022, no @types)", () => {
  const tsc = join(root, "node_modules/.bin/tsc");
  const dir = mkdtempSync(join(tmpdir(), "cc-nodom-"));
  try {
    const config = {
      compilerOptions: {
        lib: ["es2022"], types: [], strict: true, exactOptionalPropertyTypes: true, skipLibCheck: false,
        noEmit: true, target: "es2022", module: "es2022", moduleResolution: "bundler",
      },
      files: [join(root, "tests/js/usage-nodom.ts")],
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(config));
    execFileSync(tsc, ["-p", join(dir, "tsconfig.json")], { cwd: dir, stdio: "pipe" });
  } catch (e) {
    assert.fail(String(e.stdout) + String(e.stderr));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("IssueCode lists every code the engine and the entry emit, and nothing else", () => {
  const dts = readFileSync(join(root, "www/types/api.d.ts"), "utf8");
  const union = /export type IssueCode =([^;]*);/.exec(dts);
  assert.ok(union, "no IssueCode in api.d.ts");
  const declared = new Set([...union[1].matchAll(/"([a-z-]+)"/g)].map((m) => m[1]));
  const emitted = new Set();
  const scan = (text) => {
    // AssessError::one(path, "code", …), c.push(path, "code", …), code: "code" (Rust and JS)
    for (const m of text.matchAll(/(?:AssessError::one|\.push)\(\s*[^,()]*(?:\([^()]*\))?[^,()]*,\s*"([a-z]+(?:-[a-z]+)*)"/g)) emitted.add(m[1]);
    for (const m of text.matchAll(/\bcode: "([a-z]+(?:-[a-z]+)*)"/g)) emitted.add(m[1]);
  };
  const walk = (dir) => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith(".rs")) scan(readFileSync(p, "utf8").split("#[cfg(test)]")[0]);
    }
  };
  walk(join(root, "src"));
  scan(readFileSync(join(root, "www/engine/conscription_check.js"), "utf8"));
  assert.ok(emitted.size >= 12, `only ${[...emitted]} found: the scan is broken`);
  for (const c of emitted) assert.ok(declared.has(c), `the engine emits "${c}", IssueCode lacks it`);
  for (const c of declared) assert.ok(emitted.has(c), `IssueCode has "${c}", which nothing emits`);
});
