// The item's key(s), revisioned like a text field ("0,2,5").

import { useId } from "preact/hooks";
import { type FieldEdit, isDirty } from "../../fieldSync";
import { optionLetters } from "../../labels";
import type { ItemKind, Problem } from "../../types";
import { Alert } from "../Alert";
import { KeyChoices } from "../KeyChoices";
import { ConflictNotice } from "./ConflictNotice";
import { type EditActions, SaveRow, Theirs } from "./FieldEditor";

export function parseKeys(text: string): number[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean).map(Number).filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
}

export function keysText(keys: number[]): string {
  return [...keys].sort((a, b) => a - b).join(",");
}

export function letters(keys: number[]): string {
  return keys.length ? keys.map((k) => optionLetters[k] ?? String(k)).join(", ") : "none";
}

export function KeysEditor({ kind, edit, options, busy, problem, error, justSaved, actions }: {
  kind: ItemKind;
  edit: FieldEdit;
  options: string[];
  busy: boolean;
  problem: Problem | null;
  error: string | null;
  justSaved: boolean;
  actions: EditActions;
}) {
  const id = useId();
  const label = "Keys";
  return (
    <div class="field-editor" data-field="keys">
      <div class={edit.theirs ? "side-by-side" : ""}>
        <KeyChoices kind={kind} keys={parseKeys(edit.draft)} onChange={(k) => actions.onDraft(keysText(k))} error={error}
          options={options} />
        <Theirs id={`${id}-theirs`} edit={edit}>
          <p class="theirs-text">Their key{kind === "multipleResponse" ? "s" : ""}: {letters(parseKeys(edit.theirs?.text ?? ""))}</p>
        </Theirs>
      </div>
      <ConflictNotice id={`${id}-conflict`} edit={edit} label={label} busy={busy}
        onKeepMine={actions.onKeepMine} onTakeTheirs={actions.onTakeTheirs} />
      <SaveRow id={`${id}-meta`} edit={edit} dirty={isDirty(edit)} label={label} busy={busy} justSaved={justSaved}
        onSave={actions.onSave} saveText="Save keys" />
      <Alert problem={problem} />
    </div>
  );
}
