// /panels/:panelId/live (facilitators): ratings and coverage as they come in, with no reload.

import { applySummary, sortItems } from "../bank";
import { Announcer, useAnnouncer } from "../components/Announcer";
import { CriticalValue } from "../components/ItemTable";
import { LoadError, Loading } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { Alert } from "../components/Alert";
import { invoke } from "../hub";
import { decimal, itemTitle } from "../labels";
import { useHubEvent } from "../live";
import type { Framework, ItemSummary, Outcome, PanelView } from "../types";
import { joinPanel, useLiveData } from "../useLive";

interface Live {
  panel: PanelView;
  items: ItemSummary[];
}

const noFilter = { statementId: null, status: null };

export function LivePage({ panelId }: { panelId: string }) {
  const { message, announce } = useAnnouncer();
  const { data, setData, problem, reload } = useLiveData<Live>(async (): Promise<Outcome<Live>> => {
    const panel = await joinPanel(panelId);
    if (!panel.ok) return panel;
    const bank = await invoke("ListItems", panelId, null, null);
    if (!bank.ok) return bank;
    return { ok: true, value: { panel: panel.value, items: sortItems(bank.value.items) }, error: null };
  });

  const onSummary = (created: boolean) => (summary: ItemSummary) => {
    if (summary.panelId !== panelId) return;
    const before = data?.items.find((i) => i.itemId === summary.itemId);
    setData((d) => ({ ...d, items: applySummary(d.items, summary, noFilter) }));
    const title = itemTitle(summary.title);
    if (created) announce(summary.itemId, `New item: ${title}`);
    else if (!before || before.ratings.raters !== summary.ratings.raters || before.ratings.essential !== summary.ratings.essential
      || before.ratings.itemContentValidityIndex !== summary.ratings.itemContentValidityIndex) {
      announce(summary.itemId, `Ratings updated for ${title}`);
    } else if (before.openChallenges !== summary.openChallenges) {
      announce(summary.itemId, `Open challenges changed for ${title}`);
    }
  };
  useHubEvent("itemCreated", onSummary(true));
  useHubEvent("itemSummary", onSummary(false));

  const panel = data?.panel;
  return (
    <>
      <PageHeading title={panel ? `Live view — ${panel.name}` : "Live view"} />
      <Announcer message={message} />
      {problem && !data && <LoadError problem={problem} onRetry={reload} />}
      {problem && data && <Alert problem={problem} />}
      {!problem && !data && <Loading what="the live view" />}
      {panel && panel.myRole !== "facilitator" && <p class="panel-box">The live view is for the panel's facilitators.</p>}
      {data && panel && panel.myRole === "facilitator" && (
        <>
          <p class="hint">
            CVR is Lawshe's content validity ratio; the critical CVR is the exact one-tailed binomial value for the
            number of raters (p = .05), so an item "meets the critical value" when its essential count reaches it.
            I-CVI is the share of raters giving relevance 3 or 4.
          </p>
          <CoverageTable framework={panel.framework} items={data.items} />
          <RatingsTable items={data.items} />
        </>
      )}
    </>
  );
}

function CoverageTable({ framework, items }: { framework: Framework; items: ItemSummary[] }) {
  return (
    <section aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage by framework statement</h2>
      <div class="table-scroll" role="region" aria-label="Coverage table" tabIndex={0}>
        <table data-testid="coverage-table">
          <caption>Items per statement of {framework.title}</caption>
          <thead>
            <tr>
              <th scope="col">Statement</th>
              <th scope="col" class="num">Items</th>
              <th scope="col" class="num">Meeting critical value</th>
            </tr>
          </thead>
          <tbody>
            {framework.statements.map((s) => {
              const mine = items.filter((i) => i.statementId === s.id);
              return (
                <tr key={s.id}>
                  <th scope="row">{s.number}. {s.title}</th>
                  <td class="num">{mine.length}</td>
                  <td class="num">{mine.filter((i) => i.ratings.meetsCriticalValue).length}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RatingsTable({ items }: { items: ItemSummary[] }) {
  return (
    <section aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">Ratings per item</h2>
      {items.length === 0 ? (
        <p>No items yet.</p>
      ) : (
        <div class="table-scroll" role="region" aria-label="Ratings table" tabIndex={0}>
          <table data-testid="ratings-table">
            <caption>Ratings of {items.length} {items.length === 1 ? "item" : "items"}</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" class="num">Raters</th>
                <th scope="col" class="num">Essential</th>
                <th scope="col" class="num">Useful</th>
                <th scope="col" class="num">Not necessary</th>
                <th scope="col" class="num">CVR</th>
                <th scope="col" class="num">Critical CVR</th>
                <th scope="col">Meets critical value</th>
                <th scope="col" class="num">I-CVI</th>
                <th scope="col" class="num">Open challenges</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const r = item.ratings;
                return (
                  <tr key={item.itemId} data-item-id={item.itemId}>
                    <th scope="row">
                      <a href={`/panels/${encodeURIComponent(item.panelId)}/items/${encodeURIComponent(item.itemId)}`}>
                        {itemTitle(item.title)}
                      </a>
                    </th>
                    <td class="num">{r.raters}</td>
                    <td class="num">{r.essential}</td>
                    <td class="num">{r.usefulNotEssential}</td>
                    <td class="num">{r.notNecessary}</td>
                    <td class="num">{r.raters ? decimal(r.contentValidityRatio, 3) : "—"}</td>
                    <td class="num">
                      {r.criticalRatio === null ? "—" : decimal(r.criticalRatio, 3)}
                      {r.criticalEssential !== null && <span class="meta"> ({r.criticalEssential} of {r.raters})</span>}
                    </td>
                    <td><CriticalValue item={item} /></td>
                    <td class="num">{r.raters ? decimal(r.itemContentValidityIndex, 2) : "—"}</td>
                    <td class="num">{item.openChallenges}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
