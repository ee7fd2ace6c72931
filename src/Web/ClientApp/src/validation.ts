// Client-side checks that mirror the server's (docs/api.md, Limits). The server still decides;
// these only save a round trip and put the message next to the field sooner.

import type { Rating } from "./types";

export const limits = {
  stem: 4_000,
  rationale: 4_000,
  option: 600,
  vignette: 12_000,
  comment: 4_000,
  reason: 1_000,
  note: 1_000,
} as const;

// Control characters other than line breaks and tabs (the server uses char.IsControl).
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function checkText(label: string, text: string, max: number, required: boolean): string | null {
  if (required && !text.trim()) return `${label} is required.`;
  if (text.length > max) return `${label} can be at most ${max.toLocaleString("en-GB")} characters (it has ${text.length.toLocaleString("en-GB")}).`;
  if (controlChars.test(text)) return `${label} contains a control character; remove it and try again.`;
  return null;
}

export function maxLengthFor(field: string): number {
  if (field === "stem") return limits.stem;
  if (field === "rationale") return limits.rationale;
  if (field === "vignette") return limits.vignette;
  return limits.option;
}

/** The panel's rule: "not necessary", relevance or clarity 1-2 and disagreeing with the key need a reason. */
export function ratingNeedsReason(r: Pick<Rating, "essentiality" | "relevance" | "keyCorrect" | "clarity">): boolean {
  return r.essentiality === "notNecessary" || (!!r.relevance && r.relevance <= 2) || (!!r.clarity && r.clarity <= 2)
    || r.keyCorrect === false;
}
