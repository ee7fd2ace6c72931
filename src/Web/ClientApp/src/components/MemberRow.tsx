// One row of the members table with its actions. Removal asks for confirmation in place.

import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api";
import { roleLabels } from "../labels";
import type { InviteResult, MemberView, Problem } from "../types";
import { Alert } from "./Alert";

export function MemberRow({ panelId, member, isMe, showPseudonym, onChanged, onNewLink }: {
  panelId: string;
  member: MemberView;
  isMe: boolean;
  /** In a pseudonymous panel: the name other experts see this member by. */
  showPseudonym: boolean;
  onChanged: (member: MemberView) => void;
  onNewLink: (result: InviteResult) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // Keep keyboard focus on the control that replaces the one just pressed.
  const removeRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const newLinkRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (confirming ? cancelRef : removeRef).current?.focus();
  }, [confirming]);

  async function run<T>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: Problem }>, done: (value: T) => void) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await call();
    setBusy(false);
    if (result.ok) done(result.value);
    else setProblem(result.error);
  }

  const hidden = (text: string) => <span class="visually-hidden">{text}</span>;
  const linkState = member.removed ? "Removed from panel" : member.linkActive ? "Active" : "Revoked";

  return (
    <tr data-person-id={member.personId}>
      <th scope="row">{member.name}{isMe ? " (you)" : ""}</th>
      <td>{member.group}</td>
      {showPseudonym && <td>{member.pseudonym ?? "—"}</td>}
      <td>{member.email ?? ""}</td>
      <td>{roleLabels[member.role] ?? member.role}</td>
      <td>{linkState}</td>
      <td>
        {!member.removed && (
          <div class="row-actions">
            <button type="button" ref={newLinkRef} class="small" aria-disabled={busy ? "true" : undefined}
              onClick={() => run(() => api.newLink(panelId, member.personId), (r) => { onChanged(r.member); onNewLink(r); })}>
              New link{hidden(` for ${member.name}`)}
            </button>
            {member.linkActive && (
              <button type="button" class="small secondary" aria-disabled={busy ? "true" : undefined}
                onClick={() => run(() => api.revokeLink(panelId, member.personId), (m) => {
                  onChanged(m);
                  // The Revoke button disappears with the active link; keep focus in the row.
                  newLinkRef.current?.focus();
                })}>
                Revoke link{hidden(` of ${member.name}`)}
              </button>
            )}
            {isMe ? null : !confirming ? (
              <button type="button" ref={removeRef} class="small danger" aria-disabled={busy ? "true" : undefined} onClick={() => setConfirming(true)}>
                Remove{hidden(` ${member.name}`)}
              </button>
            ) : (
              <span class="confirm" role="group" aria-label={`Confirm removal of ${member.name}`}>
                <span>Remove {member.name} from the panel? Their link stops working.</span>
                <button type="button" class="small danger" aria-disabled={busy ? "true" : undefined}
                  onClick={() => run(() => api.removeMember(panelId, member.personId), (m) => { setConfirming(false); onChanged(m); })}>
                  Yes, remove{hidden(` ${member.name}`)}
                </button>
                <button type="button" ref={cancelRef} class="small secondary" onClick={() => setConfirming(false)}>
                  Cancel{hidden(` removing ${member.name}`)}
                </button>
              </span>
            )}
          </div>
        )}
        <Alert problem={problem} />
      </td>
    </tr>
  );
}
