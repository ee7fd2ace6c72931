// A visually hidden live region that announces changes sparingly: at most one message every few
// seconds, summarising what happened meanwhile.

import { useEffect, useRef, useState } from "preact/hooks";

const quietMs = 5_000;

export function useAnnouncer(): { message: string; announce: (key: string, text: string) => void } {
  const [message, setMessage] = useState("");
  const pending = useRef<Map<string, string>>(new Map());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastAt = useRef(0);

  const flush = () => {
    timer.current = undefined;
    const texts = [...pending.current.values()];
    pending.current.clear();
    if (!texts.length) return;
    lastAt.current = Date.now();
    setMessage(texts.length === 1 ? texts[0]! : `${texts.length} items updated`);
  };

  /** Queues a message; several for different keys within the quiet period become one summary. */
  const announce = (key: string, text: string) => {
    pending.current.set(key, text);
    if (timer.current) return;
    const wait = Math.max(0, quietMs - (Date.now() - lastAt.current));
    timer.current = setTimeout(flush, wait);
  };

  useEffect(() => () => clearTimeout(timer.current), []);
  return { message, announce };
}

export function Announcer({ message }: { message: string }) {
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
    </div>
  );
}
