// My rating of the item in its open round, on the panel's instruments only: essentiality (Lawshe), relevance 1-4
// (CVI), agreement with the key, clarity 1-4, an Angoff estimate; and a reason, which the panel's rules require for
// negative judgements (the form says so before sending; the server decides).

import { useId, useState } from "preact/hooks";
import { invoke } from "../../hub";
import { clarityLabels, essentialityLabels, instrumentHints, ratingText, relevanceLabels } from "../../labels";
import type { Essentiality, Instrument, ItemReview, Problem, Rating } from "../../types";
import { checkText, limits, ratingNeedsReason } from "../../validation";
import { Alert, Notice } from "../Alert";
import { NumberInput, RadioGroup, TextArea } from "../fields";

const ratingFields = new Set(["essentiality", "relevance", "keyCorrect", "clarity", "angoff", "reason", "rating"]);

export function RatingForm({ itemId, instruments, myRating, closedReason, onRated }: {
  itemId: string;
  /** The instruments this item is rated on (the panel's, less those a scenario has no use for). */
  instruments: Instrument[];
  myRating: Rating | null;
  /** Why ratings cannot be given now; null while the item is in an open round. */
  closedReason: string | null;
  onRated: (review: ItemReview) => void;
}) {
  const id = useId();
  const uses = (i: Instrument) => instruments.includes(i);
  const [essentiality, setEssentiality] = useState<Essentiality | null>(myRating?.essentiality ?? null);
  const [relevance, setRelevance] = useState<number | null>(myRating?.relevance ?? null);
  const [keyCorrect, setKeyCorrect] = useState<boolean | null>(myRating?.keyCorrect ?? null);
  const [clarity, setClarity] = useState<number | null>(myRating?.clarity ?? null);
  const [angoff, setAngoff] = useState<string>(myRating?.angoff === null || myRating?.angoff === undefined ? "" : String(myRating.angoff));
  const [reason, setReason] = useState(myRating?.reason ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const answers = {
    essentiality: uses("essentiality") ? essentiality : null,
    relevance: uses("relevance") ? relevance : null,
    keyCorrect: uses("keyCorrect") ? keyCorrect : null,
    clarity: uses("clarity") ? clarity : null,
  };
  const needsReason = ratingNeedsReason(answers);
  const closed = closedReason !== null;

  function reasonGround(): string {
    const grounds: string[] = [];
    if (answers.essentiality === "notNecessary") grounds.push("you rated the item not necessary");
    if (answers.relevance && answers.relevance <= 2) grounds.push(`you rated its relevance ${answers.relevance}`);
    if (answers.clarity && answers.clarity <= 2) grounds.push(`you rated its clarity ${answers.clarity}`);
    if (answers.keyCorrect === false) grounds.push("you disagree with the key");
    const text = grounds.join(" and ");
    return text ? `${text[0]!.toUpperCase()}${text.slice(1)}.` : "";
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy || closed) return;
    setDone(false);
    setProblem(null);
    const next: Record<string, string> = {};
    if (uses("essentiality") && !essentiality) next.essentiality = "Choose how essential the item is.";
    if (uses("relevance") && !relevance) next.relevance = "Choose how relevant the item is, from 1 to 4.";
    if (uses("keyCorrect") && keyCorrect === null) next.keyCorrect = "Say whether you agree that the key is correct.";
    if (uses("clarity") && !clarity) next.clarity = "Choose how clear the item is, from 1 to 4.";
    let angoffValue: number | null = null;
    if (uses("angoff")) {
      angoffValue = /^\d{1,3}$/.test(angoff.trim()) ? Number(angoff.trim()) : NaN;
      if (Number.isNaN(angoffValue) || angoffValue > 100) next.angoff = "Give the Angoff estimate as a whole percentage from 0 to 100.";
    }
    const reasonError = checkText("A reason", reason, limits.reason, needsReason);
    if (reasonError) next.reason = needsReason && !reason.trim() ? `${reasonGround()} Give a reason.` : reasonError;
    setErrors(next);
    if (Object.keys(next).length) return;

    const rating: Rating = { ...answers, angoff: uses("angoff") ? angoffValue : null, reason: reason.trim() || null };
    setBusy(true);
    const result = await invoke("Rate", itemId, rating);
    setBusy(false);
    if (result.ok) {
      setDone(true);
      onRated(result.value);
    } else if (result.error.field && ratingFields.has(result.error.field) && result.error.field !== "rating") {
      setErrors({ [result.error.field]: result.error.message });
    } else {
      setProblem(result.error);
    }
  }

  return (
    <form class="panel-box rating-form" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Your rating</h3>
      {myRating ? (
        <p data-testid="my-rating">
          Your current rating: {ratingText(myRating)}.{myRating.reason ? ` Your reason: “${myRating.reason}”.` : ""}
          {" "}You can change it until the round closes.
        </p>
      ) : (
        !closed && <p>You have not rated this item in this round yet.</p>
      )}
      {closed && <p class="notice" id={`${id}-closed`} data-testid="rating-closed">{closedReason}</p>}
      <fieldset class="plain" disabled={closed} aria-describedby={closed ? `${id}-closed` : undefined}>
        {uses("essentiality") && (
          <RadioGroup legend="Essentiality" value={essentiality} onChange={(v) => setEssentiality(v as Essentiality)}
            error={errors.essentiality} hint="Is the knowledge this item tests essential for the role?"
            choices={(Object.keys(essentialityLabels) as Essentiality[]).map((k) => ({ value: k, label: essentialityLabels[k] }))} />
        )}
        {uses("relevance") && (
          <RadioGroup legend="Relevance" value={relevance ? String(relevance) : null} onChange={(v) => setRelevance(Number(v))}
            error={errors.relevance} hint="How relevant is the item to its framework statement?"
            choices={[1, 2, 3, 4].map((n) => ({ value: String(n), label: relevanceLabels[n]! }))} />
        )}
        {uses("keyCorrect") && (
          <RadioGroup legend="Is the key correct?" inline value={keyCorrect === null ? null : keyCorrect ? "agree" : "disagree"}
            onChange={(v) => setKeyCorrect(v === "agree")} error={errors.keyCorrect}
            choices={[{ value: "agree", label: "Agree" }, { value: "disagree", label: "Disagree" }]} />
        )}
        {uses("clarity") && (
          <RadioGroup legend="Clarity" value={clarity ? String(clarity) : null} onChange={(v) => setClarity(Number(v))}
            error={errors.clarity} hint="How clearly is the item written?"
            choices={[1, 2, 3, 4].map((n) => ({ value: String(n), label: clarityLabels[n]! }))} />
        )}
        {uses("angoff") && (
          <NumberInput label="Angoff estimate (%)" value={angoff} onInput={setAngoff} min={0} max={100} unit="%" required
            error={errors.angoff}
            hint={`Think of a practitioner who is only just competent for the role. Out of 100 such practitioners, how many would answer this question correctly? A whole number from 0 to 100. ${instrumentHints.angoff}`} />
        )}
        <TextArea label="Reason" value={reason} onInput={setReason} rows={3} maxLength={limits.reason} required={needsReason}
          error={errors.reason}
          hint={needsReason
            ? `Required: ${reasonGround()} The panel sees reasons without names when the round closes.`
            : "Optional. A reason helps the author improve the item; the panel sees reasons without names when the round closes."} />
        <Alert problem={problem} />
        <button type="submit" aria-disabled={busy ? "true" : undefined}>Submit rating</button>
        {done && <Notice>Your rating was saved.</Notice>}
      </fieldset>
    </form>
  );
}
