// /panels/:panelId — the item bank, filtered by statement and status, updated live.

import { useRef, useState } from "preact/hooks";
import { applySummary, type BankFilter, sortItems } from "../bank";
import { Alert } from "../components/Alert";
import { Select } from "../components/fields";
import { ItemTable } from "../components/ItemTable";
import { LoadError, Loading } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { invoke } from "../hub";
import { statusLabels } from "../labels";
import { useHubEvent } from "../live";
import { navigate } from "../router";
import type { ItemStatus, ItemSummary, Outcome, PanelView } from "../types";
import { joinPanel, useLiveData } from "../useLive";

interface Bank {
  panel: PanelView;
  items: ItemSummary[];
}

export function BankPage({ panelId }: { panelId: string }) {
  const [filter, setFilter] = useState<BankFilter>({ statementId: null, status: null });
  const [filterProblem, setFilterProblem] = useState<string | null>(null);
  const filterSequence = useRef(0);

  const { data, setData, problem, reload } = useLiveData<Bank>(async (): Promise<Outcome<Bank>> => {
    const panel = await joinPanel(panelId);
    if (!panel.ok) return panel;
    const bank = await invoke("ListItems", panelId, filter.statementId, filter.status);
    if (!bank.ok) return bank;
    return { ok: true, value: { panel: panel.value, items: sortItems(bank.value.items) }, error: null };
  });

  async function applyFilter(next: BankFilter) {
    setFilter(next);
    setFilterProblem(null);
    const mine = ++filterSequence.current;
    const bank = await invoke("ListItems", panelId, next.statementId, next.status);
    if (mine !== filterSequence.current) return;
    if (bank.ok) setData((d) => ({ ...d, items: sortItems(bank.value.items) }));
    else setFilterProblem(bank.error.message);
  }

  const onSummary = (summary: ItemSummary) => {
    if (summary.panelId !== panelId) return;
    setData((d) => ({ ...d, items: applySummary(d.items, summary, filter) }));
  };
  useHubEvent("itemCreated", onSummary);
  useHubEvent("itemSummary", onSummary);
  useHubEvent("itemsImported", (e) => {
    if (e.panelId === panelId) void applyFilter(filter);
  });

  const panel = data?.panel;
  const statements = panel?.framework.statements ?? [];
  const filtered = filter.statementId !== null || filter.status !== null;

  return (
    <>
      <PageHeading title={panel ? `Item bank — ${panel.name}` : "Item bank"} />
      {problem && !data && <LoadError problem={problem} onRetry={reload} />}
      {problem && data && <Alert problem={problem} />}
      {!problem && !data && <Loading what="the item bank" />}
      {data && panel && (
        <>
          <div class="toolbar">
            <button type="button" onClick={() => navigate(`/panels/${encodeURIComponent(panelId)}/write`)}>
              Write an item
            </button>
          </div>
          <form class="filters" aria-label="Filter items" onSubmit={(e) => e.preventDefault()}>
            <Select
              label="Filter by statement"
              value={filter.statementId ?? ""}
              onChange={(v) => void applyFilter({ ...filter, statementId: v || null })}
              choices={[{ value: "", label: "All statements" }, ...statements.map((s) => ({ value: s.id, label: `${s.number}. ${s.title}` }))]}
            />
            <Select
              label="Filter by status"
              value={filter.status ?? ""}
              onChange={(v) => void applyFilter({ ...filter, status: (v || null) as ItemStatus | null })}
              choices={[{ value: "", label: "All statuses" }, ...Object.entries(statusLabels).map(([value, label]) => ({ value, label }))]}
            />
          </form>
          <Alert problem={filterProblem} />
          <p role="status" class="hint">
            {data.items.length} {data.items.length === 1 ? "item" : "items"}{filtered ? " match the filters" : " in the bank"}.
          </p>
          {data.items.length > 0 ? (
            <ItemTable items={data.items} framework={panel.framework} caption={`Items of ${panel.name}`} />
          ) : (
            <p>{filtered ? "No items match these filters." : "No items yet. Write the first one."}</p>
          )}
        </>
      )}
    </>
  );
}
