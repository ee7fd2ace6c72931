// One text field of an item: edit, then Save. If someone else saves first, the person's text is kept
// and shown beside theirs, and they choose which to keep.

import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import { type FieldEdit, isDirty } from "../../fieldSync";
import { dateTime } from "../../labels";
import { useNameOf } from "../../panelContext";
import type { Problem } from "../../types";
import { Alert } from "../Alert";
import { TextArea } from "../fields";
import { ConflictNotice, Hidden } from "./ConflictNotice";

export interface EditActions {
  onDraft: (text: string) => void;
  onSave: () => void;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}

export function FieldEditor({ label, edit, maxLength, rows, busy, problem, justSaved, actions }: {
  label: string;
  edit: FieldEdit;
  maxLength: number;
  rows: number;
  busy: boolean;
  problem: Problem | null;
  justSaved: boolean;
  actions: EditActions;
}) {
  const id = useId();
  const dirty = isDirty(edit);

  return (
    <div class={`field-editor${edit.theirs ? " in-conflict" : ""}`} data-field={edit.base.field}>
      <div class={edit.theirs ? "side-by-side" : ""}>
        <TextArea label={label} value={edit.draft} onInput={actions.onDraft} rows={rows} maxLength={maxLength}
          describedBy={`${id}-meta${edit.theirs ? ` ${id}-conflict` : ""}`} />
        {edit.theirs && (
          <Theirs id={`${id}-theirs`} edit={edit}>
            <div class="pre theirs-text" data-testid="theirs-text">{edit.theirs.text || "(empty)"}</div>
          </Theirs>
        )}
      </div>
      <ConflictNotice id={`${id}-conflict`} edit={edit} label={label} busy={busy}
        onKeepMine={actions.onKeepMine} onTakeTheirs={actions.onTakeTheirs} />
      <SaveRow id={`${id}-meta`} edit={edit} dirty={dirty} label={label} busy={busy} justSaved={justSaved} onSave={actions.onSave} />
      <Alert problem={problem} />
    </div>
  );
}

/** Their version, read-only, beside the person's own. */
export function Theirs({ id, edit, children }: { id: string; edit: FieldEdit; children: ComponentChildren }) {
  const nameOf = useNameOf();
  const t = edit.theirs;
  if (!t) return null;
  const by = nameOf(t.editedBy, t.editedByName);
  return (
    <div class="theirs" role="group" aria-labelledby={id}>
      <p id={id} class="theirs-label">
        Their version{by ? ` by ${by}` : ""}{t.editedAt ? `, ${dateTime(t.editedAt)}` : ""}
      </p>
      {children}
    </div>
  );
}

/** Who saved last, whether there are unsaved changes, and the Save button. */
export function SaveRow({ id, edit, dirty, label, busy, justSaved, onSave, saveText = "Save" }: {
  id: string;
  edit: FieldEdit;
  dirty: boolean;
  label: string;
  busy: boolean;
  justSaved: boolean;
  onSave: () => void;
  saveText?: string;
}) {
  const nameOf = useNameOf();
  const by = nameOf(edit.base.editedBy, edit.base.editedByName);
  return (
    <div class="field-footer">
      <p id={id} class="hint">
        {by
          ? `Last saved by ${by}${edit.base.editedAt ? `, ${dateTime(edit.base.editedAt)}` : ""}.`
          : ""}
        {dirty ? " Unsaved changes." : ""}
      </p>
      {!edit.theirs && (
        <button type="button" class="small" onClick={onSave} aria-disabled={busy ? "true" : undefined}>
          {saveText}{saveText === "Save" && <Hidden>{` ${label}`}</Hidden>}
        </button>
      )}
      <span role="status" class="saved-note">{justSaved && !dirty ? "Saved." : ""}</span>
    </div>
  );
}
