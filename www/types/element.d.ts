// The custom element (import "conscription-check/element"): importing it defines
// <conscription-check>. Attributes, theming and events are described in element.js and the
// package README. These declarations need the DOM lib (the element is for browsers).
// (In the package this file sits beside conscription_check.d.ts, www/types/api.d.ts.)
import type { Assessment, CaseInput } from "./conscription_check.js";

export declare class ConscriptionCheckElement extends HTMLElement {
  /**
   * The case. Reading it needs the share-statuses attribute (else null); setting it replaces
   * the answers and throws the engine's AssessError for a case it refuses.
   */
  get case(): CaseInput | null;
  set case(input: CaseInput | null);
  /** The tool's current language ("en" | "fr" | "de" | "ru"), or null before it is ready. */
  readonly language: "en" | "fr" | "de" | "ru" | null;
}
/** detail of the element's "change" event: the assessment only with share-statuses. */
export interface ChangeDetail {
  lang: "en" | "fr" | "de" | "ru";
  assessment?: Assessment;
}
declare global {
  interface HTMLElementTagNameMap {
    "conscription-check": ConscriptionCheckElement;
  }
}
