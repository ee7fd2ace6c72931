// Add a group (e.g. "Frontline practitioners") that members belong to.

import { useState } from "preact/hooks";
import { api } from "../api";
import type { PanelView, Problem } from "../types";
import { Alert } from "./Alert";
import { TextInput } from "./fields";

const maxName = 60;
const maxGroups = 20;

export function GroupForm({ panelId, groups, onAdded }: { panelId: string; groups: string[]; onAdded: (panel: PanelView) => void }) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    const trimmed = name.trim();
    if (!trimmed) return setError("Enter a name for the group.");
    if (trimmed.length > maxName) return setError(`A group name can be at most ${maxName} characters.`);
    if (groups.includes(trimmed)) return setError("The panel already has this group.");
    if (groups.length >= maxGroups) return setError(`A panel can have at most ${maxGroups} groups.`);
    setError(null);
    setBusy(true);
    const result = await api.addGroup(panelId, trimmed);
    setBusy(false);
    if (result.ok) {
      setName("");
      onAdded(result.value);
    } else if (result.error.field === "name" || result.error.field === "group") {
      setError(result.error.message);
    } else {
      setProblem(result.error);
    }
  }

  return (
    <form class="panel-box" onSubmit={submit} noValidate aria-labelledby="groups-heading">
      <h2 id="groups-heading">Groups</h2>
      {groups.length ? (
        <ul class="group-list">{groups.map((g) => <li key={g}>{g}</li>)}</ul>
      ) : (
        <p>No groups yet. Add the kinds of expert on this panel, for example "Frontline practitioners".</p>
      )}
      <TextInput label="New group name" value={name} onInput={setName} required maxLength={maxName} error={error} />
      <Alert problem={problem} />
      <button type="submit" aria-disabled={busy ? "true" : undefined}>Add group</button>
    </form>
  );
}
