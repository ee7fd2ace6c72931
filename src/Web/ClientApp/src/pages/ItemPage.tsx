// /panels/:panelId/items/:itemId — one item: its status and history, its text fields (edited by everyone at once,
// character by character, while it is being written or revised; read-only otherwise), keys and statement (saved
// one by one), what it still needs before review, its review (rounds, my rating, the panel's feedback), linked
// items and the discussion.

import { useEffect, useRef, useState } from "preact/hooks";
import { Alert, Notice } from "../components/Alert";
import { Discussion } from "../components/item/Discussion";
import { CollaborativeField } from "../components/item/CollaborativeField";
import { ItemFacts } from "../components/item/ItemFacts";
import { PeopleHere } from "../components/item/PeopleHere";
import { KeysEditor, keysText, parseKeys } from "../components/item/KeysEditor";
import { RequiredChecklist } from "../components/item/RequiredChecklist";
import { ReviewSection } from "../components/item/ReviewSection";
import { StatementEditor } from "../components/item/StatementEditor";
import { StatusSection } from "../components/item/StatusSection";
import { LoadError, Loading } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import {
  type FieldEdit, currentFromStale, fresh, keepMine, receive, refused, saved, takeTheirs,
} from "../fieldSync";
import { ItemEditing } from "../editing/itemEditing";
import { invoke } from "../hub";
import { fieldLabel, fieldsFor, itemTitle, shape } from "../labels";
import { useHubEvent } from "../live";
import { upsertSummary } from "../threads";
import type { FieldState, ItemStatus, ItemSummary, ItemView, Outcome, PanelView, Problem } from "../types";
import { joinPanel, useLiveData } from "../useLive";
import { maxLengthFor } from "../validation";

interface Loaded {
  panel: PanelView;
  view: ItemView;
  /** Other items of the panel by id, to name linked items and the scenario. */
  others: Map<string, ItemSummary>;
}

type Edits = Record<string, FieldEdit>;

/** Why the item's text cannot be edited in this status (the server's words), or null while it is written or revised. */
export function lockReason(status: ItemStatus): string | null {
  switch (status) {
    case "inReview": return "The item is in review; its text is locked until the round closes.";
    case "agreed": return "The panel has agreed this item; its text is locked. A facilitator can send it back for revision.";
    case "final": return "This item is final; its text is locked.";
    case "withdrawn": return "This item is withdrawn; its text is locked.";
    default: return null;
  }
}

/** A move in the item's life that the page must read afresh for (history, review, what is missing). */
function lifecycleChanged(before: ItemSummary, after: ItemSummary): boolean {
  return before.status !== after.status || before.roundId !== after.roundId || before.rounds !== after.rounds;
}

function emptyField(field: string, itemId = ""): FieldState {
  return { field, text: "", revision: 0, editedBy: null, editedByName: null, editedAt: null, itemId };
}

/** Keys and statement are saved whole, by revision; text fields are edited through ItemEditing. */
function statesOf(view: ItemView): FieldState[] {
  return [
    { ...emptyField("keys", view.summary.itemId), text: keysText(view.keys), revision: view.keysRevision },
    { ...emptyField("statement", view.summary.itemId), text: view.summary.statementId, revision: view.statementRevision },
  ];
}

