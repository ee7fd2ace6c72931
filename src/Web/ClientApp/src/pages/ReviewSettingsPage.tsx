// /panels/:panelId/review (facilitators): how the panel reviews items: the instruments experts rate on, the rules
// that decide consensus when a round closes, and pseudonymity (settled before the first item is written). A round
// keeps the settings it was opened with.

import { useState } from "preact/hooks";
import { Alert, Notice } from "../components/Alert";
import { Checkbox, FieldError, TextInput } from "../components/fields";
import { LoadError, Loading } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { invoke } from "../hub";
import { allInstruments, instrumentHints, instrumentLabels } from "../labels";
import { useHubEvent } from "../live";
import type { Instrument, PanelView, Problem, ReviewSettings } from "../types";
import { joinPanel, useLiveData } from "../useLive";

export function ReviewSettingsPage({ panelId }: { panelId: string }) {
  const { data: panel, setData, problem, reload } = useLiveData<PanelView>(() => joinPanel(panelId));
  useHubEvent("reviewChanged", (change) => setData((p) => ({ ...p, review: change.review, disclosure: change.disclosure })));
  const [saved, setSaved] = useState(false);

  return (
    <>
      <PageHeading title={panel ? `Review settings — ${panel.name}` : "Review settings"} />
      {problem && !panel && <LoadError problem={problem} onRetry={reload} />}
      {!problem && !panel && <Loading what="the review settings" />}
      {panel && panel.myRole !== "facilitator" && <p class="panel-box">Only facilitators of this panel can change how it reviews items.</p>}
      {panel && panel.myRole === "facilitator" && (
        <>
          {/* Saved settings (ours or another facilitator's) start the form afresh. */}
          <SettingsForm key={JSON.stringify(panel.review)} panel={panel} onSubmit={() => setSaved(false)}
            onSaved={(p) => { setData(() => p); setSaved(true); }} />
          {saved && <Notice>The review settings were saved.</Notice>}
          <section aria-labelledby="disclosure-heading">
            <h2 id="disclosure-heading">What the panel is told before anyone rates</h2>
            <ul data-testid="settings-disclosure">{panel.disclosure.map((line) => <li key={line}>{line}</li>)}</ul>
          </section>
        </>
      )}
    </>
  );
}

/** A share typed as text: empty switches the rule off. */
function shareText(value: number | null): string {
  return value === null ? "" : String(value);
}

