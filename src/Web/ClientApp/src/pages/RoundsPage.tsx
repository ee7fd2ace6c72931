// /panels/:panelId/rounds — review rounds: open one (over a statement and status, or items picked from the bank),
// see which items could not enter and why, close a round with confirmation, and go to a round's results.

import { useState } from "preact/hooks";
import { Alert, Notice } from "../components/Alert";
import { CloseRound } from "../components/CloseRound";
import { Checkbox, RadioGroup, Select, TextInput } from "../components/fields";
import { LoadError, Loading } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { invoke } from "../hub";
import { dateTime, itemTitle, roundStatusLabels, statementLabel, statusLabels } from "../labels";
import { useHubEvent } from "../live";
import type { ItemStatus, ItemSummary, Outcome, PanelView, Problem, RoundRefusal, RoundSummary, RoundView } from "../types";
import { joinPanel, useLiveData } from "../useLive";

interface Data {
  panel: PanelView;
  rounds: RoundSummary[];
  items: ItemSummary[];
}

export function upsertRound(rounds: RoundSummary[], round: RoundSummary): RoundSummary[] {
  return [...rounds.filter((r) => r.roundId !== round.roundId), round].sort((a, b) => a.number - b.number);
}

function summaryOf(round: RoundView): RoundSummary {
  return {
    roundId: round.roundId, number: round.number, name: round.name, status: round.status, items: round.itemIds.length,
    openedAt: round.openedAt, closedAt: round.closedAt,
  };
}

