// The item's place in its life cycle: its status, every move with who, when and why (overrides marked), and the
// moves the person may make by hand (docs: ItemLifecycle). Items enter and leave review only through rounds.

import { useState } from "preact/hooks";
import { invoke } from "../../hub";
import { dateTime, statusLabels } from "../../labels";
import { useNameOf } from "../../panelContext";
import type { ItemStatus, ItemSummary, Problem, RoundSummary, StatusChange } from "../../types";
import { checkText, limits } from "../../validation";
import { Alert, Notice } from "../Alert";
import { RadioGroup, TextArea } from "../fields";

interface Move {
  to: ItemStatus;
  label: string;
  needsReason: boolean;
}

/** The moves by hand that the server allows this person (mirrors ItemLifecycle.CheckManual). */
export function movesFor(status: ItemStatus, facilitator: boolean, author: boolean): Move[] {
  const moves: Move[] = [];
  const add = (to: ItemStatus, label: string, needsReason: boolean) => moves.push({ to, label, needsReason });
  switch (status) {
    case "draft":
      if (facilitator || author) add("withdrawn", "Withdraw the item", true);
      break;
    case "needsRevision":
      if (facilitator || author) add("draft", "Back to draft", false);
      if (facilitator) add("agreed", "Override: mark agreed (the round's rules said needs revision)", true);
      if (facilitator) add("withdrawn", "Withdraw the item", true);
      break;
    case "agreed":
      if (facilitator) add("final", "Mark final", false);
      if (facilitator) add("needsRevision", "Override: send back for revision (the round's rules said agreed)", true);
      if (facilitator) add("withdrawn", "Withdraw the item", true);
      break;
    case "final":
      if (facilitator) add("agreed", "Take out of final (back to agreed)", true);
      break;
    case "withdrawn":
      if (facilitator) add("draft", "Back to draft", false);
      break;
    default:
      break;
  }
  return moves;
}

export function StatusSection({ summary, history, rounds, facilitator, author, onChanged }: {
  summary: ItemSummary;
  history: StatusChange[];
  rounds: RoundSummary[];
  facilitator: boolean;
  author: boolean;
  onChanged: (summary: ItemSummary) => void;
}) {
  const moves = movesFor(summary.status, facilitator, author);
  return (
    <section aria-labelledby="status-heading" class="status-section">
      <h2 id="status-heading">Status: <span data-testid="item-status">{statusLabels[summary.status]}</span></h2>
      {summary.status === "inReview" && (
        <p>The item is in an open review round; it leaves review when a facilitator closes the round, by the panel's rules.</p>
      )}
      <History history={history} rounds={rounds} />
      {moves.length > 0 && <StatusForm summary={summary} moves={moves} onChanged={onChanged} />}
    </section>
  );
}

function History({ history, rounds }: { history: StatusChange[]; rounds: RoundSummary[] }) {
  const nameOf = useNameOf();
  const roundName = (id: string | null) => (id ? rounds.find((r) => r.roundId === id)?.name ?? "a round" : null);
  if (history.length === 0) return <p>No changes of status yet: the item has been a draft since it was written.</p>;
  return (
    <div class="table-scroll" role="region" aria-label="Status history" tabIndex={0}>
      <table data-testid="status-history">
        <caption>Status history, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Change</th>
            <th scope="col">How</th>
            <th scope="col">By</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h, i) => {
            const round = roundName(h.roundId);
            const how = h.override ? "Override of the round's decision"
              : round ? (h.to === "inReview" ? `${round} opened` : `${round} closed: by the panel's rules`)
              : "By hand";
            return (
              <tr key={i} class={h.override ? "override" : undefined}>
                <td>{dateTime(h.at)}</td>
                <td>{statusLabels[h.from]} → {statusLabels[h.to]}</td>
                <td>
                  {h.override ? <span class="badge badge-no"><span aria-hidden="true">⚑ </span>Override</span> : how}
                </td>
                <td>{h.byId || h.byName ? nameOf(h.byId, h.byName) || "A facilitator" : "—"}</td>
                <td class="pre">{h.reason ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function StatusForm({ summary, moves, onChanged }: { summary: ItemSummary; moves: Move[]; onChanged: (s: ItemSummary) => void }) {
  const [to, setTo] = useState<ItemStatus | null>(moves.length === 1 ? moves[0]!.to : null);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The choices follow the status; a choice that is no longer offered is dropped.
  const move = moves.find((m) => m.to === to) ?? (moves.length === 1 ? moves[0]! : null);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    setDone(null);
    const next: Record<string, string> = {};
    if (!move) next.status = "Choose what to do with the item.";
    const reasonError = checkText("The reason", reason, limits.reason, !!move?.needsReason);
    if (reasonError) next.reason = move?.needsReason && !reason.trim() ? "Give the reason; it is recorded in the item's history." : reasonError;
    setErrors(next);
    if (Object.keys(next).length || !move) return;
    setBusy(true);
    const result = await invoke("SetStatus", summary.itemId, move.to, reason.trim() || null);
    setBusy(false);
    if (result.ok) {
      setDone(`The item is now ${statusLabels[result.value.status].toLowerCase()}.`);
      setReason("");
      onChanged(result.value);
    } else if (result.error.field === "reason" || result.error.field === "status") {
      setErrors({ [result.error.field]: result.error.message });
    } else {
      setProblem(result.error);
    }
  }

  return (
    <form class="panel-box" onSubmit={submit} noValidate aria-labelledby="status-form-heading" data-testid="status-form">
      <h3 id="status-form-heading">Change the status</h3>
      <RadioGroup legend="What to do" value={move?.to ?? null} onChange={(v) => setTo(v as ItemStatus)} error={errors.status}
        choices={moves.map((m) => ({ value: m.to, label: m.label }))} />
      <TextArea label="Reason for the change" value={reason} onInput={setReason} rows={2} maxLength={limits.reason}
        required={!!move?.needsReason} optional={!move?.needsReason} error={errors.reason}
        hint={move?.needsReason ? "Required: it is recorded in the item's history, with your name." : "Recorded in the item's history."} />
      <Alert problem={problem} />
      <button type="submit" aria-disabled={busy ? "true" : undefined}>Change status</button>
      {done && <Notice>{done}</Notice>}
    </form>
  );
}
