// "/": who I am, my panels, and (for people who may) a form to create a panel.

import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { Alert } from "../components/Alert";
import { CreatePanelForm } from "../components/CreatePanelForm";
import { LoadError, Loading } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { disconnect } from "../hub";
import { roleLabels } from "../labels";
import { navigate } from "../router";
import type { Me, Problem } from "../types";

export function HomePage() {
  const [me, setMe] = useState<Me | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [signOutProblem, setSignOutProblem] = useState<Problem | null>(null);

  async function load() {
    setProblem(null);
    const result = await api.me();
    if (result.ok) setMe(result.value);
    else setProblem(result.error);
  }

  useEffect(() => {
    void load();
  }, []);

  async function signOut() {
    setSignOutProblem(null);
    const result = await api.signOut();
    if (!result.ok && result.error.code !== "unauthenticated") {
      setSignOutProblem(result.error);
      return;
    }
    await disconnect();
    navigate("/signed-out", { replace: true });
  }

  const title = problem?.code === "unauthenticated" ? "Sign-in needed" : "Your panels";

  return (
    <>
      <PageHeading title={title} />
      {problem && <LoadError problem={problem} onRetry={load} />}
      {!problem && !me && <Loading what="your panels" />}
      {me && (
        <>
          <div class="signed-in">
            <p>Signed in as <strong>{me.name}</strong>.</p>
            <button type="button" class="secondary" onClick={signOut}>Sign out</button>
            <Alert problem={signOutProblem} />
          </div>

          <section aria-labelledby="panels-heading">
            <h2 id="panels-heading">Panels you belong to</h2>
            {me.memberships.length === 0 ? (
              <p>You are not a member of any panel yet.</p>
            ) : (
              <ul class="panel-list">
                {me.memberships.map((m) => (
                  <li key={m.panelId}>
                    <a href={`/panels/${encodeURIComponent(m.panelId)}`}>{m.panelName}</a>
                    <span class="meta"> — {roleLabels[m.role] ?? m.role}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {me.canCreatePanels && (
            <CreatePanelForm onCreated={(panel) => navigate(`/panels/${encodeURIComponent(panel.panelId)}`)} />
          )}
        </>
      )}
    </>
  );
}
