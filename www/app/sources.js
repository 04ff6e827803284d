// The catalogue of every source the tool knows, and one source as a list item. Methods of the
// tool (tool.js).
import { h, idPart, whenIdle } from "./dom.js";

export const sourcesMethods = {
  buildCatalogue() {
    const p = this.p;
    const list = h("ul", { class: "cc-sources cc-catalogue-list" });
    // Far below the form and the result: drawn once the first result is on screen (and at once
    // when something needs it first: a link to one of its sources, the print).
    const fill = () => {
      if (this.catalogueList !== list || list.firstChild) return;
      for (const s of this.k.sources) list.append(this.sourceItem(s, `${p}cat-${idPart(s.id)}`, "li"));
    };
    this.catalogueList = list;
    this.fillCatalogue = fill;
    whenIdle(fill);
    return h("section", { class: "cc-catalogue", "aria-labelledby": `${p}cat-h` },
      this.heading(2, { id: `${p}cat-h` }, this.t("catalogue.title")),
      h("p", { class: "cc-help" }, this.t("catalogue.help", { n: this.k.sources.length })),
      list);
  },

  sourceItem(s, id, tag) {
    const parts = [
      h("span", { class: "cc-src-publisher" }, s.publisher), ": ",
      h("cite", null, s.title), ", ",
      h("span", { class: "cc-src-date" }, this.fmtDate(s.date, s.datePrecision)), this.fmtDate(s.date, s.datePrecision).endsWith(".") ? "" : ".",
    ];
    if (s.origin === "beyond-seed") parts.push(" ", h("span", { class: "cc-src-origin" }, this.t("source.beyond-seed")));
    if (s.origin === "later") parts.push(" ", h("span", { class: "cc-src-origin" }, this.t("source.later")));
    if (s.quotedIn) {
      const q = this.k.sources.find((x) => x.id === s.quotedIn);
      if (q) parts.push(" ", h("span", { class: "cc-src-origin" }, this.t("source.quoted-in", { source: q.publisher.split(" – ")[0] })));
    }
    if (s.url && /^https?:\/\//.test(s.url)) parts.push(" ", h("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", class: "cc-src-url" }, s.url));
    return h(tag, { id, tabindex: "-1", "data-source": s.id }, parts);
  },
};
