// Building DOM nodes. Safety: every string goes into the DOM as text (textContent, Text nodes,
// attributes), never parsed as markup.

export const idPart = (s) => String(s).replace(/[^A-Za-z0-9]+/g, "-");

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "value" || k === "checked" || k === "selected") el[k] = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/**
 * Overwrites the clipboard (quick exit, after the tool copied a summary): synchronously where the
 * browser allows it (a copy event with an empty text), and through the async Clipboard API,
 * never waiting more than 400 ms. Resolves to whether either worked.
 */
export function clearClipboard() {
  let done = false;
  try {
    const onCopy = (e) => { e.clipboardData.setData("text/plain", ""); e.preventDefault(); done = true; };
    document.addEventListener("copy", onCopy, true);
    document.execCommand("copy");
    document.removeEventListener("copy", onCopy, true);
  } catch {
    done = false;
  }
  let later = null;
  try {
    later = navigator.clipboard?.writeText ? navigator.clipboard.writeText("") : null;
  } catch {
    later = null;
  }
  if (!later) return Promise.resolve(done);
  return Promise.race([
    later.then(() => true, () => done),
    new Promise((ok) => setTimeout(() => ok(done), 400)),
  ]);
}

/**
 * Runs fn after the first result has been painted, when the browser is idle (or at the latest
 * after `timeout` ms): for what the first view does not need (e.g. the source catalogue far
 * below). Falls back to a timer where requestIdleCallback is missing.
 */
export function whenIdle(fn, timeout = 500) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => fn(), { timeout });
  else setTimeout(fn, 1);
}

/**
 * Runs fn in a task of its own once what the page has drawn so far has been painted (after the
 * next animation frame), or after 100 ms where no frame comes (a hidden tab).
 */
export function afterPaint(fn) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

/** Runs fn in a task of its own, soon (scheduler.postTask where there is one, else a MessageChannel). */
export function nextTask(fn) {
  if (typeof scheduler !== "undefined" && typeof scheduler.postTask === "function") {
    scheduler.postTask(fn, { priority: "user-visible" });
    return;
  }
  const ch = new MessageChannel();
  ch.port1.onmessage = () => fn();
  ch.port2.postMessage(null);
}
