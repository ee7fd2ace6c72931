// The items of the open round(s) as their ratings come in: a chart of the chosen instrument's distribution for the
// most recently rated items, and a table with every figure (the chart's accessible alternative), including the
// decisions of the rounds that closed, as they happen.

import { memo } from "preact/compat";
import { useState } from "preact/hooks";
import { categories, instrumentLabel } from "../../consensus";
import { dateTime, decimal, itemTitle, percent, statusLabels } from "../../labels";
import type { Instrument, ItemSummary, RatingStatistics } from "../../types";
import { BarChart, seriesColours } from "../BarChart";
import { Select } from "../fields";

/** Rows shown at once: a round can hold thousands of items; the busiest come first. */
const shownRows = 100;
const chartedItems = 12;

/** Items in an open round first, the most recently rated first; then those already decided, the latest first. */
export function reviewOrder(items: ItemSummary[]): ItemSummary[] {
  const inRound = items.filter((i) => i.live);
  const decided = items.filter((i) => !i.live && i.rounds > 0);
  inRound.sort((a, b) => (b.live!.lastRatedAt).localeCompare(a.live!.lastRatedAt) || a.title.localeCompare(b.title));
  decided.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return [...inRound, ...decided];
}

function shortTitle(item: ItemSummary): string {
  const t = itemTitle(item.title);
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
}

export function LiveItems({ items, instruments }: { items: ItemSummary[]; instruments: Instrument[] }) {
  const [instrument, setInstrument] = useState<Instrument>(instruments[0] ?? "essentiality");
  const [showAll, setShowAll] = useState(false);
  const ordered = reviewOrder(items);
  const inRound = ordered.filter((i) => i.live);
  const charted = inRound.slice(0, chartedItems);
  const chosen = instruments.includes(instrument) ? instrument : instruments[0] ?? "essentiality";
  const labels = charted.map(shortTitle);
  const cats = charted.length ? categories(charted[0]!.live!.current, chosen) : [];
  const series = cats.map((c, k) => ({
    label: c.label,
    data: charted.map((i) => categories(i.live!.current, chosen)[k]?.count ?? 0),
    colour: seriesColours[k % seriesColours.length]!,
  }));
  const rows = showAll ? ordered : ordered.slice(0, shownRows);

  return (
    <section aria-labelledby="live-items-heading">
      <h2 id="live-items-heading">Items in review</h2>
      {inRound.length === 0 ? (
        <p data-testid="no-items-in-review">No item is in an open round. Open a round on the Rounds page.</p>
      ) : (
        <>
          <div class="filters">
            <Select label="Instrument shown in the chart" value={chosen} onChange={(v) => setInstrument(v as Instrument)}
              choices={instruments.map((i) => ({ value: i, label: instrumentLabel(i) }))} />
          </div>
          <BarChart labels={labels} series={series} stacked horizontal height={Math.max(160, 48 + charted.length * 34)}
            label={`Stacked bars: ${instrumentLabel(chosen)} answers for the ${charted.length} most recently rated items in review. The table "Items in review and their decisions" below has the same figures.`}
            testId="live-chart" />
        </>
      )}
      {ordered.length > 0 && (
        <div class="table-scroll" role="region" aria-label="Items in review and their decisions" tabIndex={0}>
          <table data-testid="live-items">
            <caption>
              Items in review and their decisions ({inRound.length} in review, {ordered.length - inRound.length} decided)
              {!showAll && ordered.length > shownRows ? `; the first ${shownRows} shown` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">Raters</th>
                <th scope="col">If the round closed now</th>
                <th scope="col">Essential / useful / not necessary</th>
                <th scope="col" class="num">CVR</th>
                <th scope="col" class="num">I-CVI</th>
                <th scope="col" class="num">Key agreement</th>
                <th scope="col" class="num">Clarity 3-4</th>
                <th scope="col" class="num">Angoff mean</th>
                <th scope="col">Last rated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => <LiveRow key={item.itemId} item={item} />)}
            </tbody>
          </table>
        </div>
      )}
      {ordered.length > shownRows && (
        <button type="button" class="secondary small" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? `Show the first ${shownRows} only` : `Show all ${ordered.length}`}
        </button>
      )}
    </section>
  );
}

/** One row; re-rendered only when its item's summary object changes. */
const LiveRow = memo(function LiveRow({ item }: { item: ItemSummary }) {
  const stats: RatingStatistics | null = item.live?.current ?? item.lastRound;
  const preview = item.live?.preview;
  return (
    <tr data-item-id={item.itemId}>
      <th scope="row">
        <a href={`/panels/${encodeURIComponent(item.panelId)}/items/${encodeURIComponent(item.itemId)}`}>{itemTitle(item.title)}</a>
      </th>
      <td data-testid="live-status">{statusLabels[item.status]}{!item.live && item.rounds > 0 ? <span class="meta"> (last round)</span> : null}</td>
      <td class="num" data-testid="live-raters">{stats ? stats.raters : 0}</td>
      <td>
        {preview ? (
          <>
            <span class={`badge ${preview.agreed ? "badge-yes" : "badge-no"}`}>
              <span aria-hidden="true">{preview.agreed ? "✓ " : "✗ "}</span>{preview.agreed ? "Agreed" : "Needs revision"}
            </span>
            {!preview.agreed && (
              <span class="meta"> {preview.checks.filter((c) => !c.met).map((c) => c.text).join("; ")}</span>
            )}
          </>
        ) : "—"}
      </td>
      <td>{stats ? `${stats.essential} / ${stats.usefulNotEssential} / ${stats.notNecessary}` : "—"}</td>
      <td class="num">{stats?.raters ? decimal(stats.contentValidityRatio, 3) : "—"}</td>
      <td class="num">{stats && stats.relevance.some((n) => n > 0) ? decimal(stats.itemContentValidityIndex, 2) : "—"}</td>
      <td class="num">{percent(stats?.keyAgreement)}</td>
      <td class="num">{percent(stats?.clarityAgreement)}</td>
      <td class="num">{stats?.angoffMean === null || stats?.angoffMean === undefined ? "—" : `${decimal(stats.angoffMean, 1)}%`}</td>
      <td>{item.live ? dateTime(item.live.lastRatedAt) : ""}</td>
    </tr>
  );
});
