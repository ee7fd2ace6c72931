// Closing a round, with a confirmation in place: closing freezes the ratings and decides every item by the rules.

import { useEffect, useRef, useState } from "preact/hooks";
import { invoke } from "../hub";
import type { Problem, RoundView } from "../types";
import { Alert } from "./Alert";
import { Hidden } from "./item/ConflictNotice";

export function CloseRound({ roundId, name, items, onClosed }: {
  roundId: string;
  name: string;
  items: number;
  onClosed: (round: RoundView) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const first = useRef(true);
  // Keep keyboard focus on the control that replaces the one just pressed.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    (confirming ? cancelRef : closeRef).current?.focus();
  }, [confirming]);

  async function close() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await invoke("CloseRound", roundId);
    setBusy(false);
    if (result.ok) {
      setConfirming(false);
      onClosed(result.value);
    } else {
      setProblem(result.error);
    }
  }

  return (
    <div class="close-round">
      {!confirming ? (
        <button type="button" ref={closeRef} class="small danger secondary" onClick={() => setConfirming(true)}>
          Close round<Hidden>{` ${name}`}</Hidden>
        </button>
      ) : (
        <span class="confirm" role="group" aria-label={`Confirm closing ${name}`}>
          <span>
            Close {name}? Ratings of its {items} {items === 1 ? "item" : "items"} freeze, and each item becomes agreed or
            needs revision by the panel's rules. A closed round does not change.
          </span>
          <button type="button" class="small danger" aria-disabled={busy ? "true" : undefined} onClick={close}>
            Yes, close {name}
          </button>
          <button type="button" ref={cancelRef} class="small secondary" onClick={() => setConfirming(false)}>
            Cancel<Hidden>{` closing ${name}`}</Hidden>
          </button>
        </span>
      )}
      <Alert problem={problem} />
    </div>
  );
}
