// Words shown for the server's codes and numbers, in one place so every page says the same thing.

import type {
  Essentiality, Framework, Instrument, ItemKind, ItemStatus, Rating, RatingStatistics, Role, RoundStatus, Statement,
} from "./types";

export const kindLabels: Record<ItemKind, string> = {
  singleBestAnswer: "Single best answer",
  multipleResponse: "Multiple response",
  scenario: "Scenario",
};

export const statusLabels: Record<ItemStatus, string> = {
  draft: "Draft",
  inReview: "In review",
  needsRevision: "Needs revision",
  agreed: "Agreed",
  final: "Final",
  withdrawn: "Withdrawn",
};

export const roleLabels: Record<Role, string> = {
  expert: "Expert",
  facilitator: "Facilitator",
};

export const essentialityLabels: Record<Essentiality, string> = {
  essential: "Essential",
  usefulNotEssential: "Useful but not essential",
  notNecessary: "Not necessary",
};

export const relevanceLabels: Record<number, string> = {
  1: "1 — not relevant",
  2: "2 — somewhat relevant",
  3: "3 — quite relevant",
  4: "4 — highly relevant",
};

export const clarityLabels: Record<number, string> = {
  1: "1 — unclear",
  2: "2 — needs major rewording",
  3: "3 — clear with minor changes",
  4: "4 — clear",
};

/** The instruments in the order the server lists them. */
export const allInstruments: Instrument[] = ["essentiality", "relevance", "keyCorrect", "clarity", "angoff"];

export const instrumentLabels: Record<Instrument, string> = {
  essentiality: "Essentiality",
  relevance: "Relevance (1-4)",
  keyCorrect: "Key correct",
  clarity: "Clarity (1-4)",
  angoff: "Angoff estimate (0-100%)",
};

/** What each instrument asks, for the settings form and the rating form's hints. */
export const instrumentHints: Record<Instrument, string> = {
  essentiality: "Lawshe: essential, useful but not essential, or not necessary. Gives the CVR.",
  relevance: "How relevant the item is to its framework statement, 1 to 4. Gives the I-CVI.",
  keyCorrect: "Whether the key is correct: agree or disagree. Questions only.",
  clarity: "How clearly the item is written, 1 to 4.",
  angoff: "The chance (0-100%) that a minimally competent practitioner answers correctly. Questions only; gives the Angoff cut score.",
};

/** True when the instrument asks about a key or an answer, which a scenario does not have. */
export function needsQuestion(instrument: Instrument): boolean {
  return instrument === "keyCorrect" || instrument === "angoff";
}

/** The panel's instruments that apply to an item of this kind, in the server's order. */
export function instrumentsFor(panel: Instrument[], kind: ItemKind): Instrument[] {
  return allInstruments.filter((i) => panel.includes(i) && (kind !== "scenario" || !needsQuestion(i)));
}

export const roundStatusLabels: Record<RoundStatus, string> = {
  open: "Open",
  closing: "Closing",
  closed: "Closed",
};

export const optionLetters = "ABCDEFGH";

/** Options per kind, and how many of them are keys (docs/api.md, ItemDraft). */
export const shape: Record<ItemKind, { options: number; keys: number }> = {
  singleBestAnswer: { options: 4, keys: 1 },
  multipleResponse: { options: 8, keys: 3 },
  scenario: { options: 0, keys: 0 },
};

/** The label of a text field: "Stem", "Option A".., "Rationale", "Vignette". */
export function fieldLabel(field: string): string {
  if (field === "stem") return "Stem";
  if (field === "rationale") return "Rationale";
  if (field === "vignette") return "Vignette";
  const m = /^option(\d)$/.exec(field);
  if (m) return `Option ${optionLetters[Number(m[1])] ?? m[1]}`;
  return field;
}

/** The text fields of an item of this kind, in display order. */
export function fieldsFor(kind: ItemKind): string[] {
  if (kind === "scenario") return ["vignette"];
  const fields = ["stem"];
  for (let i = 0; i < shape[kind].options; i++) fields.push(`option${i}`);
  fields.push("rationale");
  return fields;
}

export function findStatement(framework: Framework | undefined, id: string): Statement | undefined {
  return framework?.statements.find((s) => s.id === id);
}

export function statementLabel(framework: Framework | undefined, id: string): string {
  const s = findStatement(framework, id);
  return s ? `${s.number}. ${s.title}` : id;
}

export function decimal(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return value.toFixed(digits);
}

/** "Yes", "No", or why no judgement is possible yet (no count is significant below 5 raters). */
export function meetsCriticalText(r: RatingStatistics): string {
  if (r.raters === 0) return "No ratings yet";
  if (r.criticalEssential === null) return "Too few raters (needs 5)";
  return r.meetsCriticalValue ? "Yes" : "No";
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function itemTitle(title: string | null | undefined): string {
  return title && title.trim() ? title : "Untitled item";
}

export function percent(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || Number.isNaN(share)) return "—";
  return `${(share * 100).toFixed(digits)}%`;
}

/** A rating in words: "Essential; relevance 4; key correct (agree); clarity 3; Angoff 60%". */
export function ratingText(r: Rating): string {
  const parts: string[] = [];
  if (r.essentiality) parts.push(essentialityLabels[r.essentiality]);
  if (r.relevance) parts.push(`relevance ${relevanceLabels[r.relevance] ?? r.relevance}`);
  if (r.keyCorrect !== null && r.keyCorrect !== undefined) parts.push(r.keyCorrect ? "key correct (agree)" : "key not correct (disagree)");
  if (r.clarity) parts.push(`clarity ${clarityLabels[r.clarity] ?? r.clarity}`);
  if (r.angoff !== null && r.angoff !== undefined) parts.push(`Angoff ${r.angoff}%`);
  return parts.join("; ");
}

/** The decision of a round's close, in words. */
export function outcomeText(agreed: boolean): string {
  return agreed ? "Agreed" : "Needs revision";
}
