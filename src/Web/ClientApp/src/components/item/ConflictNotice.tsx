// Shown when a field changed on the server while the person had unsaved changes, or their save was
// refused as stale. Nothing is lost: they keep their version or take the other.

import type { ComponentChildren } from "preact";
import type { FieldEdit } from "../../fieldSync";
import { useNameOf } from "../../panelContext";

export function ConflictNotice({ id, edit, label, busy, onKeepMine, onTakeTheirs }: {
  id: string;
  edit: FieldEdit;
  label: string;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const nameOf = useNameOf();
  if (!edit.theirs) return null;
  const who = nameOf(edit.theirs.editedBy, edit.theirs.editedByName) || "Someone else";
  return (
    <div class="conflict" id={id}>
      <p role="alert">
        {edit.reason === "stale"
          ? `Not saved: ${who} saved ${label.toLowerCase()} while you were editing. Your version is kept; theirs is shown beside it.`
          : `${who} changed ${label.toLowerCase()}; your unsaved version is kept here and theirs is shown beside it.`}
      </p>
      <div class="actions">
        <button type="button" class="small" onClick={onKeepMine} aria-disabled={busy ? "true" : undefined}>
          Save mine<Hidden>{` (${label})`}</Hidden>
        </button>
        <button type="button" class="small secondary" onClick={onTakeTheirs}>
          Reload theirs<Hidden>{` (${label})`}</Hidden>
        </button>
      </div>
    </div>
  );
}

export function Hidden({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}
