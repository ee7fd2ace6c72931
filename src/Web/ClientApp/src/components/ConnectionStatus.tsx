// The live connection's state in words (not colour alone), announced politely when it changes.

import { useConnectionStatus } from "../live";

const texts = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline — changes are not being saved",
} as const;

export function ConnectionStatus() {
  const status = useConnectionStatus();
  return (
    <p class={`connection connection-${status}`} role="status" data-testid="connection-status">
      {status !== "idle" && (
        <>
          <span class="visually-hidden">Connection: </span>
          <span class="connection-dot" aria-hidden="true" />
          {texts[status]}
        </>
      )}
    </p>
  );
}