function SettingsForm({ panel, onSubmit, onSaved }: { panel: PanelView; onSubmit: () => void; onSaved: (p: PanelView) => void }) {
  const start = panel.review;
  const [instruments, setInstruments] = useState<Set<Instrument>>(new Set(start.instruments));
  const [requireCriticalCvr, setRequireCriticalCvr] = useState(start.rules.requireCriticalCvr);
  const [minItemCvi, setMinItemCvi] = useState(shareText(start.rules.minItemCvi));
  const [minKeyAgreement, setMinKeyAgreement] = useState(shareText(start.rules.minKeyAgreement));
  const [minClarityAgreement, setMinClarityAgreement] = useState(shareText(start.rules.minClarityAgreement));
  const [minRaters, setMinRaters] = useState(String(start.rules.minRaters));
  const [pseudonymous, setPseudonymous] = useState(start.pseudonymous);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // The server refuses a change of pseudonymity once there are items: names already shown cannot be taken back.
  const settled = panel.itemCount > 0 || panel.rounds.length > 0;

  function toggle(i: Instrument, on: boolean) {
    setInstruments((s) => {
      const next = new Set(s);
      if (on) next.add(i);
      else next.delete(i);
      return next;
    });
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    onSubmit();
    setProblem(null);
    const next: Record<string, string> = {};
    const share = (name: string, text: string): number | null => {
      if (!text.trim()) return null;
      const v = Number(text.trim());
      if (!Number.isFinite(v) || v < 0 || v > 1) next[name] = "A threshold is a share from 0 to 1 (for example 0.78), or empty to switch the rule off.";
      return v;
    };
    if (instruments.size === 0) next.instruments = "Choose at least one rating instrument.";
    const rules = {
      requireCriticalCvr,
      minItemCvi: share("minItemCvi", minItemCvi),
      minKeyAgreement: share("minKeyAgreement", minKeyAgreement),
      minClarityAgreement: share("minClarityAgreement", minClarityAgreement),
      minRaters: /^\d{1,4}$/.test(minRaters.trim()) ? Number(minRaters.trim()) : NaN,
    };
    if (!(rules.minRaters >= 1 && rules.minRaters <= 1000)) next.minRaters = "The fewest raters for a decision is a whole number from 1 to 1000.";
    setErrors(next);
    if (Object.keys(next).length) return;
    const settings: ReviewSettings = { instruments: allInstruments.filter((i) => instruments.has(i)), rules, pseudonymous };
    setBusy(true);
    const result = await invoke("SetReview", panel.panelId, settings);
    setBusy(false);
    if (result.ok) {
      onSaved(result.value);
    } else if (result.error.field && ["instruments", "minItemCvi", "minKeyAgreement", "minClarityAgreement", "minRaters", "pseudonymous"].includes(result.error.field)) {
      setErrors({ [result.error.field]: result.error.message });
    } else {
      setProblem(result.error);
    }
  }

  return (
    <form class="panel-box" onSubmit={submit} noValidate aria-labelledby="settings-heading" data-testid="review-settings">
      <h2 id="settings-heading">How the panel reviews items</h2>
      <p class="hint">Changes apply to rounds opened from now on; an open round keeps the settings it was opened with.</p>
      <fieldset class={errors.instruments ? "has-error" : undefined} aria-describedby="instruments-hint">
        <legend>Rating instruments</legend>
        <p id="instruments-hint" class="hint">Experts answer only these. Scenarios are not rated on the key or Angoff.</p>
        {allInstruments.map((i) => (
          <div key={i}>
            <Checkbox label={instrumentLabels[i]} checked={instruments.has(i)} onChange={(on) => toggle(i, on)} describedBy={`hint-${i}`} />
            <p id={`hint-${i}`} class="hint indent">{instrumentHints[i]}</p>
          </div>
        ))}
        <FieldError message={errors.instruments} />
      </fieldset>
      <fieldset>
        <legend>When an item is agreed</legend>
        <p class="hint">At the close of a round an item is agreed when it has enough raters and meets every rule below that applies to its instruments; otherwise it needs revision. Leave a threshold empty to switch the rule off.</p>
        <Checkbox label="The essential count reaches Lawshe's critical value (exact binomial, p = .05)" checked={requireCriticalCvr} onChange={setRequireCriticalCvr} />
        <TextInput label="Lowest I-CVI (share rating relevance 3-4)" value={minItemCvi} onInput={setMinItemCvi} error={errors.minItemCvi} hint="Usually 0.78." optional />
        <TextInput label="Lowest share agreeing the key is correct" value={minKeyAgreement} onInput={setMinKeyAgreement} error={errors.minKeyAgreement} hint="Usually 0.75." optional />
        <TextInput label="Lowest share rating clarity 3-4" value={minClarityAgreement} onInput={setMinClarityAgreement} error={errors.minClarityAgreement} optional />
        <TextInput label="Fewest raters for a decision" value={minRaters} onInput={setMinRaters} error={errors.minRaters} hint="Fewer raters and the item needs another round." />
      </fieldset>
      <fieldset aria-describedby="pseudonymous-hint">
        <legend>Pseudonymity</legend>
        <Checkbox label="Experts see one another by pseudonym (group and number, e.g. “Academic 7”)" checked={pseudonymous}
          onChange={setPseudonymous} disabled={settled} describedBy="pseudonymous-hint" />
        <p id="pseudonymous-hint" class="hint">
          {settled
            ? "Settled: the panel already has items, and names already shown cannot be taken back."
            : "Settle this before the first item is written. Facilitators always see names."}
        </p>
        <FieldError message={errors.pseudonymous} />
      </fieldset>
      <Alert problem={problem} />
      <button type="submit" aria-disabled={busy ? "true" : undefined}>Save review settings</button>
    </form>
  );
}
