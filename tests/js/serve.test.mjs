// scripts/serve.mjs with real HTTP requests on 127.0.0.1: the precompressed .br and .gz files
// that `make dist` writes are sent with Content-Encoding when the request's Accept-Encoding
// allows it (Vary: Accept-Encoding), with the same security headers as every other answer; and
// dist/ has such a pair next to each text asset and the .wasm, each decompressing to the file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { startServer, COMPRESSED } from "../../scripts/serve.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dir = mkdtempSync(join(tmpdir(), "cc-serve-"));
const SCRIPT = "export const greeting = 'hello';\n".repeat(50);
writeFileSync(join(dir, "app.js"), SCRIPT);
writeFileSync(join(dir, "app.js.gz"), gzipSync(SCRIPT));
writeFileSync(join(dir, "app.js.br"), brotliCompressSync(SCRIPT));
writeFileSync(join(dir, "only-gzip.css"), "body { color: black; }\n");
writeFileSync(join(dir, "only-gzip.css.gz"), gzipSync("body { color: black; }\n"));
writeFileSync(join(dir, "plain.json"), '{"a":1}');
writeFileSync(join(dir, "index.html"), "<!doctype html><title>t</title>");

let server;
let port;
before(async () => {
  server = await startServer({ dir, host: "127.0.0.1", port: 0 });
  port = server.address().port;
});
after(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(dir, { recursive: true, force: true });
});

/** One request, the body as bytes (not decoded: fetch would undo the Content-Encoding). */
function get(path, headers = {}, method = "GET") {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}

function assertSecurityHeaders(res) {
  assert.equal(res.headers["x-content-type-options"], "nosniff");
  assert.equal(res.headers["referrer-policy"], "no-referrer");
  assert.equal(res.headers["cross-origin-opener-policy"], "same-origin");
  assert.equal(res.headers["cache-control"], "no-store");
}

test("brotli when the browser accepts it, with the file's own type and Vary", async () => {
  const res = await get("/app.js", { "accept-encoding": "gzip, deflate, br, zstd" });
  assert.equal(res.status, 200);
  assert.equal(res.headers["content-encoding"], "br");
  assert.equal(res.headers["content-type"], "text/javascript; charset=utf-8");
  assert.equal(res.headers.vary, "Accept-Encoding");
  assert.equal(Number(res.headers["content-length"]), res.body.length);
  assert.equal(brotliDecompressSync(res.body).toString(), SCRIPT);
  assertSecurityHeaders(res);
});

test("gzip when brotli is not accepted (or refused with q=0), and when only a .gz exists", async () => {
  for (const ae of ["gzip", "br;q=0, gzip", "gzip;q=1.0, br;q=0"]) {
    const res = await get("/app.js", { "accept-encoding": ae });
    assert.equal(res.headers["content-encoding"], "gzip", ae);
    assert.equal(gunzipSync(res.body).toString(), SCRIPT, ae);
    assert.equal(res.headers.vary, "Accept-Encoding");
    assertSecurityHeaders(res);
  }
  const css = await get("/only-gzip.css", { "accept-encoding": "br, gzip" });
  assert.equal(css.headers["content-encoding"], "gzip");
  assert.equal(css.headers["content-type"], "text/css; charset=utf-8");
  assert.equal(gunzipSync(css.body).toString(), "body { color: black; }\n");
});

test("the file as it is without Accept-Encoding, with identity only, or with every coding refused", async () => {
  for (const headers of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "br;q=0, gzip;q=0" }, { "accept-encoding": "*;q=0, identity" }]) {
    const res = await get("/app.js", headers);
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-encoding"], undefined, JSON.stringify(headers));
    assert.equal(res.body.toString(), SCRIPT);
    assert.equal(res.headers.vary, "Accept-Encoding", "caches must still know the answer depends on the header");
    assertSecurityHeaders(res);
  }
  // "*" accepts any coding: brotli first.
  assert.equal((await get("/app.js", { "accept-encoding": "*" })).headers["content-encoding"], "br");
});

test("a file without precompressed versions is sent as it is; HEAD sends headers only; no way out of the folder", async () => {
  const json = await get("/plain.json", { "accept-encoding": "br, gzip" });
  assert.equal(json.headers["content-encoding"], undefined);
  assert.equal(json.headers.vary, undefined);
  assert.equal(json.body.toString(), '{"a":1}');
  const head = await get("/app.js", { "accept-encoding": "br" }, "HEAD");
  assert.equal(head.headers["content-encoding"], "br");
  assert.equal(head.body.length, 0);
  assert.equal((await get("/", { "accept-encoding": "br" })).headers["content-type"], "text/html; charset=utf-8");
  assert.equal((await get("/..%2f..%2fetc%2fpasswd")).status, 403);
  assert.equal((await get("/missing.js", { "accept-encoding": "br" })).status, 404);
});

test("make dist wrote a .br and a .gz next to each text asset and the .wasm, each the same file compressed", () => {
  const dist = join(root, "dist");
  assert.ok(existsSync(join(dist, "index.html")), "dist/ is missing: run `make dist` first");
  const names = readdirSync(dist);
  const assets = names.filter((f) => COMPRESSED.some((ext) => f.endsWith(ext)));
  for (const want of ["index.html", "app.js", "element.js", "style.css", "conscription_check_bg.wasm", "conscription-check.html", "ui.en.json"]) {
    assert.ok(assets.includes(want), `${want} is compressed`);
  }
  for (const f of assets) {
    const raw = readFileSync(join(dist, f));
    assert.ok(names.includes(`${f}.br`) && names.includes(`${f}.gz`), `${f}.br and ${f}.gz`);
    assert.ok(brotliDecompressSync(readFileSync(join(dist, `${f}.br`))).equals(raw), `${f}.br`);
    assert.ok(gunzipSync(readFileSync(join(dist, `${f}.gz`))).equals(raw), `${f}.gz`);
  }
});
