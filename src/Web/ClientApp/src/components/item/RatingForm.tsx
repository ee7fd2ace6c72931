// My rating of the item: essentiality (Lawshe), relevance 1-4 (CVI), agreement with the key, and a
// reason that the panel's rules require for negative judgements.

import { useId, useState } from "preact/hooks";
import { invoke } from "../../hub";
import { essentialityLabels, relevanceLabels } from "../../labels";
import type { Essentiality, Problem, Rating, RatingStatistics } from "../../types";
import { limits, checkText, ratingNeedsReason } from "../../validation";
import { Alert, Notice } from "../Alert";
import { RadioGroup, TextArea } from "../fields";

export function RatingForm({ itemId, hasKey, myRating, reviewClosed, onRated }: {
  itemId: string;
  hasKey: boolean;
  myRating: Rating | null;
  reviewClosed: boolean;
  onRated: (rating: Rating, stats: RatingStatistics) => void;
}) {
  const id = useId();
  const [essentiality, setEssentiality] = useState<Essentiality | null>(myRating?.essentiality ?? null);
  const [relevance, setRelevance] = useState<number>(myRating?.relevance ?? 0);
  const [keyCorrect, setKeyCorrect] = useState<boolean | null>(myRating?.keyCorrect ?? null);
  const [reason, setReason] = useState(myRating?.reason ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const needsReason = ratingNeedsReason({ essentiality: essentiality ?? "essential", relevance, keyCorrect });

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setDone(false);
    setProblem(null);
    const next: Record<string, string> = {};
    if (!essentiality) next.essentiality = "Choose how essential the item is.";
    if (!relevance) next.relevance = "Choose how relevant the item is, from 1 to 4.";
    if (hasKey && keyCorrect === null) next.keyCorrect = "Say whether you agree that the key is correct.";
    const reasonError = checkText("A reason", reason, limits.reason, needsReason);
    if (reasonError) next.reason = needsReason && !reason.trim() ? `${reasonGround()} Give a reason.` : reasonError;
    setErrors(next);
    if (Object.keys(next).length || !essentiality) return;

    const rating: Rating = { essentiality, relevance, keyCorrect: hasKey ? keyCorrect : null, reason: reason.trim() || null };
    setBusy(true);
    const result = await invoke("Rate", itemId, rating);
    setBusy(false);
    if (result.ok) {
      setDone(true);
      onRated(rating, result.value);
    } else if (result.error.field && ["essentiality", "relevance", "keyCorrect", "reason"].includes(result.error.field)) {
      setErrors({ [result.error.field]: result.error.message });
    } else {
      setProblem(result.error);
    }
  }

  function reasonGround(): string {
    if (essentiality === "notNecessary") return "You rated the item not necessary.";
    if (relevance > 0 && relevance <= 2) return `You rated its relevance ${relevance}.`;
    return "You disagree with the key.";
  }

  return (
    <form class="panel-box" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Your rating</h2>
      {myRating ? (
        <p data-testid="my-rating">
          Your current rating: {essentialityLabels[myRating.essentiality]}; relevance {relevanceLabels[myRating.relevance] ?? myRating.relevance}
          {myRating.keyCorrect !== null ? `; key ${myRating.keyCorrect ? "correct (agree)" : "not correct (disagree)"}` : ""}.
          {" "}You can change it until review closes.
        </p>
      ) : (
        <p>You have not rated this item yet.</p>
      )}
      {reviewClosed && (
        <p class="notice" id={`${id}-closed`}>Review of this item is closed, so ratings cannot be given or changed. A facilitator can reopen it.</p>
      )}
      <fieldset class="plain" disabled={reviewClosed} aria-describedby={reviewClosed ? `${id}-closed` : undefined}>
        <RadioGroup legend="Essentiality" value={essentiality} onChange={(v) => setEssentiality(v as Essentiality)}
          error={errors.essentiality} hint="Is the knowledge this item tests essential for the role?"
          choices={(Object.keys(essentialityLabels) as Essentiality[]).map((k) => ({ value: k, label: essentialityLabels[k] }))} />
        <RadioGroup legend="Relevance" value={relevance ? String(relevance) : null} onChange={(v) => setRelevance(Number(v))}
          error={errors.relevance} hint="How relevant is the item to its framework statement?"
          choices={[1, 2, 3, 4].map((n) => ({ value: String(n), label: relevanceLabels[n]! }))} />
        {hasKey && (
          <RadioGroup legend="Is the key correct?" inline value={keyCorrect === null ? null : keyCorrect ? "agree" : "disagree"}
            onChange={(v) => setKeyCorrect(v === "agree")} error={errors.keyCorrect}
            choices={[{ value: "agree", label: "Agree" }, { value: "disagree", label: "Disagree" }]} />
        )}
        <TextArea label="Reason" value={reason} onInput={setReason} rows={3} maxLength={limits.reason} required={needsReason}
          error={errors.reason}
          hint={needsReason ? `Required: ${reasonGround()}` : "Optional. A reason helps the author improve the item."} />
        <Alert problem={problem} />
        <button type="submit" aria-disabled={busy ? "true" : undefined}>Submit rating</button>
        {done && <Notice>Your rating was saved.</Notice>}
      </fieldset>
    </form>
  );
}
