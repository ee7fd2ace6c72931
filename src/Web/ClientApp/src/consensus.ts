// Rating statistics as the pages show them: each instrument's answers as labelled counts, and the figure that
// sums it up. One place, so the item page, the dashboard's table and its charts say the same thing.

import { clarityLabels, decimal, essentialityLabels, instrumentLabels, meetsCriticalText, percent, relevanceLabels } from "./labels";
import type { Instrument, RatingStatistics } from "./types";

export interface Category {
  label: string;
  count: number;
}

export function categories(stats: RatingStatistics, instrument: Instrument): Category[] {
  switch (instrument) {
    case "essentiality":
      return [
        { label: essentialityLabels.essential, count: stats.essential },
        { label: essentialityLabels.usefulNotEssential, count: stats.usefulNotEssential },
        { label: essentialityLabels.notNecessary, count: stats.notNecessary },
      ];
    case "relevance":
      return [1, 2, 3, 4].map((n) => ({ label: relevanceLabels[n]!, count: stats.relevance?.[n - 1] ?? 0 }));
    case "keyCorrect":
      return [
        { label: "Agree (key correct)", count: stats.keyAgree },
        { label: "Disagree", count: stats.keyDisagree },
      ];
    case "clarity":
      return [1, 2, 3, 4].map((n) => ({ label: clarityLabels[n]!, count: stats.clarity?.[n - 1] ?? 0 }));
    case "angoff":
      return Array.from({ length: 10 }, (_, i) => ({
        label: i === 9 ? "90-100%" : `${i * 10}-${i * 10 + 9}%`,
        count: stats.angoff?.[i] ?? 0,
      }));
  }
}

/** How many raters answered the instrument. */
export function answered(stats: RatingStatistics, instrument: Instrument): number {
  return categories(stats, instrument).reduce((sum, c) => sum + c.count, 0);
}

/** The instruments somebody answered, in the server's order. */
export function answeredInstruments(stats: RatingStatistics): Instrument[] {
  return (["essentiality", "relevance", "keyCorrect", "clarity", "angoff"] as Instrument[]).filter((i) => answered(stats, i) > 0);
}

/** The figure that sums the instrument's answers up, in words. */
export function summaryText(stats: RatingStatistics, instrument: Instrument): string {
  const n = answered(stats, instrument);
  if (n === 0) return "No answers";
  switch (instrument) {
    case "essentiality": {
      const critical = stats.criticalRatio === null ? "no critical value below 5 raters" : `critical ${decimal(stats.criticalRatio, 3)}`;
      return `CVR ${decimal(stats.contentValidityRatio, 3)} (${critical}); meets critical value: ${meetsCriticalText(stats)}`;
    }
    case "relevance":
      return `I-CVI ${decimal(stats.itemContentValidityIndex, 2)}; modified kappa ${decimal(stats.modifiedKappa, 2)}`;
    case "keyCorrect":
      return `${percent(stats.keyAgreement)} agree`;
    case "clarity":
      return `${percent(stats.clarityAgreement)} rate clarity 3 or 4`;
    case "angoff":
      return `Mean ${decimal(stats.angoffMean, 1)}%${stats.angoffSd === null ? "" : `, SD ${decimal(stats.angoffSd, 1)}`}`;
  }
}

/** One line per instrument: "Essential 2, Useful but not essential 1, Not necessary 0". */
export function distributionText(stats: RatingStatistics, instrument: Instrument): string {
  return categories(stats, instrument).map((c) => `${c.label}: ${c.count}`).join(", ");
}

export function instrumentLabel(instrument: Instrument): string {
  return instrumentLabels[instrument] ?? instrument;
}
