// The item's facts and its last closed round's figures, as a description list.

import { CriticalValue } from "../ItemTable";
import { dateTime, decimal, kindLabels, statementLabel, statusLabels } from "../../labels";
import { useNameOf } from "../../panelContext";
import type { Framework, ItemSummary } from "../../types";

export function ItemFacts({ summary, framework, roundName }: { summary: ItemSummary; framework: Framework; roundName: string | null }) {
  const nameOf = useNameOf();
  const r = summary.lastRound;
  return (
    <dl class="facts">
      <div><dt>Kind</dt><dd>{kindLabels[summary.kind] ?? summary.kind}</dd></div>
      <div><dt>Status</dt><dd>{statusLabels[summary.status] ?? summary.status}</dd></div>
      <div><dt>Author</dt><dd data-testid="item-author">{nameOf(summary.authorId, summary.authorName)}</dd></div>
      <div><dt>Statement</dt><dd>{statementLabel(framework, summary.statementId)}</dd></div>
      <div><dt>Open round</dt><dd>{summary.roundId ? roundName ?? "Yes" : "None"}</dd></div>
      <div><dt>Closed rounds</dt><dd>{summary.rounds}</dd></div>
      <div><dt>Last round: raters</dt><dd>{r ? r.raters : "—"}</dd></div>
      <div><dt>Last round: CVR</dt><dd>{r?.raters ? decimal(r.contentValidityRatio, 3) : "—"}</dd></div>
      <div><dt>Meets critical value</dt><dd>{r ? <CriticalValue stats={r} /> : "—"}</dd></div>
      <div><dt>Last round: I-CVI</dt><dd>{r?.raters ? decimal(r.itemContentValidityIndex, 2) : "—"}</dd></div>
      <div><dt>Open challenges</dt><dd>{summary.openChallenges}</dd></div>
      <div><dt>Updated</dt><dd>{dateTime(summary.updatedAt)}</dd></div>
    </dl>
  );
}