export function RoundsPage({ panelId }: { panelId: string }) {
  const { data, setData, problem, reload } = useLiveData<Data>(async (): Promise<Outcome<Data>> => {
    const panel = await joinPanel(panelId);
    if (!panel.ok) return panel;
    const rounds = await invoke("ListRounds", panelId);
    if (!rounds.ok) return rounds;
    const bank = await invoke("ListItems", panelId, null, null);
    if (!bank.ok) return bank;
    return { ok: true, value: { panel: panel.value, rounds: rounds.value, items: bank.value.items }, error: null };
  });

  useHubEvent("roundChanged", (round) => setData((d) => ({ ...d, rounds: upsertRound(d.rounds, round) })));
  const onItem = (summary: ItemSummary) => {
    if (summary.panelId !== panelId) return;
    setData((d) => ({ ...d, items: [...d.items.filter((i) => i.itemId !== summary.itemId), summary] }));
  };
  useHubEvent("itemSummary", onItem);
  useHubEvent("itemCreated", onItem);
  useHubEvent("itemsImported", (e) => {
    if (e.panelId === panelId) void reload();
  });

  const panel = data?.panel;
  const facilitator = panel?.myRole === "facilitator";
  const base = `/panels/${encodeURIComponent(panelId)}`;

  return (
    <>
      <PageHeading title={panel ? `Rounds — ${panel.name}` : "Rounds"} />
      {problem && !data && <LoadError problem={problem} onRetry={reload} />}
      {problem && data && <Alert problem={problem} />}
      {!problem && !data && <Loading what="the rounds" />}
      {data && panel && (
        <>
          <p class="hint">
            A round takes items into review: experts rate them, each seeing the others' ratings only after giving their own.
            Closing the round freezes the ratings and decides each item by the panel's <a href={`${base}/review`}>review settings</a>.
          </p>
          {facilitator && (
            <OpenRoundForm panel={panel} items={data.items}
              onOpened={(round) => setData((d) => ({ ...d, rounds: upsertRound(d.rounds, summaryOf(round)) }))} />
          )}
          <section aria-labelledby="rounds-heading">
            <h2 id="rounds-heading">All rounds</h2>
            {data.rounds.length === 0 ? <p>No round has been opened yet.</p> : (
              <div class="table-scroll" role="region" aria-label="Rounds table" tabIndex={0}>
                <table data-testid="rounds-table">
                  <caption>Rounds of {panel.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Round</th>
                      <th scope="col">Status</th>
                      <th scope="col" class="num">Items</th>
                      <th scope="col">Opened</th>
                      <th scope="col">Closed</th>
                      {facilitator && <th scope="col">Actions</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {[...data.rounds].reverse().map((r) => (
                      <tr key={r.roundId} data-round-id={r.roundId}>
                        <th scope="row"><a href={`${base}/rounds/${encodeURIComponent(r.roundId)}`}>{r.name}</a></th>
                        <td>{roundStatusLabels[r.status]}</td>
                        <td class="num">{r.items}</td>
                        <td>{dateTime(r.openedAt)}</td>
                        <td>{r.closedAt ? dateTime(r.closedAt) : "—"}</td>
                        {facilitator && (
                          <td>
                            {r.status === "open" ? (
                              <CloseRound roundId={r.roundId} name={r.name} items={r.items}
                                onClosed={(round) => setData((d) => ({ ...d, rounds: upsertRound(d.rounds, summaryOf(round)) }))} />
                            ) : r.status === "closed" ? <a href={`${base}/rounds/${encodeURIComponent(r.roundId)}`}>Results<span class="visually-hidden"> of {r.name}</span></a> : "Closing…"}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

const statusChoices: { value: string; label: string }[] = [
  { value: "", label: "Drafts and items needing revision" },
  { value: "draft", label: "Drafts only" },
  { value: "needsRevision", label: "Items needing revision only" },
  { value: "agreed", label: "Agreed items (to review again)" },
];

const canEnter = (s: ItemStatus) => s === "draft" || s === "needsRevision" || s === "agreed";

function OpenRoundForm({ panel, items, onOpened }: { panel: PanelView; items: ItemSummary[]; onOpened: (round: RoundView) => void }) {
  const [name, setName] = useState("");
  const [mode, setMode] = useState<"filter" | "pick">("filter");
  const [statementId, setStatementId] = useState("");
  const [status, setStatus] = useState("");
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [opened, setOpened] = useState<RoundView | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = items.filter((i) => canEnter(i.status)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const base = `/panels/${encodeURIComponent(panel.panelId)}`;

  function toggle(id: string, on: boolean) {
    setPicked((p) => {
      const next = new Set(p);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    setOpened(null);
    const next: Record<string, string> = {};
    if (name.length > 100) next.name = "A round name can be at most 100 characters.";
    if (mode === "pick" && picked.size === 0) next.itemIds = "Pick at least one item.";
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    const result = await invoke("OpenRound", panel.panelId, mode === "pick"
      ? { name: name.trim() || null, itemIds: [...picked], statementId: null, status: null }
      : { name: name.trim() || null, itemIds: null, statementId: statementId || null, status: (status || null) as ItemStatus | null });
    setBusy(false);
    if (result.ok) {
      setOpened(result.value);
      setPicked(new Set());
      setName("");
      onOpened(result.value);
    } else if (result.error.field === "name" || (result.error.field === "itemIds" && mode === "pick")) {
      setErrors({ [result.error.field]: result.error.message });
    } else {
      setProblem(result.error);
    }
  }

  return (
    <form class="panel-box" onSubmit={submit} noValidate aria-labelledby="open-round-heading" data-testid="open-round-form">
      <h2 id="open-round-heading">Open a round</h2>
      <TextInput label="Round name" optional value={name} onInput={setName} maxLength={100} error={errors.name}
        hint={`Leave empty for "Round ${panel.rounds.length + 1}".`} />
      <RadioGroup legend="Which items" value={mode} onChange={(v) => setMode(v as "filter" | "pick")}
        choices={[{ value: "filter", label: "Every item of a statement and status" }, { value: "pick", label: "Items I pick from the bank" }]} />
      {mode === "filter" ? (
        <div class="filters">
          <Select label="Statement" value={statementId} onChange={setStatementId}
            choices={[{ value: "", label: "Every statement" }, ...panel.framework.statements.map((s) => ({ value: s.id, label: `${s.number}. ${s.title}` }))]} />
          <Select label="Status" value={status} onChange={setStatus} choices={statusChoices} />
        </div>
      ) : (
        <fieldset class={errors.itemIds ? "has-error" : undefined} aria-describedby="pick-count">
          <legend>Items to review</legend>
          <p id="pick-count" class="hint" aria-live="polite">
            {picked.size} of {candidates.length} chosen. Drafts, items needing revision and agreed items can enter a round.
          </p>
          {candidates.length === 0 ? <p>No item can enter a round now.</p> : (
            <ul class="pick-list">
              {candidates.map((i) => (
                <li key={i.itemId}>
                  <Checkbox label={`${itemTitle(i.title)} (${statusLabels[i.status]}; ${statementLabel(panel.framework, i.statementId)})`}
                    checked={picked.has(i.itemId)} onChange={(on) => toggle(i.itemId, on)} />
                </li>
              ))}
            </ul>
          )}
          {errors.itemIds && <p class="field-error" role="alert">{errors.itemIds}</p>}
        </fieldset>
      )}
      <Alert problem={problem} />
      <button type="submit" aria-disabled={busy ? "true" : undefined}>Open round</button>
      {opened && (
        <div data-testid="round-opened">
          <Notice>
            {opened.name} is open with {opened.itemIds.length} {opened.itemIds.length === 1 ? "item" : "items"}.{" "}
            <a href={`${base}/rounds/${encodeURIComponent(opened.roundId)}`}>See {opened.name}</a>.
          </Notice>
          {opened.refused.length > 0 && <Refusals refused={opened.refused} base={base} />}
        </div>
      )}
    </form>
  );
}

export function Refusals({ refused, base }: { refused: RoundRefusal[]; base: string }) {
  return (
    <section aria-labelledby="refused-heading" data-testid="refused">
      <h3 id="refused-heading">{refused.length} {refused.length === 1 ? "item" : "items"} could not enter the round</h3>
      <ul>
        {refused.map((r) => (
          <li key={r.itemId}>
            <a href={`${base}/items/${encodeURIComponent(r.itemId)}`}>{itemTitle(r.title)}</a>:{" "}
            {r.problems.map((p) => p.message).join(" ")}
          </li>
        ))}
      </ul>
    </section>
  );
}
