// /join#<token>: the token arrives in the fragment (never sent to the server in the URL); we take it,
// clear it from the address bar and history, and post it when the person chooses to sign in.

import { useState } from "preact/hooks";
import { api } from "../api";
import { Alert } from "../components/Alert";
import { TextInput } from "../components/fields";
import { PageHeading } from "../components/PageHeading";
import { navigate } from "../router";
import type { Problem } from "../types";

function takeTokenFromHash(): string {
  const token = decodeURIComponent(location.hash.replace(/^#/, "")).trim();
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  return token;
}

/** Accepts a whole pasted link as well as the bare token. */
function tokenFrom(input: string): string {
  const trimmed = input.trim();
  const hash = trimmed.indexOf("#");
  return hash >= 0 ? trimmed.slice(hash + 1).trim() : trimmed;
}

export function JoinPage() {
  const [fromLink] = useState(takeTokenFromHash);
  const [pasted, setPasted] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function signIn(e: Event) {
    e.preventDefault();
    if (busy) return;
    const token = fromLink || tokenFrom(pasted);
    if (!token) {
      setProblem({ code: "invalid", message: "Paste the sign-in link you were sent.", field: "token" });
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await api.signIn(token);
    setBusy(false);
    if (result.ok) {
      navigate("/", { replace: true });
    } else if (result.error.code === "unauthenticated") {
      setProblem({
        code: result.error.code,
        message: "This sign-in link is not valid: it may have been revoked, already used, or mistyped. Ask your facilitator for a new one.",
      });
    } else {
      setProblem(result.error);
    }
  }

  return (
    <>
      <PageHeading title="Sign in" />
      <form class="panel-box narrow" onSubmit={signIn} noValidate>
        {fromLink ? (
          <p>You opened your personal sign-in link. Choose Sign in to continue.</p>
        ) : (
          <TextInput
            label="Sign-in link"
            hint="Paste the personal link your facilitator sent you."
            value={pasted}
            onInput={setPasted}
            error={problem?.field === "token" ? problem.message : null}
          />
        )}
        {problem?.field !== "token" && <Alert problem={problem} />}
        <button type="submit" aria-disabled={busy ? "true" : undefined}>{busy ? "Signing in…" : "Sign in"}</button>
      </form>
    </>
  );
}
