// Coverage per framework statement: items written and agreed against the facilitators' target, and a form per
// statement to set its target (0 clears it).

import { useState } from "preact/hooks";
import { invoke } from "../../hub";
import type { CoverageLine, DashboardView, Framework, Problem } from "../../types";
import { Alert } from "../Alert";
import { Hidden } from "../item/ConflictNotice";

export function CoverageSection({ panelId, framework, coverage, onDashboard }: {
  panelId: string;
  framework: Framework;
  coverage: CoverageLine[];
  onDashboard: (d: DashboardView) => void;
}) {
  return (
    <section aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage by framework statement</h2>
      <p class="hint">Agreed counts items the panel agreed (or made final). Set a target of agreed items per statement; 0 clears it.</p>
      <div class="table-scroll" role="region" aria-label="Coverage table" tabIndex={0}>
        <table data-testid="coverage-table">
          <caption>Items per statement of {framework.title}, against targets</caption>
          <thead>
            <tr>
              <th scope="col">Statement</th>
              <th scope="col" class="num">Items</th>
              <th scope="col" class="num">Agreed</th>
              <th scope="col" class="num">Target</th>
              <th scope="col">Progress</th>
              <th scope="col">Set target</th>
            </tr>
          </thead>
          <tbody>
            {framework.statements.map((s) => {
              const line = coverage.find((c) => c.statementId === s.id) ?? { statementId: s.id, items: 0, agreed: 0, target: null };
              return (
                <tr key={s.id} data-statement-id={s.id}>
                  <th scope="row">{s.number}. {s.title}</th>
                  <td class="num">{line.items}</td>
                  <td class="num">{line.agreed}</td>
                  <td class="num">{line.target ?? "—"}</td>
                  <td><Progress line={line} /></td>
                  <td><TargetForm key={`${s.id}-${line.target ?? ""}`} panelId={panelId} label={`${s.number}. ${s.title}`} line={line} onDashboard={onDashboard} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Progress({ line }: { line: CoverageLine }) {
  if (!line.target) return <span class="meta">No target</span>;
  const met = line.agreed >= line.target;
  return (
    <span class="progress-cell">
      <span class="bar" aria-hidden="true"><span class="bar-fill" style={{ width: `${Math.min(100, (100 * line.agreed) / line.target)}%` }} /></span>
      <span class={`badge ${met ? "badge-yes" : "badge-none"}`}>
        {met ? "Target met" : `${line.target - line.agreed} short`}
      </span>
    </span>
  );
}

function TargetForm({ panelId, label, line, onDashboard }: {
  panelId: string;
  label: string;
  line: CoverageLine;
  onDashboard: (d: DashboardView) => void;
}) {
  const [value, setValue] = useState(line.target === null ? "" : String(line.target));
  const [problem, setProblem] = useState<Problem | string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    const text = value.trim() === "" ? "0" : value.trim();
    if (!/^\d{1,5}$/.test(text)) {
      setProblem("A target is a whole number of items (0 clears it).");
      return;
    }
    setBusy(true);
    const result = await invoke("SetCoverageTarget", panelId, line.statementId, Number(text));
    setBusy(false);
    if (result.ok) onDashboard(result.value);
    else setProblem(result.error);
  }

  return (
    <form class="target-form" onSubmit={submit} noValidate aria-label={`Target for ${label}`}>
      <label>
        <Hidden>{`Target of agreed items for ${label}`}</Hidden>
        <input type="number" min={0} max={10000} step={1} inputMode="numeric" value={value} class="target-input"
          onInput={(e) => setValue(e.currentTarget.value)} />
      </label>
      <button type="submit" class="small secondary" aria-disabled={busy ? "true" : undefined}>
        Save<Hidden>{` target for ${label}`}</Hidden>
      </button>
      <Alert problem={problem} />
    </form>
  );
}
