// The framework statement the item is tagged to, revisioned like a text field.

import { useId } from "preact/hooks";
import { type FieldEdit, isDirty } from "../../fieldSync";
import { statementLabel } from "../../labels";
import type { Framework, Problem } from "../../types";
import { Alert } from "../Alert";
import { Select } from "../fields";
import { ConflictNotice } from "./ConflictNotice";
import { type EditActions, SaveRow, Theirs } from "./FieldEditor";

export function StatementEditor({ framework, edit, busy, problem, justSaved, actions }: {
  framework: Framework;
  edit: FieldEdit;
  busy: boolean;
  problem: Problem | null;
  justSaved: boolean;
  actions: EditActions;
}) {
  const id = useId();
  const label = "Framework statement";
  return (
    <div class="field-editor" data-field="statement">
      <div class={edit.theirs ? "side-by-side" : ""}>
        <Select label={label} value={edit.draft} onChange={actions.onDraft} required
          choices={framework.statements.map((s) => ({ value: s.id, label: `${s.number}. ${s.title}` }))} />
        <Theirs id={`${id}-theirs`} edit={edit}>
          <p class="theirs-text">{statementLabel(framework, edit.theirs?.text ?? "")}</p>
        </Theirs>
      </div>
      <ConflictNotice id={`${id}-conflict`} edit={edit} label={label} busy={busy}
        onKeepMine={actions.onKeepMine} onTakeTheirs={actions.onTakeTheirs} />
      <SaveRow id={`${id}-meta`} edit={edit} dirty={isDirty(edit)} label={label} busy={busy} justSaved={justSaved}
        onSave={actions.onSave} saveText="Save statement" />
      <Alert problem={problem} />
    </div>
  );
}
