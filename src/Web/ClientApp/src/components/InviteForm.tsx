// Invite a member: name, group, optional email and role. The returned link is shown once.

import { useState } from "preact/hooks";
import { api } from "../api";
import type { InviteResult, Problem, Role } from "../types";
import { Alert } from "./Alert";
import { Select, TextInput } from "./fields";

const limits = { name: 120, email: 254 };

export function InviteForm({ panelId, groups, onInvited }: {
  panelId: string;
  groups: string[];
  onInvited: (result: InviteResult) => void;
}) {
  const [name, setName] = useState("");
  const [group, setGroup] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("expert");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const chosenGroup = groups.includes(group) ? group : "";

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = "Enter the person's name.";
    else if (name.length > limits.name) next.name = `A name can be at most ${limits.name} characters.`;
    if (!chosenGroup) next.group = groups.length ? "Choose the person's group." : "Add a group first (below).";
    if (email.trim() && (email.length > limits.email || !/^[^\s@]+@[^\s@]+$/.test(email.trim()))) {
      next.email = "Enter a valid email address, or leave it empty.";
    }
    setErrors(next);
    setProblem(null);
    if (Object.keys(next).length) return;

    setBusy(true);
    const result = await api.invite(panelId, { name: name.trim(), group: chosenGroup, email: email.trim() || null, role });
    setBusy(false);
    if (result.ok) {
      setName("");
      setEmail("");
      onInvited(result.value);
    } else if (result.error.field && ["name", "group", "email", "role"].includes(result.error.field)) {
      setErrors({ [result.error.field]: result.error.message });
    } else {
      setProblem(result.error);
    }
  }

  return (
    <form class="panel-box" onSubmit={submit} noValidate aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a member</h2>
      <TextInput label="Name" value={name} onInput={setName} required maxLength={limits.name} error={errors.name} />
      <Select
        label="Group"
        value={chosenGroup}
        onChange={setGroup}
        required
        error={errors.group}
        choices={[{ value: "", label: groups.length ? "Choose a group" : "No groups yet" }, ...groups.map((g) => ({ value: g, label: g }))]}
      />
      <TextInput label="Email" optional type="email" value={email} onInput={setEmail} maxLength={limits.email}
        autoComplete="off" error={errors.email} />
      <Select
        label="Role"
        value={role}
        onChange={(v) => setRole(v as Role)}
        error={errors.role}
        choices={[{ value: "expert", label: "Expert" }, { value: "facilitator", label: "Facilitator" }]}
      />
      <Alert problem={problem} />
      <button type="submit" aria-disabled={busy ? "true" : undefined}>Invite</button>
    </form>
  );
}
