// The form: the sections and questions (questions.js) built as fields, the summonses list,
// reading what is typed into the state, and showing or hiding each question as the answers and
// the result say (needed, refused). Methods of the tool (tool.js).
import { h, idPart } from "./dom.js";
import { get, setPath } from "./paths.js";
import { SUMMONS_FIELDS } from "./questions.js";

export const formMethods = {
  buildSection(sec) {
    const p = this.p;
    const fs = h("fieldset", { class: "cc-section", "data-section": sec.id },
      h("legend", null, this.t(`sec.${sec.id}`)));
    if (this.has(`sec.${sec.id}.help`)) fs.append(h("p", { class: "cc-help" }, this.t(`sec.${sec.id}.help`)));
    for (const f of sec.fields) {
      if (f.kind === "summonses") {
        fs.append(this.buildSummonses());
        continue;
      }
      const wrap = this.buildField(f, f.path, `f.${f.path}`, f.help ? `help.${f.path}` : null);
      this.fields.push({ wrap, paths: [f.path, ...(f.also || [])], show: f.show, section: sec });
      fs.append(wrap);
    }
    this.fields.push({ wrap: fs, section: sec, isSection: true });
    fs.id = `${p}sec-${sec.id}`;
    return fs;
  },

  /** One question: label, control, help, "this answer matters" and error notes. */
  buildField(f, path, labelKey, helpKey, value = get(this.state, path)) {
    const p = this.p;
    const id = `${p}f-${idPart(path)}`;
    const helpId = `${id}-help`;
    const neededId = `${id}-needed`;
    const errId = `${id}-err`;
    const describedBy = [helpKey ? helpId : null, neededId, errId].filter(Boolean).join(" ");
    const help = helpKey ? h("p", { class: "cc-help", id: helpId }, this.t(helpKey)) : null;
    const needed = h("p", { class: "cc-needed-note", id: neededId, hidden: true },
      h("span", { class: "cc-needed-mark", "aria-hidden": "true" }, "→ "), this.t("needed"));
    const err = h("p", { class: "cc-error-note", id: errId, hidden: true });
    let wrap;

    if (f.kind === "bool") {
      const name = `${p}r-${idPart(path)}`;
      const choice = (val, key) => h("label", { class: "cc-choice" },
        h("input", { type: "radio", name, value: val, "data-path": path, "data-kind": "bool", checked: (val === "yes" && value === true) || (val === "no" && value === false) || (val === "" && value === undefined) }),
        h("span", null, this.t(key)));
      wrap = h("fieldset", { class: "cc-field cc-bool", id, "aria-describedby": describedBy },
        h("legend", null, this.t(labelKey)), help,
        h("div", { class: "cc-choices" }, choice("yes", "answer.yes"), choice("no", "answer.no"), choice("", "answer.unknown")),
        needed, err);
    } else if (f.kind === "birth") {
      wrap = this.buildBirth(id, helpId, neededId, errId, needed, err);
    } else {
      let control;
      if (f.kind === "select" || f.kind === "campaign") {
        const opts = [h("option", { value: "" }, this.t("answer.unknown-option"))];
        const addOpt = (parent, v) => parent.append(h("option", { value: v, selected: value === v },
          f.kind === "campaign" ? this.campaignLabel(v) : this.t(this.optionKey(f.optionKey ? "region" : path, v))));
        const frag = h("select", { id: `${id}-c`, "data-path": path, "data-kind": "select", "aria-describedby": describedBy }, opts);
        if (f.kind === "campaign") {
          const list = this.campaigns();
          if (value && !list.includes(value)) list.unshift(value);
          for (const v of list) addOpt(frag, v);
        } else if (f.groups) {
          for (const g of f.groups) {
            const og = h("optgroup", { label: this.t(g.label) });
            for (const v of g.values) addOpt(og, v);
            frag.append(og);
          }
        } else {
          for (const v of f.options) addOpt(frag, v);
        }
        control = frag;
      } else if (f.kind === "date") {
        control = h("input", { type: "date", id: `${id}-c`, "data-path": path, "data-kind": "date", value: value || "", min: "1900-01-01", max: "2100-12-31", "aria-describedby": describedBy });
      }
      wrap = h("div", { class: "cc-field", id },
        h("label", { for: `${id}-c` }, this.t(labelKey)), help, control, needed, err);
    }
    wrap.dataset.field = path;
    return wrap;
  },

  buildBirth(id, helpId, neededId, errId, needed, err) {
    const p = this.p;
    const name = `${p}r-birth`;
    const mode = this.birthMode;
    const choice = (val, key) => h("label", { class: "cc-choice" },
      h("input", { type: "radio", name, value: val, "data-path": "@birthMode", "data-kind": "mode", checked: mode === val }),
      h("span", null, this.t(key)));
    const dateInput = h("input", { type: "date", id: `${id}-date`, "data-path": "birthDate", "data-kind": "date", value: this.state.birthDate || "", min: "1900-01-01", max: "2100-12-31", "aria-describedby": `${neededId} ${errId}` });
    const yearInput = h("input", { type: "number", id: `${id}-year`, "data-path": "birthYear", "data-kind": "year", inputmode: "numeric", min: "1900", max: "2100", step: "1", value: this.yearDraft, "aria-describedby": `${neededId} ${errId}` });
    this.birthDateBox = h("div", { class: "cc-sub", hidden: mode !== "date" }, h("label", { for: `${id}-date` }, this.t("f.birthDate")), dateInput);
    this.birthYearBox = h("div", { class: "cc-sub", hidden: mode !== "year" }, h("label", { for: `${id}-year` }, this.t("f.birthYear")), yearInput);
    return h("fieldset", { class: "cc-field cc-bool", id, "aria-describedby": `${neededId} ${errId}` },
      h("legend", null, this.t("f.birth")),
      h("div", { class: "cc-choices" }, choice("date", "birth.date"), choice("year", "birth.year"), choice("unknown", "answer.unknown")),
      this.birthDateBox, this.birthYearBox, needed, err);
  },

  /** The campaigns a summons can belong to, newest first: the year-round call-up of each year
   *  from knowledge().yearRoundFrom, spring and autumn campaigns before it (the law of the day). */
  campaigns() {
    const last = Number((this.asOf || new Date().toISOString()).slice(0, 4));
    const yearRound = Number((this.k.yearRoundFrom || "9999").slice(0, 4));
    const out = [];
    for (let y = Math.max(last, 2022); y >= 2022; y--) {
      if (y >= yearRound) out.push(String(y));
      else out.push(`${y}-autumn`, `${y}-spring`);
    }
    return out;
  },

  buildSummonses() {
    const p = this.p;
    const list = this.state.summonses;
    const known = list === undefined ? "" : list.length ? "yes" : "no";
    const name = `${p}r-summonses`;
    const choice = (val, key) => h("label", { class: "cc-choice" },
      h("input", { type: "radio", name, value: val, "data-path": "@summonses", "data-kind": "mode", checked: known === val }),
      h("span", null, this.t(key)));
    const id = `${p}f-summonses`;
    const needed = h("p", { class: "cc-needed-note", id: `${id}-needed`, hidden: true },
      h("span", { class: "cc-needed-mark", "aria-hidden": "true" }, "→ "), this.t("needed"));
    const err = h("p", { class: "cc-error-note", id: `${id}-err`, hidden: true });
    const q = h("fieldset", { class: "cc-field cc-bool", id, "data-field": "summonses", "aria-describedby": `${id}-help ${id}-needed ${id}-err` },
      h("legend", null, this.t("f.summonses")),
      h("p", { class: "cc-help", id: `${id}-help` }, this.t("help.summonses")),
      h("div", { class: "cc-choices" }, choice("yes", "answer.yes"), choice("no", "answer.no"), choice("", "answer.unknown")),
      needed, err);
    this.fields.push({ wrap: q, paths: ["summonses"] });
    this.summonsBox = h("div", { class: "cc-summonses" });
    this.renderSummonsList();
    return h("div", null, q, this.summonsBox);
  },

  renderSummonsList() {
    const p = this.p;
    this.fields = this.fields.filter((f) => !f.summons);
    const list = this.state.summonses;
    const box = this.summonsBox;
    box.replaceChildren();
    if (!Array.isArray(list) || list.length === 0) return;
    list.forEach((s, i) => {
      const fs = h("fieldset", { class: "cc-summons", id: `${p}summons-${i}` },
        h("legend", null, this.t("summons.n", { n: i + 1 })));
      for (const f of SUMMONS_FIELDS) {
        const path = `summonses[${i}].${f.key}`;
        const wrap = this.buildField(f, path, `f.summonses.${f.key}`, f.help ? `help.summonses.${f.key}` : null, s[f.key]);
        this.fields.push({ wrap, paths: [path], show: f.show ? () => f.show(this.state.summonses?.[i] || {}) : undefined, summons: true });
        fs.append(wrap);
      }
      fs.append(h("button", { type: "button", class: "cc-secondary", "data-cc": "remove-summons", "data-index": String(i) },
        this.t("summons.remove", { n: i + 1 })));
      box.append(fs);
    });
    box.append(h("button", { type: "button", class: "cc-secondary", "data-cc": "add-summons" }, this.t("summons.add")));
  },

  buildSettings() {
    const p = this.p;
    const id = `${p}f-asOf`;
    const input = h("input", { type: "date", id: `${id}-c`, "data-path": "@asOf", "data-kind": "date", value: this.asOf, min: this.k.modelledFrom, max: "2100-12-31", "aria-describedby": `${id}-help ${id}-err` });
    const wrap = h("div", { class: "cc-field", id, "data-field": "options.asOf" },
      h("label", { for: `${id}-c` }, this.t("f.asOf")),
      h("p", { class: "cc-help", id: `${id}-help` }, this.t("help.asOf")),
      input,
      h("p", { class: "cc-needed-note", hidden: true }),
      h("p", { class: "cc-error-note", id: `${id}-err`, hidden: true }));
    this.fields.push({ wrap, paths: ["options.asOf"] });
    return h("fieldset", { class: "cc-section", "data-section": "settings" },
      h("legend", null, this.t("sec.settings")), wrap);
  },

  onInput(e) {
    const el = e.target;
    const path = el.dataset?.path;
    if (!path) return;
    // Radios and selects report through "change"; text and date fields through "input".
    if (e.type === "input" && (el.type === "radio" || el.tagName === "SELECT")) return;
    if (e.type === "change" && el.type !== "radio" && el.tagName !== "SELECT" && el.dataset.kind !== "date") return;
    const kind = el.dataset.kind;
    if (kind === "bool" || kind === "mode") {
      if (!el.checked) return;
    }
    const raw = el.value;
    if (path === "@birthMode") {
      this.birthMode = raw;
      this.birthDateBox.hidden = raw !== "date";
      this.birthYearBox.hidden = raw !== "year";
    } else if (path === "@summonses") {
      const cur = this.state.summonses;
      if (raw === "yes") this.state.summonses = Array.isArray(cur) && cur.length ? cur : [{}];
      else if (raw === "no") this.state.summonses = [];
      else delete this.state.summonses;
      if ((Array.isArray(cur) ? cur.length : 0) !== (this.state.summonses?.length || 0)) this.renderSummonsList();
    } else if (path === "@asOf") {
      this.asOf = raw;
    } else if (kind === "year") {
      this.yearDraft = raw;
    } else if (kind === "bool") {
      setPath(this.state, path, raw === "yes" ? true : raw === "no" ? false : undefined);
    } else {
      setPath(this.state, path, raw === "" ? undefined : raw);
    }
    this.update();
  },

  controlFor(path) {
    const f = this.fields.find((x) => x.paths && x.paths.includes(path) && !x.wrap.hidden);
    if (!f) return null;
    return f.wrap.querySelector("input:checked, input:not([type=radio]):not([hidden]), select, input");
  },

  refreshForm() {
    const missing = new Set(this.result && !this.issues ? this.result.missingFacts : []);
    const bad = new Map();
    for (const i of this.issues || []) bad.set(i.path, i);
    const sectionVisible = new Map();
    // A question that holds an answer the engine receives stays visible, so nothing hidden
    // changes the result (service details without a service status are not sent, so they hide).
    const sent = this.caseInput();
    for (const f of this.fields) {
      if (f.isSection) continue;
      const hasValue = f.paths.some((pth) => pth !== "options.asOf" && get(sent, pth) !== undefined && pth !== "summonses")
        || (f.paths.includes("birthDate") && this.birthMode !== "unknown");
      const needed = f.paths.some((pth) => missing.has(pth));
      const issue = f.paths.map((pth) => bad.get(pth)).find(Boolean);
      const asked = (!f.show || f.show(this.state)) && (!f.section?.show || f.section.show(this.state));
      const show = asked || hasValue || needed || !!issue;
      f.wrap.hidden = !show;
      f.wrap.classList.toggle("cc-needed", needed);
      const note = f.wrap.querySelector(":scope > .cc-needed-note");
      if (note) note.hidden = !needed;
      const errNote = f.wrap.querySelector(":scope > .cc-error-note");
      if (errNote) {
        errNote.hidden = !issue;
        errNote.textContent = issue ? this.issueText(issue) : "";
      }
      for (const c of f.wrap.querySelectorAll("input, select")) {
        if (issue) c.setAttribute("aria-invalid", "true");
        else c.removeAttribute("aria-invalid");
      }
      if (f.section && show) sectionVisible.set(f.section.id, true);
    }
    for (const f of this.fields) {
      if (!f.isSection) continue;
      const own = !f.section.show || f.section.show(this.state) || sectionVisible.get(f.section.id);
      f.wrap.hidden = !own;
    }
  },
};
