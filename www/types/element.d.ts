// The custom element (import "conscription-check/element"): importing it defines
// <conscription-check>. Attributes, theming and events are described in element.js and the
// package README. These declarations need the DOM lib (the element is for browsers).
export declare class ConscriptionCheckElement extends HTMLElement {
  /** The tool's current language ("en" | "fr" | "de" | "ru"), or null before it is ready. */
  readonly language: "en" | "fr" | "de" | "ru" | null;
}
declare global {
  interface HTMLElementTagNameMap {
    "conscription-check": ConscriptionCheckElement;
  }
}
