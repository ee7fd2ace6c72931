// Keeping a list of item summaries current from live events.

import type { ItemStatus, ItemSummary } from "./types";

export interface BankFilter {
  statementId: string | null;
  status: ItemStatus | null;
}

export function matchesFilter(item: ItemSummary, filter: BankFilter): boolean {
  return (!filter.statementId || item.statementId === filter.statementId) && (!filter.status || item.status === filter.status);
}

/** Newest first, so new work appears at the top. */
export function sortItems(items: ItemSummary[]): ItemSummary[] {
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.title.localeCompare(b.title));
}

/** Applies one created or changed item: replaced in place, added if it now matches, dropped if it no longer does. */
export function applySummary(items: ItemSummary[], summary: ItemSummary, filter: BankFilter): ItemSummary[] {
  const index = items.findIndex((i) => i.itemId === summary.itemId);
  const matches = matchesFilter(summary, filter);
  if (index >= 0) {
    const current = items[index]!;
    // Events can overtake each other; never replace a newer summary with an older one.
    if (current.updatedAt > summary.updatedAt) return items;
    if (!matches) return items.filter((_, i) => i !== index);
    const next = [...items];
    next[index] = summary;
    return next;
  }
  return matches ? sortItems([...items, summary]) : items;
}
