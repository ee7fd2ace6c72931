// Items that need a facilitator's attention (contested, close to a threshold, challenged, quiet), with the reasons.

import { itemTitle } from "../../labels";
import type { AttentionItem } from "../../types";

export function AttentionList({ panelId, attention, at }: { panelId: string; attention: AttentionItem[]; at: string | null }) {
  return (
    <section aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs attention ({attention.length})</h2>
      {attention.length === 0 ? <p>Nothing needs attention now.</p> : (
        <ul class="attention" data-testid="attention">
          {attention.map((a) => (
            <li key={a.itemId} data-item-id={a.itemId}>
              <a href={`/panels/${encodeURIComponent(panelId)}/items/${encodeURIComponent(a.itemId)}`}>{itemTitle(a.title)}</a>
              <ul>{a.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
            </li>
          ))}
        </ul>
      )}
      {at && <p class="hint">Checked {new Date(at).toLocaleTimeString()}; checked again a few seconds after changes.</p>}
    </section>
  );
}
