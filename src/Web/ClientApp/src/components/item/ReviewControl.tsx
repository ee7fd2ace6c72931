// Facilitators close an item's review (ratings freeze) or reopen it.

import { useState } from "preact/hooks";
import { invoke } from "../../hub";
import type { ItemSummary, Problem } from "../../types";
import { Alert } from "../Alert";

export function ReviewControl({ summary, onChanged }: { summary: ItemSummary; onChanged: (s: ItemSummary) => void }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function toggle() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await invoke("SetReviewClosed", summary.itemId, !summary.reviewClosed);
    setBusy(false);
    if (result.ok) onChanged(result.value);
    else setProblem(result.error);
  }

  return (
    <div class="review-control">
      <p>Review is <strong>{summary.reviewClosed ? "closed" : "open"}</strong>{summary.reviewClosed ? ": ratings are frozen." : "."}</p>
      <button type="button" class="secondary" aria-disabled={busy ? "true" : undefined} onClick={toggle}>
        {summary.reviewClosed ? "Reopen review" : "Close review"}
      </button>
      <Alert problem={problem} />
    </div>
  );
}
