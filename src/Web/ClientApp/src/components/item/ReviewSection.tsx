// The item's review (Delphi rounds): what is revealed when, the last closed round's feedback beside my own earlier
// rating, my rating in the open round, and the panel's distribution, which stays hidden from an expert until they
// have rated (so early ratings do not anchor later ones). Facilitators do not rate; they see the open round live.

import { useState } from "preact/hooks";
import { answeredInstruments } from "../../consensus";
import { invoke } from "../../hub";
import { dateTime, instrumentsFor, ratingText, statusLabels } from "../../labels";
import type { Instrument, ItemReview, ItemStatus, ItemSummary, Problem, Role } from "../../types";
import { Alert } from "../Alert";
import { Decision, Distribution } from "../Distribution";
import { RatingForm } from "./RatingForm";

export function ReviewSection({ summary, review, role, panelInstruments, panelDisclosure, onReview }: {
  summary: ItemSummary;
  review: ItemReview;
  role: Role;
  /** The panel's instruments now (the open round keeps those it was opened with). */
  panelInstruments: Instrument[];
  panelDisclosure: string[];
  onReview: (review: ItemReview) => void;
}) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const open = review.roundId !== null;
  const instruments = open ? review.instruments : instrumentsFor(panelInstruments, summary.kind);
  const disclosure = review.disclosure.length ? review.disclosure : panelDisclosure;

  async function refresh() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await invoke("GetReview", summary.itemId);
    setBusy(false);
    if (result.ok) onReview(result.value);
    else setProblem(result.error);
  }

  return (
    <section aria-labelledby="review-heading" class="review" data-testid="review">
      <h2 id="review-heading">Review</h2>
      <p data-testid="round-state">
        {open
          ? <>This item is in the open round <strong>{review.roundName}</strong>. Ratings can be given and changed until the round closes.</>
          : notOpenText(summary.status)}
      </p>

      <details class="disclosure" open={!review.myRating}>
        <summary>What is revealed, to whom and when</summary>
        <ul data-testid="disclosure">
          {disclosure.map((line) => <li key={line}>{line}</li>)}
        </ul>
      </details>

      {review.previous && (
        <section aria-labelledby="feedback-heading" class="panel-box feedback" data-testid="previous-round">
          <h3 id="feedback-heading">Feedback from {review.previous.roundName}</h3>
          <p class="hint">Closed {dateTime(review.previous.closedAt)}. What the panel said, without names.</p>
          <p data-testid="my-previous-rating">
            {review.previous.myRating
              ? <>Your rating in {review.previous.roundName}: {ratingText(review.previous.myRating)}.
                {review.previous.myRating.reason ? ` Your reason: “${review.previous.myRating.reason}”.` : ""}</>
              : role === "facilitator" ? "Facilitators do not rate." : `You did not rate this item in ${review.previous.roundName}.`}
          </p>
          <Decision decision={review.previous.decision} lead={`The panel's rules decided at the close: ${statusLabels[review.previous.outcome]}.`}
            testId="previous-decision" />
          <Distribution stats={review.previous.statistics} caption={`Ratings in ${review.previous.roundName}`}
            instruments={answeredInstruments(review.previous.statistics)} testId="previous-distribution" />
          <h4>Reasons given ({review.previous.reasons.length})</h4>
          {review.previous.reasons.length === 0 ? <p>No reasons were given.</p> : (
            <ul class="reasons" data-testid="previous-reasons">
              {review.previous.reasons.map((r, i) => <li key={i} class="pre">{r}</li>)}
            </ul>
          )}
        </section>
      )}

      {role === "facilitator" ? (
        <p class="hint">Facilitators do not rate items; the ratings come from the panel's experts.</p>
      ) : instruments.length === 0 ? (
        <p class="notice" data-testid="nothing-to-rate">
          There is nothing to rate on this item: the panel rates only whether the key is correct and Angoff estimates,
          and a scenario has neither.
        </p>
      ) : (
        <RatingForm key={review.roundId ?? "none"} itemId={summary.itemId} instruments={instruments} myRating={review.myRating}
          closedReason={open ? null : `${notOpenText(summary.status)} Ratings can be given only while a facilitator has the item in an open round.`}
          onRated={onReview} />
      )}

      {open && (
        <section aria-labelledby="current-heading" class="current" data-testid="current-round">
          <h3 id="current-heading">The panel's ratings in {review.roundName}</h3>
          {review.hidden || !review.current ? (
            <p data-testid="distribution-hidden">
              Hidden until you have rated this item: you see how others rated only after giving your own rating, so that
              early ratings do not sway later ones.
            </p>
          ) : (
            <>
              <Distribution stats={review.current} instruments={review.instruments} caption={`Ratings so far in ${review.roundName}`}
                testId="current-distribution" />
              {review.preview && <Decision decision={review.preview} lead="If the round closed now, the panel's rules would say:" />}
              <div class="actions">
                <button type="button" class="small secondary" aria-disabled={busy ? "true" : undefined} onClick={refresh}>
                  Show the latest ratings
                </button>
              </div>
              <Alert problem={problem} />
            </>
          )}
        </section>
      )}
    </section>
  );
}

function notOpenText(status: ItemStatus): string {
  switch (status) {
    case "draft": return "This item is a draft and not in an open review round.";
    case "needsRevision": return "This item needs revision and is not in an open review round.";
    case "agreed": return "The panel has agreed this item; it is not in an open review round.";
    case "final": return "This item is final; it is not in a review round.";
    case "withdrawn": return "This item is withdrawn; it is not in a review round.";
    default: return "This item is not in an open review round.";
  }
}
