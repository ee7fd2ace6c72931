// The state of one revisioned field while a person edits it. Pure functions, so the rules for
// "never overwrite unsaved text silently" live in one place.
//
// base   the server's state the person's draft started from (its revision is sent with Save)
// draft  what the person has in front of them
// theirs a newer server state not taken in, because the person has unsaved text
// reason why `theirs` is shown: someone else saved ("changed"), or our save was refused ("stale")

import type { FieldState } from "./types";

export interface FieldEdit {
  base: FieldState;
  draft: string;
  theirs: FieldState | null;
  reason: "changed" | "stale" | null;
}

export function fresh(state: FieldState): FieldEdit {
  return { base: state, draft: state.text, theirs: null, reason: null };
}

export function isDirty(edit: FieldEdit): boolean {
  return edit.draft !== edit.base.text;
}

/** A newer state arrived (an event, or a reload after reconnecting). */
export function receive(edit: FieldEdit | undefined, incoming: FieldState): FieldEdit {
  if (!edit) return fresh(incoming);
  if (incoming.revision <= edit.base.revision) return edit;
  if (edit.theirs && incoming.revision <= edit.theirs.revision) return edit;
  // Nothing unsaved, or the incoming text is what the person typed (e.g. our own save echoed back).
  if (!isDirty(edit) || edit.draft === incoming.text) return fresh(incoming);
  return { ...edit, theirs: incoming, reason: edit.reason === "stale" ? "stale" : "changed" };
}

/** Our save succeeded at `state`; text typed since the save started stays as an unsaved draft. */
export function saved(edit: FieldEdit, state: FieldState): FieldEdit {
  const theirs = edit.theirs && edit.theirs.revision > state.revision ? edit.theirs : null;
  return { base: state, draft: edit.draft, theirs, reason: theirs ? edit.reason : null };
}

/** Our save was refused as stale; the server sent what the field holds now. */
export function refused(edit: FieldEdit, current: FieldState): FieldEdit {
  if (edit.draft === current.text) return fresh(current);
  return { ...edit, theirs: current, reason: "stale" };
}

/** Take their text and drop ours. */
export function takeTheirs(edit: FieldEdit): FieldEdit {
  return edit.theirs ? fresh(edit.theirs) : edit;
}

/** Keep our text on top of theirs: the next save is based on their revision. */
export function keepMine(edit: FieldEdit): FieldEdit {
  return edit.theirs ? { base: edit.theirs, draft: edit.draft, theirs: null, reason: null } : edit;
}

/** The server's current state from a stale refusal's value (docs: a FieldState; tolerate `{ current }`). */
export function currentFromStale(value: unknown): FieldState | null {
  const v = value as (FieldState & { current?: FieldState }) | null;
  if (!v || typeof v !== "object") return null;
  if (v.current && typeof v.current.revision === "number") return v.current;
  return typeof v.revision === "number" && typeof v.text === "string" ? v : null;
}
