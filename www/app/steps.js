// The guided path on narrow screens (issue 13): one group of questions per step with its
// progress ("Step 2 of 8"), Back and Next, a "check your answers" step that lists what was given
// and what was left as "I don't know" (each group with a way back to its step), then the result.
// Wide screens keep the form beside the result; the same form serves both, only shown a step at
// a time here. Also the answers as a list (the check step, the memo and the copied summary).
// Methods of the tool (tool.js).
import { h } from "./dom.js";
import { get } from "./paths.js";
import { SECTIONS, SUMMONS_FIELDS } from "./questions.js";

// Narrower than this, the page guides (the viewport: a phone, or a narrow window).
export const NARROW = "(max-width: 699.98px)";
const CHECK = "check";
const RESULT = "result";

export const stepsMethods = {
  /** Whether the viewport is narrow enough for the guided path. */
  narrow() {
    return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(NARROW).matches;
  },

  /** Follows the viewport: a window made narrower starts guiding at the first step, and wider stops. */
  watchWidth() {
    if (this.widthWatch || typeof window === "undefined" || typeof window.matchMedia !== "function") return;
    this.widthWatch = window.matchMedia(NARROW);
    this.widthWatch.addEventListener("change", () => {
      if (!this.root || this.leaving) return;
      this.guided = this.widthWatch.matches;
      this.applyStep();
    });
  },

  /** The question steps asked now: the form's sections that are not hidden. */
  questionSteps() {
    return SECTIONS.filter((s) => {
      // By the section, not its id: the memo in another language draws with ids of its own.
      const fs = this.root.querySelector(`.cc-form > .cc-section[data-section="${s.id}"]`);
      return fs && !fs.hidden;
    }).map((s) => s.id);
  },

  /** Every step in order: the questions, the check of the answers, the result. */
  steps() {
    return [...this.questionSteps(), CHECK, RESULT];
  },

  /** The navigation of the guided path (built with the form; shown only when guiding). */
  buildSteps() {
    const p = this.p;
    this.stepProgress = h("p", { class: "cc-step-progress", "data-cc": "step-progress" });
    this.stepHeading = this.heading(3, { id: `${p}step-h`, class: "cc-step-h", tabindex: "-1", "data-cc": "step-heading" });
    this.stepHead = h("div", { class: "cc-step-head cc-guided-only" }, this.stepProgress, this.stepHeading);
    this.checkBox = h("div", { class: "cc-check cc-guided-only", "data-cc": "check" });
    this.stepBack = h("button", { type: "button", class: "cc-secondary", "data-cc": "step-back" }, this.t("guided.back"));
    this.stepNext = h("button", { type: "button", class: "cc-step-next", "data-cc": "step-next" });
    this.stepNav = h("div", { class: "cc-step-nav cc-guided-only", "data-cc": "step-nav" }, this.stepBack, this.stepNext);
    this.stepEdit = h("p", { class: "cc-step-edit cc-guided-only" },
      h("button", { type: "button", class: "cc-secondary", "data-cc": "step-edit" }, this.t("guided.edit")));
  },

  /** Shows the current step (or everything, when not guiding); `focus` moves focus to its heading. */
  applyStep({ focus = false } = {}) {
    const root = this.root;
    if (!root || !this.stepHead) return;
    const guided = !!this.guided;
    root.classList.toggle("cc-guided", guided);
    const steps = this.steps();
    if (!steps.includes(this.stepId)) this.stepId = steps[0];
    const step = this.stepId;
    if (guided) root.dataset.step = step;
    else delete root.dataset.step;
    for (const fs of root.querySelectorAll(".cc-form > .cc-section")) {
      const id = fs.dataset.section;
      fs.classList.toggle("cc-step-off", guided && (id === "settings" ? step !== CHECK : id !== step));
    }
    root.querySelector(".cc-form-col")?.classList.toggle("cc-step-off", guided && step === RESULT);
    root.querySelector(".cc-results")?.classList.toggle("cc-step-off", guided && step !== RESULT);
    if (!guided) return;
    const questions = steps.length - 1;
    const n = steps.indexOf(step) + 1;
    if (step !== RESULT) this.stepProgress.textContent = this.t("guided.progress", { n: this.fmtNum(n), total: this.fmtNum(questions) });
    this.stepHeading.textContent = step === CHECK ? this.t("guided.check") : step === RESULT ? "" : this.t(`sec.${step}`);
    this.stepBack.hidden = n === 1;
    this.stepNext.textContent = this.t(step === CHECK ? "guided.show-result" : "guided.next");
    if (step === CHECK) this.renderCheck();
    else this.checkBox.replaceChildren();
    if (!focus) return;
    if (step === RESULT) {
      const heading = root.querySelector(`#${this.p}results-h`);
      heading?.scrollIntoView({ block: "start" });
      heading?.focus({ preventScroll: true });
    } else {
      this.stepHead.scrollIntoView({ block: "start" });
      this.stepHeading.focus({ preventScroll: true });
    }
  },

  /** Goes to a step; arriving at the result, it is announced once (the live region, politely). */
  goStep(id) {
    if (!this.steps().includes(id)) return;
    const was = this.stepId;
    this.stepId = id;
    if (id === RESULT && was !== RESULT) {
      this.announced = "";
      if (this.result && !this.issues) this.announce();
    }
    this.applyStep({ focus: true });
  },

  /** Next or Back (delta +1 or -1). */
  moveStep(delta) {
    const steps = this.steps();
    const i = steps.indexOf(this.stepId);
    const next = steps[Math.max(0, Math.min(steps.length - 1, i + delta))];
    if (next) this.goStep(next);
  },

  /** The step that asks a question (a control or a field's path), for a way back to it. */
  stepOf(el) {
    const fs = el?.closest?.(".cc-form > .cc-section");
    if (!fs) return null;
    return fs.dataset.section === "settings" ? CHECK : fs.dataset.section;
  },

  /**
   * The answers as they stand, by question step: [{ section, rows: [{ label, value }] }], value
   * the answer as it reads or null when left as "I don't know". Only the questions asked now
   * (those shown in the form).
   */
  answerGroups() {
    const input = this.caseInput();
    const shown = (f) => f.wrap && !f.wrap.hidden;
    const value = (path) => {
      const v = get(input, path);
      return v === undefined ? null : this.fmtValue(path, v);
    };
    const groups = [];
    for (const id of this.questionSteps()) {
      const rows = [];
      if (id === "summonses") {
        const list = input.summonses;
        rows.push({ label: this.t("f.summonses"), value: list === undefined ? null : this.t(list.length ? "answer.yes" : "answer.no") });
        (list || []).forEach((s, i) => {
          for (const f of SUMMONS_FIELDS) {
            const path = `summonses[${i}].${f.key}`;
            const field = this.fields.find((x) => x.summons && x.paths[0] === path);
            if (field && !shown(field)) continue;
            rows.push({ label: this.fieldLabel(path), value: s[f.key] === undefined ? null : this.fmtValue(path, s[f.key]) });
          }
        });
      } else {
        for (const f of this.fields) {
          if (f.isSection || f.section?.id !== id || !shown(f)) continue;
          const path = f.paths[0];
          if (path === "birthDate") {
            const b = input.birthDate ?? input.birthYear;
            rows.push({ label: this.t("f.birth"), value: b === undefined ? null : this.fmtValue(input.birthDate ? "birthDate" : "birthYear", b) });
          } else {
            rows.push({ label: this.fieldLabel(path), value: value(path) });
          }
        }
      }
      groups.push({ section: id, rows });
    }
    return groups;
  },

  /** A list of the answers (the check step, with a way back to each step; the memo, without). */
  answersList(groups, { links = false } = {}) {
    return groups.map((g) => h("div", { class: "cc-answers-group", "data-answers": g.section },
      h("p", { class: "cc-answers-h" }, h("strong", null, this.t(`sec.${g.section}`))),
      h("dl", { class: "cc-answers" }, g.rows.flatMap((r) => [
        h("dt", null, r.label),
        r.value === null
          ? h("dd", { class: "cc-unknown", "data-unknown": "" }, this.t("answer.unknown"))
          : h("dd", null, r.value),
      ])),
      links ? h("p", null, h("button", { type: "button", class: "cc-link", "data-cc": "step-goto", "data-step": g.section },
        this.t("guided.change", { section: this.t(`sec.${g.section}`) }))) : null));
  },

  /** The check step: what was given, what was left as "I don't know", a way back to each step. */
  renderCheck() {
    const groups = this.answerGroups();
    const unknown = groups.reduce((n, g) => n + g.rows.filter((r) => r.value === null).length, 0);
    this.checkBox.replaceChildren(
      h("p", { class: "cc-help" }, this.t("guided.check-intro", { n: this.fmtNum(unknown) })),
      ...this.answersList(groups, { links: true }));
  },

  /** The guided path's buttons (tool.js onClick). */
  onStepClick(action, target) {
    if (action === "step-next") this.moveStep(1);
    else if (action === "step-back") this.moveStep(-1);
    else if (action === "step-edit") this.goStep(CHECK);
    else if (action === "step-goto") this.goStep(target.dataset.step);
    else return false;
    return true;
  },
};
