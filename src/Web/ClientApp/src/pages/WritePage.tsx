// /panels/:panelId/write — write a new item: a question (single best answer or multiple response,
// optionally linked to a scenario) or a scenario's vignette.

import { useEffect, useRef, useState } from "preact/hooks";
import { Alert } from "../components/Alert";
import { Select, TextArea } from "../components/fields";
import { KeyChoices } from "../components/KeyChoices";
import { LoadError, Loading } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { invoke } from "../hub";
import { itemTitle, kindLabels, optionLetters, shape } from "../labels";
import { navigate } from "../router";
import type { ItemDraft, ItemKind, ItemSummary, Outcome, PanelView, Problem } from "../types";
import { joinPanel, useLiveData } from "../useLive";
import { checkText, limits } from "../validation";

interface Context {
  panel: PanelView;
  scenarios: ItemSummary[];
}

type Errors = Record<string, string>;

/** Server error fields that this form shows next to a control. */
const knownFields = new Set(["kind", "statementId", "scenarioId", "stem", "rationale", "vignette", "options", "keys",
  ...Array.from({ length: 8 }, (_, i) => `option${i}`)]);

export function WritePage({ panelId }: { panelId: string }) {
  const { data, problem, reload } = useLiveData<Context>(async (): Promise<Outcome<Context>> => {
    const panel = await joinPanel(panelId);
    if (!panel.ok) return panel;
    const bank = await invoke("ListItems", panelId, null, null);
    if (!bank.ok) return bank;
    return { ok: true, value: { panel: panel.value, scenarios: bank.value.items.filter((i) => i.kind === "scenario") }, error: null };
  });

  return (
    <>
      <PageHeading title="Write an item" />
      {problem && !data && <LoadError problem={problem} onRetry={reload} />}
      {!problem && !data && <Loading what="the form" />}
      {data && <WriteForm panelId={panelId} panel={data.panel} scenarios={data.scenarios} />}
    </>
  );
}

function WriteForm({ panelId, panel, scenarios }: { panelId: string; panel: PanelView; scenarios: ItemSummary[] }) {
  const preselected = new URLSearchParams(location.search).get("scenario") ?? "";
  const [kind, setKind] = useState<ItemKind>("singleBestAnswer");
  const [statementId, setStatementId] = useState("");
  const [scenarioId, setScenarioId] = useState(scenarios.some((s) => s.itemId === preselected) ? preselected : "");
  const [stem, setStem] = useState("");
  const [options, setOptions] = useState<string[]>(Array(8).fill(""));
  const [keys, setKeys] = useState<number[]>([]);
  const [rationale, setRationale] = useState("");
  const [vignette, setVignette] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = useRef(false);

  // After a failed check, take the keyboard to the first field in error.
  useEffect(() => {
    if (!focusError.current) return;
    focusError.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const { options: optionCount, keys: keyCount } = shape[kind];
  const isScenario = kind === "scenario";

  function changeKind(next: ItemKind) {
    setKind(next);
    setKeys([]);
    setErrors({});
  }

  function validate(): Errors {
    const e: Errors = {};
    const put = (field: string, message: string | null) => {
      if (message) e[field] = message;
    };
    if (!statementId) e.statementId = "Choose the framework statement this item is about.";
    if (isScenario) {
      put("vignette", checkText("The vignette", vignette, limits.vignette, true));
      return e;
    }
    put("stem", checkText("The stem", stem, limits.stem, true));
    for (let i = 0; i < optionCount; i++) {
      put(`option${i}`, checkText(`Option ${optionLetters[i]}`, options[i] ?? "", limits.option, false));
    }
    if (keys.length !== keyCount) {
      e.keys = keyCount === 1 ? "Choose the one correct option." : `Choose exactly ${keyCount} correct options (${keys.length} chosen).`;
    }
    put("rationale", checkText("The rationale", rationale, limits.rationale, false));
    return e;
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      focusError.current = true;
      return;
    }

    const draft: ItemDraft = isScenario
      ? { kind, statementId, stem: null, options: null, keys: null, rationale: null, vignette, scenarioId: null }
      : {
          kind, statementId, stem, options: options.slice(0, optionCount), keys, rationale: rationale || null,
          vignette: null, scenarioId: scenarioId || null,
        };
    setBusy(true);
    const result = await invoke("CreateItem", panelId, draft);
    setBusy(false);
    if (result.ok) {
      navigate(`/panels/${encodeURIComponent(panelId)}/items/${encodeURIComponent(result.value.summary.itemId)}`);
      return;
    }
    const field = result.error.field ?? "";
    if (knownFields.has(field)) {
      focusError.current = true;
      setErrors({ [field]: result.error.message });
    } else {
      setProblem(result.error);
    }
  }

  const statementChoices = [
    { value: "", label: "Choose a statement" },
    ...panel.framework.statements.map((s) => ({ value: s.id, label: `${s.number}. ${s.title}` })),
  ];

  return (
    <form ref={formRef} class="panel-box item-form" onSubmit={submit} noValidate aria-label="New item">
      <p class="hint">For panel {panel.name}. You can refine every field after saving; others can comment and rate.</p>
      <Select label="Kind" value={kind} onChange={(v) => changeKind(v as ItemKind)} error={errors.kind}
        choices={(Object.keys(kindLabels) as ItemKind[]).map((k) => ({ value: k, label: kindLabels[k] }))}
        hint={isScenario ? "A case vignette that several questions refer to." : kind === "singleBestAnswer"
          ? "One correct answer among four options." : "Three correct answers among eight options."} />
      <Select label="Framework statement" value={statementId} onChange={setStatementId} required
        choices={statementChoices} error={errors.statementId} />

      {isScenario ? (
        <TextArea label="Vignette" value={vignette} onInput={setVignette} rows={12} required maxLength={limits.vignette}
          error={errors.vignette} hint="The case that linked questions refer to." />
      ) : (
        <>
          {scenarios.length > 0 && (
            <Select label="Scenario" optional value={scenarioId} onChange={setScenarioId} error={errors.scenarioId}
              hint="Link this question to a scenario it refers to."
              choices={[{ value: "", label: "None (a general question)" }, ...scenarios.map((s) => ({ value: s.itemId, label: itemTitle(s.title) }))]} />
          )}
          <TextArea label="Stem" value={stem} onInput={setStem} rows={5} required maxLength={limits.stem}
            error={errors.stem} hint="The question itself: it should be answerable with the options covered." />
          <fieldset class="options">
            <legend>Options</legend>
            {errors.options && <Alert problem={errors.options} />}
            {Array.from({ length: optionCount }, (_, i) => (
              <TextArea key={`${kind}-${i}`} label={`Option ${optionLetters[i]}`} value={options[i] ?? ""} rows={2}
                maxLength={limits.option} error={errors[`option${i}`]}
                onInput={(v) => setOptions((o) => o.map((x, j) => (j === i ? v : x)))} />
            ))}
          </fieldset>
          <KeyChoices kind={kind} keys={keys} onChange={setKeys} error={errors.keys} options={options} />
          <TextArea label="Rationale" optional value={rationale} onInput={setRationale} rows={4} maxLength={limits.rationale}
            error={errors.rationale} hint="Why the key is right and the distractors are wrong; reviewers read this." />
        </>
      )}

      <Alert problem={problem} />
      <div class="actions">
        <button type="submit" aria-disabled={busy ? "true" : undefined}>{busy ? "Saving…" : "Save item"}</button>
        <a href={`/panels/${encodeURIComponent(panelId)}`}>Cancel</a>
      </div>
    </form>
  );
}
