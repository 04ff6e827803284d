// The demo host page: switches the element's lang attribute and logs its events.
const el = document.querySelector("conscription-check");
const log = document.getElementById("host-log");

function write(line) {
  log.textContent = `${line}\n${log.textContent}`.split("\n").slice(0, 12).join("\n");
}

for (const button of document.querySelectorAll("button[data-lang]")) {
  button.addEventListener("click", () => el.setAttribute("lang", button.dataset.lang));
}
for (const name of ["cc-ready", "cc-assessed", "cc-lang-change", "cc-quick-exit"]) {
  el.addEventListener(name, (e) => write(`${name} ${JSON.stringify(e.detail)}`));
}
