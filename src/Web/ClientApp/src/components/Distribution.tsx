// An item's ratings per instrument: the counts of each answer in words (with a bar beside each, decorative),
// and the figure that sums them up. Used for the open round (once one may see it) and for a closed round's feedback.

import { answered, categories, instrumentLabel, summaryText } from "../consensus";
import type { ConsensusDecision, Instrument, RatingStatistics } from "../types";

export function Distribution({ stats, instruments, caption, testId }: {
  stats: RatingStatistics;
  instruments: Instrument[];
  caption: string;
  testId?: string;
}) {
  return (
    <div class="table-scroll" data-testid={testId}>
      <table class="distribution">
        <caption>{caption} — {stats.raters} {stats.raters === 1 ? "rater" : "raters"}</caption>
        <thead>
          <tr>
            <th scope="col">Instrument</th>
            <th scope="col">Answers</th>
            <th scope="col">Summary</th>
          </tr>
        </thead>
        <tbody>
          {instruments.map((instrument) => {
            const total = answered(stats, instrument);
            return (
              <tr key={instrument} data-instrument={instrument}>
                <th scope="row">{instrumentLabel(instrument)}</th>
                <td>
                  <ul class="answer-list">
                    {categories(stats, instrument).filter((c) => instrument !== "angoff" || c.count > 0).map((c) => (
                      <li key={c.label}>
                        <span class="answer-label">{c.label}</span>
                        <span class="bar" aria-hidden="true">
                          <span class="bar-fill" style={{ width: `${total ? (100 * c.count) / total : 0}%` }} />
                        </span>
                        <span class="answer-count">{c.count}</span>
                      </li>
                    ))}
                    {instrument === "angoff" && total === 0 && <li>No estimates</li>}
                  </ul>
                </td>
                <td>{summaryText(stats, instrument)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The consensus rules applied to an item, each check in words, met or not. */
export function Decision({ decision, lead, testId }: { decision: ConsensusDecision; lead: string; testId?: string }) {
  return (
    <div class="decision" data-testid={testId}>
      <p>
        {lead}{" "}
        <span class={`badge ${decision.agreed ? "badge-yes" : "badge-no"}`}>
          <span aria-hidden="true">{decision.agreed ? "✓ " : "✗ "}</span>
          {decision.agreed ? "Agreed" : "Needs revision"}
        </span>
      </p>
      <ul class="checks">
        {decision.checks.map((c) => (
          <li key={c.rule} class={c.met ? "check-met" : "check-failed"}>
            <span aria-hidden="true">{c.met ? "✓" : "✗"}</span>{" "}
            <strong>{c.met ? "Met:" : "Not met:"}</strong> {c.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
