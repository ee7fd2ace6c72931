// /panels/:panelId/items/:itemId — one item: its text fields (edited by everyone at once, character by
// character), keys and statement (saved one by one), my rating, the facilitators' review switch, linked
// items and the discussion.

import { useEffect, useRef, useState } from "preact/hooks";
import { Alert } from "../components/Alert";
import { Discussion } from "../components/item/Discussion";
import { CollaborativeField } from "../components/item/CollaborativeField";
import { ItemFacts } from "../components/item/ItemFacts";
import { PeopleHere } from "../components/item/PeopleHere";
import { KeysEditor, keysText, parseKeys } from "../components/item/KeysEditor";
import { RatingForm } from "../components/item/RatingForm";
import { ReviewControl } from "../components/item/ReviewControl";
import { StatementEditor } from "../components/item/StatementEditor";
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
import type { FieldState, ItemSummary, ItemView, Outcome, PanelView, Problem } from "../types";
import { joinPanel, useLiveData } from "../useLive";
import { maxLengthFor } from "../validation";

interface Loaded {
  panel: PanelView;
  view: ItemView;
  /** Other items of the panel by id, to name linked items and the scenario. */
  others: Map<string, ItemSummary>;
}

type Edits = Record<string, FieldEdit>;

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

  const setSummary = (summary: ItemSummary) => setData((d) => ({ ...d, view: { ...d.view, summary } }));

  useHubEvent("fieldChanged", (state) => {
    if (state.itemId !== itemId) return;
    setEdits((current) => ({ ...current, [state.field]: receive(current[state.field], state) }));
  });
  useHubEvent("itemSummary", (summary) => {
    if (summary.itemId === itemId) setSummary(summary);
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

  const view = data?.view;
  const summary = view?.summary;
  const panel = data?.panel;
  const title = summary ? itemTitle(summary.title) : "Item";

  return (
    <>
      <PageHeading title={title} />
      {problem && !data && <LoadError problem={problem} onRetry={reload} />}
      {problem && data && <Alert problem={problem} />}
      {!problem && !data && <Loading what="the item" />}
      {data && view && summary && panel && (
        <>
          <ItemFacts summary={summary} framework={panel.framework} />
          <Links data={data} />
          {panel.myRole === "facilitator" && <ReviewControl summary={summary} onChanged={setSummary} />}

          <section aria-labelledby="text-heading" class="item-text">
            <h2 id="text-heading">{summary.kind === "scenario" ? "Vignette" : "Question"}</h2>
            <p class="hint">
              Text is saved as you type, and everyone viewing this item sees each change as it happens, with
              where the others are. The correct options and the statement are saved with their own buttons.
            </p>
            {editing.current && <PeopleHere editing={editing.current} />}
            {editing.current && fieldsFor(summary.kind).map((field) => (
              <CollaborativeField key={field} editing={editing.current!} field={field} label={fieldLabel(field)}
                maxLength={maxLengthFor(field)} rows={field === "vignette" ? 12 : field.startsWith("option") ? 2 : 5}
                required={field === "stem" || field === "vignette"} />
            ))}
            {summary.kind !== "scenario" && (
              <KeysEditor kind={summary.kind} edit={edits.keys ?? fresh(emptyField("keys"))}
                options={Array.from({ length: shape[summary.kind].options }, (_, i) => editing.current?.view(`option${i}`)?.text ?? "")}
                busy={!!busy.keys} problem={problems.keys ?? null} error={null} justSaved={!!justSaved.keys}
                actions={actionsFor("keys")} />
            )}
            <StatementEditor framework={panel.framework} edit={edits.statement ?? fresh(emptyField("statement"))}
              busy={!!busy.statement} problem={problems.statement ?? null} justSaved={!!justSaved.statement}
              actions={actionsFor("statement")} />
          </section>

          <RatingForm itemId={itemId} hasKey={summary.kind !== "scenario"}
            myRating={view.myRating} reviewClosed={summary.reviewClosed}
            onRated={(rating, ratings) => setData((d) => ({
              ...d, view: { ...d.view, myRating: rating, summary: { ...d.view.summary, ratings } },
            }))} />

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
