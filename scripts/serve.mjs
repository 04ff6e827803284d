// A small static file server for dist/ on 127.0.0.1, with the page's security headers and
// the right MIME type for .wasm. No dependencies. Used by `make serve` and the e2e tests.
//   node scripts/serve.mjs --dir dist --host 127.0.0.1 --port 8080
// Where `make dist` wrote a precompressed file next to the one asked for (app.js.br,
// app.js.gz), it is sent instead, with Content-Encoding, when the request's Accept-Encoding
// allows that coding (brotli first); such answers carry Vary: Accept-Encoding.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** The files `make dist` precompresses (scripts/build-dist.mjs): text assets and the .wasm. */
export const COMPRESSED = [".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".wasm"];
// Content codings in order of preference, with the suffix of their precompressed file.
const CODINGS = [["br", ".br"], ["gzip", ".gz"]];

/**
 * The q-value the Accept-Encoding header gives a coding (RFC 9110 §12.5.3): its own entry, else
 * "*", else 0. "x-gzip" counts as gzip.
 */
function acceptance(header, coding) {
  let star = null;
  for (const part of String(header || "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";").map((s) => s.trim());
    if (!name) continue;
    const qp = params.find((p) => p.startsWith("q="));
    const q = qp ? Number(qp.slice(2)) : 1;
    const value = Number.isFinite(q) ? q : 0;
    if (name === coding || (coding === "gzip" && name === "x-gzip")) return value;
    if (name === "*") star = value;
  }
  return star ?? 0;
}

const isFile = async (path) => (await stat(path).catch(() => null))?.isFile() ?? false;

export function startServer({ dir = "dist", host = "127.0.0.1", port = 8080 } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info && info.isDirectory()) {
        path = join(path, "index.html");
        info = await stat(path).catch(() => null);
      }
      if (!info) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      const headers = {
        "content-type": TYPES[extname(path)] || "application/octet-stream",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "cross-origin-opener-policy": "same-origin",
      };
      // A precompressed version, if there is one: the most preferred coding the client accepts.
      let file = path;
      if (COMPRESSED.includes(extname(path))) {
        const present = [];
        for (const [coding, suffix] of CODINGS) if (await isFile(path + suffix)) present.push([coding, suffix]);
        if (present.length) {
          headers.vary = "Accept-Encoding";
          let best = null;
          for (const [coding, suffix] of present) {
            const q = acceptance(req.headers["accept-encoding"], coding);
            if (q > 0 && (!best || q > best.q)) best = { coding, suffix, q };
          }
          if (best) {
            file = path + best.suffix;
            headers["content-encoding"] = best.coding;
          }
        }
      }
      const body = await readFile(file);
      headers["content-length"] = String(body.length);
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      res.writeHead(500).end("error");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k, d) => {
    const i = process.argv.indexOf(`--${k}`);
    return i > 0 ? process.argv[i + 1] : d;
  };
  const dir = arg("dir", "dist");
  const host = arg("host", "127.0.0.1");
  const port = Number(arg("port", "8080"));
  const server = await startServer({ dir, host, port });
  const { port: p } = server.address();
  console.log(`conscription-check is served on http://${host}:${p}/ (Ctrl-C to stop)`);
  console.log(`  offline single file: http://${host}:${p}/conscription-check.html`);
  console.log(`  embedding demo:      http://${host}:${p}/embed-demo.html`);
}
