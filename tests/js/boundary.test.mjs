// Hostile input through the wasm boundary: at least 10,000 random and adversarial values
// (deep nesting, huge arrays, NaN, very long strings, prototype-pollution keys, wrong types,
// non-JSON values). Each must give a result or an AssessError — never a
// WebAssembly.RuntimeError — and the same module instance must still assess a valid case.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cc } from "./load.mjs";

// A small deterministic PRNG, so a failure can be replayed.
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 4294967296);
}

const KEYS = ["birthDate", "birthYear", "residence", "region", "studies", "health", "employment", "alternativeService", "summonses",
  "registration", "abroad", "service", "current", "fullTime", "date", "delivery", "appeared", "validReason", "campaign", "status",
  "contract", "stage", "forged", "__proto__", "constructor", "prototype", "toString", "", "birthdate", "ünïcode", "a".repeat(300)];
const STRINGS = ["", "2024-02-30", "2025-13-01", "1999-12-31", "2024-02-29", "university", "abroad", "kursk", "a", "in-person",
  "<img src=x onerror=alert(1)>", "\u0000", "\ud800", "😀", "x".repeat(10000), "2025-04-01T00:00", " 2025-04-01", "NaN"];

function value(r, depth) {
  const k = Math.floor(r() * 12);
  switch (k) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return [NaN, Infinity, -Infinity, -0, 1e308, -1, 0.5, 2004, 2.5e-324, Number.MAX_SAFE_INTEGER + 2][Math.floor(r() * 10)];
    case 3: case 4: return STRINGS[Math.floor(r() * STRINGS.length)];
    case 5: return undefined;
    case 6: case 7: case 8: {
      if (depth > 6) return {};
      const o = {};
      const n = Math.floor(r() * 5);
      for (let i = 0; i < n; i++) {
        const key = KEYS[Math.floor(r() * KEYS.length)];
        Object.defineProperty(o, key, { value: value(r, depth + 1), enumerable: true, configurable: true, writable: true });
      }
      return o;
    }
    case 9: case 10: {
      if (depth > 6) return [];
      return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
    }
    default: return Math.floor(r() * 3000) - 500;
  }
}

function deep(n, make) {
  let v = {};
  for (let i = 0; i < n; i++) v = make(v);
  return v;
}

const adversarial = [
  deep(100000, (v) => ({ studies: v })),
  deep(100000, (v) => [v]),
  deep(200, (v) => ({ summonses: [v] })),
  { summonses: Array.from({ length: 5000 }, () => ({ appeared: false })) },
  { summonses: Array.from({ length: 1000 }, (_, i) => ({ date: "2024-10-10", appeared: false, validReason: false, delivery: "registered-mail", campaign: `c${i}` })) },
  { summonses: new Array(1e6) },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"studies": {"__proto__": {"current": "university"}}}'),
  { birthYear: 10n },
  { birthDate: new Date("2000-01-01") },
  { birthDate: { toJSON() { throw new Error("boom"); } } },
  Object.create(null),
  [],
  "a string",
  42,
  () => 1,
  Symbol("s"),
  new Proxy({}, { ownKeys() { throw new Error("trap"); } }),
  { birthDate: "x".repeat(5_000_000) },
];
const circular = {};
circular.self = circular;
adversarial.push(circular);

function check(input, options) {
  try {
    cc.assess(input, options);
    return "ok";
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) throw new Error(`wasm trap on ${String(JSON.stringify(input)).slice(0, 200)}: ${e}`);
    if (e?.name !== "AssessError") throw new Error(`not an AssessError: ${e?.name}: ${e?.message}`);
    assert.ok(Array.isArray(e.issues) && e.issues.length > 0);
    for (const i of e.issues) assert.equal(typeof i.path, "string");
    return "error";
  }
}

const VALID = { birthDate: "2003-05-20", studies: { current: "university", fullTime: true, afterTechnicalCollege: false, changedSubject: false }, health: { fitness: "a" } };

test("10,000 random inputs return a result or an AssessError, never a trap", () => {
  const r = rng(20251010);
  const counts = { ok: 0, error: 0 };
  for (let i = 0; i < 10000; i++) {
    const input = i % 3 === 0 ? value(r, 0) : { ...VALID, ...value(r, 1) };
    const options = i % 5 === 0 ? value(r, 1) : { asOf: "2025-11-01", lang: ["en", "fr", "de", "ru"][i % 4] };
    counts[check(input, options)]++;
  }
  assert.ok(counts.ok > 100 && counts.error > 100, JSON.stringify(counts));
  assert.equal(cc.assess(VALID, { asOf: "2025-11-01" }).deferral.status, "likely");
});

test("adversarial inputs: deep nesting, huge arrays, pollution keys, non-JSON values", () => {
  for (const input of adversarial) {
    const t0 = performance.now();
    check(input, { asOf: "2025-11-01" });
    assert.ok(performance.now() - t0 < 5000, "too slow");
  }
  assert.equal({}.polluted, undefined, "prototype polluted");
  assert.equal(cc.assess(VALID, { asOf: "2025-11-01" }).deferral.status, "likely");
});

test("a thousand summonses are assessed quickly; more are refused with a clear error", () => {
  const many = { ...VALID, summonses: Array.from({ length: 1000 }, (_, i) => ({ date: "2024-10-10", delivery: "registered-mail", appeared: false, validReason: false, campaign: `${2020 + (i % 6)}-${i % 2 ? "spring" : "autumn"}` })) };
  const t0 = performance.now();
  const out = cc.assess(many, { asOf: "2025-11-01" });
  assert.ok(performance.now() - t0 < 1000);
  assert.equal(out.penalties.find((p) => p.id === "cc-328-1").exposure, "possible");
  assert.throws(() => cc.assess({ summonses: new Array(1001).fill({}) }, { asOf: "2025-11-01" }), (e) => e.name === "AssessError" && e.issues[0].code === "too-large");
});

test("convert and knowledge reject bad arguments with AssessError", () => {
  for (const args of [[NaN, "CHF"], [1, "USD"], ["1", "CHF"], [1, "CHF", { rubPer: { CHF: -2 } }], [1, "EUR", { rubPer: { EUR: "x" } }], [1, "EUR", { rates: {} }]]) {
    assert.throws(() => cc.convert(...args), (e) => e.name === "AssessError", JSON.stringify(args));
  }
  assert.throws(() => cc.knowledge({ lang: "xx" }), (e) => e.name === "AssessError");
  assert.equal(cc.convert(10000, "CHF"), 102);
  assert.equal(cc.convert(10000, "RUB"), 10000);
  assert.equal(cc.knowledge({ lang: "fr" }).lang, "fr");
});