export function ItemPage({ panelId, itemId }: { panelId: string; itemId: string }) {
  const [edits, setEdits] = useState<Edits>({});
  const editsRef = useRef(edits);
  editsRef.current = edits;
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [problems, setProblems] = useState<Record<string, Problem | null>>({});
  const [justSaved, setJustSaved] = useState<Record<string, boolean>>({});
  const editing = useRef<ItemEditing | null>(null);
  const [, rerender] = useState(0);
  const [lockedNotice, setLockedNotice] = useState<string | null>(null);

  const { data, setData, problem, reload } = useLiveData<Loaded>(async (): Promise<Outcome<Loaded>> => {
    const panel = await joinPanel(panelId);
    if (!panel.ok) return panel;
    const view = await invoke("OpenItem", itemId);
    if (!view.ok) return view;
    const bank = await invoke("ListItems", panelId, null, null);
    const others = new Map(bank.ok ? bank.value.items.map((i) => [i.itemId, i] as const) : []);
    // After a reconnect the field clients catch up by themselves; a reload only adds what is new.
    if (editing.current) editing.current.update(view.value.fields);
    else editing.current = new ItemEditing(itemId, view.value.fields);
    // Merge rather than replace, so unsaved text survives a reload after reconnecting.
    setEdits((current) => {
      const next = { ...current };
      for (const state of statesOf(view.value)) next[state.field] = receive(current[state.field], state);
      return next;
    });
    return { ok: true, value: { panel: panel.value, view: view.value, others }, error: null };
  });

  useEffect(() => () => {
    editing.current?.close();
    editing.current = null;
    void invoke("LeaveItem", itemId);
  }, [itemId]);
  // Option texts label the key choices, so they follow the editing too (typing elsewhere renders only its field).
  useEffect(() => {
    const e = editing.current;
    if (!e) return;
    const options = Array.from({ length: 8 }, (_, i) => e.subscribe(`option${i}`, () => rerender((n) => n + 1)));
    return () => options.forEach((unsubscribe) => unsubscribe());
  }, [editing.current]);

  // An edit refused because the item left drafting meanwhile: the field dropped it; say so, and read the item afresh.
  useEffect(() => {
    const e = editing.current;
    if (!e) return;
    return e.onLocked((field, message) => {
      setLockedNotice(`Your last change to ${fieldLabel(field)} was not saved: ${message} The text shown is the saved text.`);
      void reload();
    });
  }, [editing.current]);

  /**
   * Facilitators get the open round's figures (`live`) only on itemReview; the panel-wide itemSummary carries none,
   * so it must not wipe them out while the round is the same.
   */
  const setSummary = (summary: ItemSummary) => setData((d) => {
    const before = d.view.summary;
    // Events can overtake each other: an older view of the same round is dropped.
    if (summary.live && before.live && summary.live.roundId === before.live.roundId && summary.live.ratingSeq < before.live.ratingSeq) return d;
    const live = summary.live ?? (summary.roundId && summary.roundId === before.live?.roundId ? before.live : null);
    const next = { ...summary, live };
    const review = live && d.view.review.roundId === live.roundId && !d.view.review.hidden
      ? { ...d.view.review, current: live.current, preview: live.preview }
      : d.view.review;
    return { ...d, view: { ...d.view, summary: next, review } };
  });

  const onSummary = (summary: ItemSummary) => {
    const before = data?.view.summary;
    setSummary(summary);
    if (before && lifecycleChanged(before, summary)) void reload();
  };

  useHubEvent("fieldChanged", (state) => {
    if (state.itemId !== itemId) return;
    setEdits((current) => ({ ...current, [state.field]: receive(current[state.field], state) }));
  });
  useHubEvent("itemReview", (summary) => {
    if (summary.itemId === itemId && panelRole() === "facilitator") setSummary(summary);
  });
  useHubEvent("roundChanged", (round) => {
    setData((d) => ({ ...d, panel: { ...d.panel, rounds: [...d.panel.rounds.filter((r) => r.roundId !== round.roundId), round] } }));
  });
  useHubEvent("reviewChanged", (change) => {
    setData((d) => ({ ...d, panel: { ...d.panel, review: change.review, disclosure: change.disclosure } }));
  });
  useHubEvent("itemSummary", (summary) => {
    if (summary.itemId === itemId) onSummary(summary);
    else if (summary.panelId === panelId) setData((d) => ({ ...d, others: new Map(d.others).set(summary.itemId, summary) }));
  });
  useHubEvent("itemCreated", (summary) => {
    if (summary.panelId !== panelId) return;
    setData((d) => {
      const others = new Map(d.others).set(summary.itemId, summary);
      // A question written for this scenario is linked to it.
      const linked = summary.scenarioId === itemId && !d.view.linkedItems.includes(summary.itemId)
        ? [...d.view.linkedItems, summary.itemId] : d.view.linkedItems;
      return { ...d, others, view: { ...d.view, linkedItems: linked } };
    });
  });
  useHubEvent("threadChanged", (thread) => {
    if (thread.itemId === itemId) setData((d) => ({ ...d, view: { ...d.view, threads: upsertSummary(d.view.threads, thread) } }));
  });

  const flag = <T,>(set: (f: (r: Record<string, T>) => Record<string, T>) => void, field: string, value: T) =>
    set((r) => ({ ...r, [field]: value }));

  async function save(field: string, edit: FieldEdit) {
    if (!data || busy[field]) return;
    const kind = data.view.summary.kind;
    flag(setProblems, field, null);
    flag(setJustSaved, field, false);

    let check: string | null = null;
    if (field === "keys") {
      const need = shape[kind].keys;
      if (parseKeys(edit.draft).length !== need) check = need === 1 ? "Choose the one correct option." : `Choose exactly ${need} correct options.`;
    }
    if (check) {
      flag(setProblems, field, { code: "invalid", message: check, field });
      return;
    }

    flag(setBusy, field, true);
    const result = field === "keys"
      ? await invoke("SetKeys", itemId, edit.base.revision, parseKeys(edit.draft))
      : await invoke("SetStatement", itemId, edit.base.revision, edit.draft);
    flag(setBusy, field, false);

    if (result.ok) {
      setEdits((current) => ({ ...current, [field]: saved(current[field] ?? edit, result.value) }));
      flag(setJustSaved, field, true);
      return;
    }
    const currentState = result.error.code === "stale" ? currentFromStale(result.value) : null;
    if (currentState) {
      setEdits((current) => ({ ...current, [field]: refused(current[field] ?? edit, currentState) }));
    } else {
      flag(setProblems, field, result.error);
    }
  }

  function actionsFor(field: string) {
    const edit = () => editsRef.current[field] ?? fresh(emptyField(field));
    return {
      onDraft: (text: string) => {
        setEdits((current) => ({ ...current, [field]: { ...(current[field] ?? fresh(emptyField(field))), draft: text } }));
        flag(setJustSaved, field, false);
      },
      onSave: () => void save(field, edit()),
      onTakeTheirs: () => setEdits((current) => ({ ...current, [field]: takeTheirs(edit()) })),
      onKeepMine: () => {
        const mine = keepMine(edit());
        setEdits((current) => ({ ...current, [field]: mine }));
        void save(field, mine);
      },
    };
  }

  function panelRole() {
    return data?.panel.myRole;
  }

  const view = data?.view;
  const summary = view?.summary;
  const panel = data?.panel;
  const title = summary ? itemTitle(summary.title) : "Item";
  const locked = summary ? lockReason(summary.status) : null;
  const roundName = summary?.roundId ? panel?.rounds.find((r) => r.roundId === summary.roundId)?.name ?? view?.review.roundName ?? null : null;

  return (
    <>
      <PageHeading title={title} />
      {problem && !data && <LoadError problem={problem} onRetry={reload} />}
      {problem && data && <Alert problem={problem} />}
      {!problem && !data && <Loading what="the item" />}
      {data && view && summary && panel && (
        <>
          <ItemFacts summary={summary} framework={panel.framework} roundName={roundName} />
          <Links data={data} />
          <StatusSection summary={summary} history={view.history} rounds={panel.rounds}
            facilitator={panel.myRole === "facilitator"} author={summary.authorId === panel.myPersonId}
            onChanged={onSummary} />
          {lockedNotice && <Notice>{lockedNotice}</Notice>}
          {editing.current && (summary.status === "draft" || summary.status === "needsRevision") && (
            <RequiredChecklist editing={editing.current} kind={summary.kind} keys={parseKeys(edits.keys?.base.text ?? keysText(view.keys))}
              statementId={edits.statement?.base.text ?? summary.statementId} framework={panel.framework} />
          )}

          <section aria-labelledby="text-heading" class="item-text">
            <h2 id="text-heading">{summary.kind === "scenario" ? "Vignette" : "Question"}</h2>
            {locked ? (
              <p class="notice" id="lock-reason" data-testid="lock-reason">
                <strong>Read only.</strong> {locked}
              </p>
            ) : (
              <p class="hint">
                Text is saved as you type, and everyone viewing this item sees each change as it happens, with
                where the others are. The correct options and the statement are saved with their own buttons.
              </p>
            )}
            {editing.current && <PeopleHere editing={editing.current} />}
            {editing.current && fieldsFor(summary.kind).map((field) => (
              <CollaborativeField key={field} editing={editing.current!} field={field} label={fieldLabel(field)}
                maxLength={maxLengthFor(field)} rows={field === "vignette" ? 12 : field.startsWith("option") ? 2 : 5}
                required locked={locked} lockId="lock-reason" />
            ))}
            <fieldset class="plain" disabled={!!locked} aria-describedby={locked ? "lock-reason" : undefined}>
              {summary.kind !== "scenario" && (
                <KeysEditor kind={summary.kind} edit={edits.keys ?? fresh(emptyField("keys"))}
                  options={Array.from({ length: shape[summary.kind].options }, (_, i) => editing.current?.view(`option${i}`)?.text ?? "")}
                  busy={!!busy.keys} problem={problems.keys ?? null} error={null} justSaved={!!justSaved.keys}
                  actions={actionsFor("keys")} />
              )}
              <StatementEditor framework={panel.framework} edit={edits.statement ?? fresh(emptyField("statement"))}
                busy={!!busy.statement} problem={problems.statement ?? null} justSaved={!!justSaved.statement}
                actions={actionsFor("statement")} />
            </fieldset>
          </section>

          <ReviewSection summary={summary} review={view.review} role={panel.myRole} panelInstruments={panel.review.instruments}
            panelDisclosure={panel.disclosure}
            onReview={(review) => setData((d) => ({ ...d, view: { ...d.view, review, myRating: review.myRating } }))} />

          <Discussion itemId={itemId} threads={view.threads}
            canResolve={panel.myRole === "facilitator" || summary.authorId === panel.myPersonId}
            onThread={(thread) => setData((d) => ({ ...d, view: { ...d.view, threads: upsertSummary(d.view.threads, thread) } }))} />
        </>
      )}
    </>
  );
}

/** The scenario a question belongs to, or the questions linked to a scenario. */
function Links({ data }: { data: Loaded }) {
  const { view, panel, others } = data;
  const base = `/panels/${encodeURIComponent(panel.panelId)}`;
  const href = (id: string) => `${base}/items/${encodeURIComponent(id)}`;
  const name = (id: string) => itemTitle(others.get(id)?.title);

  if (view.summary.kind === "scenario") {
    return (
      <section aria-labelledby="linked-heading">
        <h2 id="linked-heading">Questions on this scenario</h2>
        {view.linkedItems.length === 0 ? <p>No questions are linked to this scenario yet.</p> : (
          <ul>{view.linkedItems.map((id) => <li key={id}><a href={href(id)}>{name(id)}</a></li>)}</ul>
        )}
        <p><a href={`${base}/write?scenario=${encodeURIComponent(view.summary.itemId)}`}>Write a question on this scenario</a></p>
      </section>
    );
  }
  if (!view.summary.scenarioId) return null;
  return (
    <p class="linked">
      This question is part of the scenario <a href={href(view.summary.scenarioId)}>{name(view.summary.scenarioId)}</a>.
    </p>
  );
}
