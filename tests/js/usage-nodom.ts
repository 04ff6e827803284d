// Type-checked by tests/js/types.test.mjs with "lib": ["es2022"] and no @types at all (no DOM,
// no WebAssembly, no Node): the package's declarations must stand on their own. Also the
// error types: issues[].code is a literal union, suggestion is typed, isAssessError narrows.
import init, { initSync, reset, assess, expand, knowledge, convert, isAssessError, loadLanguage, isLanguageLoaded, MAX_JSON_LENGTH } from "../../pkg/conscription_check.js";
import type { AssessError, Assessment, CompactAssessment, Finding, Issue, IssueCode } from "../../pkg/conscription_check.js";

declare const bytes: Uint8Array;
initSync({ module: bytes });
initSync({ module: bytes.buffer as ArrayBuffer });
void init();
void init({ module_or_path: "/assets/conscription_check_bg.wasm" });
void init({ languages: ["ru"], texts: { ru: "/assets/ru.bin" } });
initSync({ module: bytes, texts: { en: bytes, fr: bytes.buffer as ArrayBuffer } });
const ready: Promise<void> = loadLanguage("de");
void ready;
void loadLanguage("fr", bytes);
const loaded: boolean = isLanguageLoaded("ru");
void loaded;
// @ts-expect-error: not a language
void loadLanguage("es");
// @ts-expect-error: not a language
void init({ languages: ["es"] });
reset();

// The compact form: the overload gives CompactAssessment, whose lists hold keys; expand gives
// the Assessment back.
const compact: CompactAssessment = assess({}, { asOf: "2025-11-01", output: "compact" });
const key: string | undefined = compact.deferral.findings[0];
const indexed: Finding | undefined = key === undefined ? undefined : compact.findings[key];
const sourceId: string | undefined = compact.sources[0];
const full: Assessment = expand(compact);
const text: string | undefined = full.deferral.grounds[0]?.findings[0]?.text;
void [indexed, sourceId, text];
// @ts-expect-error: the full form's findings are objects, not keys
const notKey: string | undefined = assess({}, { asOf: "2025-11-01" }).deferral.findings[0];
// @ts-expect-error: not an output form
void assess({}, { output: "ids" });
void notKey;

try {
  assess({ birthDate: "2001-04-12" }, { asOf: "2025-11-01" });
  void knowledge().reportDate;
  void convert(1, "EUR");
} catch (e: unknown) {
  if (isAssessError(e)) {
    const first: Issue | undefined = e.issues[0];
    const code: IssueCode | undefined = first?.code;
    const hint: string | undefined = first?.suggestion;
    const name: "AssessError" = e.name;
    const err: AssessError = e;
    if (code === "unknown-field" || code === "too-many-issues" || code === "too-large" || code === "language-not-loaded") void hint;
    // @ts-expect-error: not an issue code
    if (code === "no-such-code") void 0;
    void [name, err, MAX_JSON_LENGTH];
  }
  // @ts-expect-error: unknown has no issues before narrowing
  void e.issues;
}
