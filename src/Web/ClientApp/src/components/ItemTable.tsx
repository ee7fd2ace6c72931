// The bank's table of items. Rating figures are those of each item's last closed round (the open round's stay
// hidden until it closes); numbers and words, never colour alone.

import { decimal, itemTitle, kindLabels, meetsCriticalText, statementLabel, statusLabels } from "../labels";
import { useNameOf } from "../panelContext";
import type { Framework, ItemSummary, RatingStatistics } from "../types";

export function ItemTable({ items, framework, caption }: { items: ItemSummary[]; framework: Framework; caption: string }) {
  const nameOf = useNameOf();
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table data-testid="item-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Framework statement</th>
            <th scope="col">Author</th>
            <th scope="col" class="num">Comments</th>
            <th scope="col" class="num">Open challenges</th>
            <th scope="col" class="num">Rounds</th>
            <th scope="col" class="num">Last round: raters</th>
            <th scope="col" class="num">CVR</th>
            <th scope="col">Meets critical value</th>
            <th scope="col" class="num">I-CVI</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const r = item.lastRound;
            return (
              <tr key={item.itemId} data-item-id={item.itemId}>
                <th scope="row">
                  <a href={`/panels/${encodeURIComponent(item.panelId)}/items/${encodeURIComponent(item.itemId)}`}>
                    {itemTitle(item.title)}
                  </a>
                </th>
                <td>{kindLabels[item.kind] ?? item.kind}</td>
                <td>{statusLabels[item.status] ?? item.status}</td>
                <td>{statementLabel(framework, item.statementId)}</td>
                <td>{nameOf(item.authorId, item.authorName)}</td>
                <td class="num">{item.comments}</td>
                <td class="num">{item.openChallenges}</td>
                <td class="num">{item.rounds}</td>
                <td class="num">{r ? r.raters : "—"}</td>
                <td class="num">{r?.raters ? decimal(r.contentValidityRatio, 3) : "—"}</td>
                <td>{r ? <CriticalValue stats={r} /> : <span class="meta">Not rated yet</span>}</td>
                <td class="num">{r?.raters ? decimal(r.itemContentValidityIndex, 2) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function CriticalValue({ stats }: { stats: RatingStatistics }) {
  const text = meetsCriticalText(stats);
  const state = text === "Yes" ? "yes" : text === "No" ? "no" : "none";
  return (
    <span class={`badge badge-${state}`}>
      {state === "yes" && <span aria-hidden="true">✓ </span>}
      {state === "no" && <span aria-hidden="true">✗ </span>}
      {text}
    </span>
  );
}
