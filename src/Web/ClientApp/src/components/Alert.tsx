// A refusal or failure shown next to the control that caused it; announced by screen readers.

import type { ComponentChildren } from "preact";
import type { Problem } from "../types";

export function Alert({ problem, id }: { problem: Problem | string | null | undefined; id?: string }) {
  if (!problem) return null;
  const message = typeof problem === "string" ? problem : problem.message;
  return (
    <p class="alert" role="alert" id={id}>
      <span class="alert-label">Not done: </span>
      {message}
    </p>
  );
}

/** A calm confirmation, announced politely. */
export function Notice({ children }: { children: ComponentChildren }) {
  return <p class="notice" role="status">{children}</p>;
}
