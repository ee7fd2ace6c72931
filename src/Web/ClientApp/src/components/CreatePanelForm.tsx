// Create a panel: a name and a framework, either a published one or one loaded from a JSON file.

import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api";
import type { Framework, PanelView, Problem } from "../types";
import { Alert } from "./Alert";
import { Select, TextInput } from "./fields";

const fromFile = "__file";
const maxFileBytes = 256 * 1024;
const maxName = 200;

export function CreatePanelForm({ onCreated }: { onCreated: (panel: PanelView) => void }) {
  const [frameworks, setFrameworks] = useState<Framework[]>([]);
  const [frameworksProblem, setFrameworksProblem] = useState<Problem | null>(null);
  const [name, setName] = useState("");
  const [choice, setChoice] = useState("");
  const [loaded, setLoaded] = useState<unknown>(null);
  const [loadedTitle, setLoadedTitle] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void api.frameworks().then((r) => {
      if (r.ok) {
        setFrameworks(r.value);
        setChoice((c) => c || r.value[0]?.id || fromFile);
      } else {
        setFrameworksProblem(r.error);
        setChoice(fromFile);
      }
    });
  }, []);

  async function readFile(file: File | undefined) {
    setLoaded(null);
    setLoadedTitle("");
    setErrors((e) => ({ ...e, file: "" }));
    if (!file) return;
    if (file.size > maxFileBytes) {
      setErrors((e) => ({ ...e, file: "A framework file can be at most 256 KB." }));
      return;
    }
    try {
      const json: unknown = JSON.parse(await file.text());
      const f = json as Partial<Framework>;
      if (!f || typeof f !== "object" || !Array.isArray(f.statements)) {
        setErrors((e) => ({ ...e, file: "This file does not look like a framework: it needs a title and a list of statements." }));
        return;
      }
      setLoaded(json);
      setLoadedTitle(`${f.title ?? "Untitled framework"} (${f.statements.length} statements)`);
    } catch (err) {
      setErrors((e) => ({ ...e, file: `The file is not valid JSON: ${(err as Error).message}` }));
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = "Give the panel a name.";
    else if (name.length > maxName) next.name = `A panel name can be at most ${maxName} characters.`;
    if (choice === fromFile && !loaded) next.file = errors.file || "Choose a framework file (JSON).";
    setErrors(next);
    setProblem(null);
    if (Object.values(next).some(Boolean)) return;

    setBusy(true);
    const result = await api.createPanel(name.trim(), choice === fromFile ? { framework: loaded } : { frameworkId: choice });
    setBusy(false);
    if (result.ok) {
      onCreated(result.value);
      return;
    }
    const field = result.error.field ?? "";
    if (field === "name") setErrors({ name: result.error.message });
    else if (field.startsWith("framework") && choice === fromFile) setErrors({ file: result.error.message });
    else setProblem(result.error);
  }

  const choices = [
    ...frameworks.map((f) => ({ value: f.id, label: f.title })),
    { value: fromFile, label: "From a JSON file…" },
  ];

  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Create a panel</h2>
      <form class="panel-box" onSubmit={submit} noValidate>
        <TextInput label="Panel name" value={name} onInput={setName} required maxLength={maxName} error={errors.name} />
        <Select label="Framework" value={choice} onChange={setChoice} choices={choices} required
          hint={frameworksProblem ? `The published frameworks could not be loaded (${frameworksProblem.message}); load one from a file.` : undefined} />
        {choice === fromFile && (
          <div class={`field${errors.file ? " has-error" : ""}`}>
            <label for="framework-file">Framework file (JSON)</label>
            <p id="framework-file-hint" class="hint">The shape of the shipped frameworks: an id, a title and numbered statements. At most 256 KB.</p>
            <input
              id="framework-file"
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              aria-describedby={`framework-file-hint${errors.file ? " framework-file-error" : ""}${loadedTitle ? " framework-file-loaded" : ""}`}
              aria-invalid={errors.file ? "true" : undefined}
              onChange={(e) => void readFile(e.currentTarget.files?.[0])}
            />
            {loadedTitle && <p id="framework-file-loaded" class="hint">Loaded: {loadedTitle}</p>}
            {errors.file && <p id="framework-file-error" class="field-error" role="alert"><span class="visually-hidden">Error: </span>{errors.file}</p>}
          </div>
        )}
        <Alert problem={problem} />
        <button type="submit" aria-disabled={busy ? "true" : undefined}>Create panel</button>
      </form>
    </section>
  );
}
