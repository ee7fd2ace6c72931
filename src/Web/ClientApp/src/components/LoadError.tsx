// A page that could not load: the sign-in notice for a missing session, otherwise the reason and a retry.

import type { Problem } from "../types";
import { NeedSignIn } from "./NeedSignIn";

export function LoadError({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  if (problem.code === "unauthenticated") return <NeedSignIn />;
  return (
    <div class="panel-box">
      <p class="alert" role="alert">{problem.message}</p>
      {onRetry && problem.code !== "forbidden" && problem.code !== "not-found" && (
        <button type="button" onClick={onRetry}>Try again</button>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p class="loading" role="status">Loading {what}…</p>;
}
