// The item's facts and rating figures, as a description list.

import { CriticalValue } from "../ItemTable";
import { dateTime, decimal, kindLabels, statementLabel, statusLabels } from "../../labels";
import type { Framework, ItemSummary } from "../../types";

export function ItemFacts({ summary, framework }: { summary: ItemSummary; framework: Framework }) {
  const r = summary.ratings;
  return (
    <dl class="facts">
      <div><dt>Kind</dt><dd>{kindLabels[summary.kind] ?? summary.kind}</dd></div>
      <div><dt>Status</dt><dd>{statusLabels[summary.status] ?? summary.status}</dd></div>
      <div><dt>Author</dt><dd>{summary.authorName}</dd></div>
      <div><dt>Statement</dt><dd>{statementLabel(framework, summary.statementId)}</dd></div>
      <div><dt>Review</dt><dd>{summary.reviewClosed ? "Closed" : "Open"}</dd></div>
      <div><dt>Raters</dt><dd>{r.raters}</dd></div>
      <div><dt>CVR</dt><dd>{r.raters ? decimal(r.contentValidityRatio, 3) : "—"}</dd></div>
      <div><dt>Meets critical value</dt><dd><CriticalValue item={summary} /></dd></div>
      <div><dt>I-CVI</dt><dd>{r.raters ? decimal(r.itemContentValidityIndex, 2) : "—"}</dd></div>
      <div><dt>Open challenges</dt><dd>{summary.openChallenges}</dd></div>
      <div><dt>Updated</dt><dd>{dateTime(summary.updatedAt)}</dd></div>
    </dl>
  );
}
