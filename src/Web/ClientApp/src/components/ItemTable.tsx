// The bank's table of items. Rating figures are numbers and words, never colour alone.

import { decimal, itemTitle, kindLabels, meetsCriticalText, statementLabel, statusLabels } from "../labels";
import type { Framework, ItemSummary } from "../types";

export function ItemTable({ items, framework, caption }: { items: ItemSummary[]; framework: Framework; caption: string }) {
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
            <th scope="col" class="num">Raters</th>
            <th scope="col" class="num">CVR</th>
            <th scope="col">Meets critical value</th>
            <th scope="col" class="num">I-CVI</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.itemId} data-item-id={item.itemId}>
              <th scope="row">
                <a href={`/panels/${encodeURIComponent(item.panelId)}/items/${encodeURIComponent(item.itemId)}`}>
                  {itemTitle(item.title)}
                </a>
              </th>
              <td>{kindLabels[item.kind] ?? item.kind}</td>
              <td>{statusLabels[item.status] ?? item.status}{item.reviewClosed ? " (review closed)" : ""}</td>
              <td>{statementLabel(framework, item.statementId)}</td>
              <td>{item.authorName}</td>
              <td class="num">{item.comments}</td>
              <td class="num">{item.openChallenges}</td>
              <td class="num">{item.ratings.raters}</td>
              <td class="num">{item.ratings.raters ? decimal(item.ratings.contentValidityRatio, 3) : "—"}</td>
              <td><CriticalValue item={item} /></td>
              <td class="num">{item.ratings.raters ? decimal(item.ratings.itemContentValidityIndex, 2) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CriticalValue({ item }: { item: ItemSummary }) {
  const text = meetsCriticalText(item.ratings);
  const state = text === "Yes" ? "yes" : text === "No" ? "no" : "none";
  return (
    <span class={`badge badge-${state}`}>
      {state === "yes" && <span aria-hidden="true">✓ </span>}
      {state === "no" && <span aria-hidden="true">✗ </span>}
      {text}
    </span>
  );
}
