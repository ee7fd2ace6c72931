// Live updates batched per animation frame: a busy round sends hundreds of changes a second, and rendering each one
// would freeze the page. Changes are kept by key (only the newest per key counts) and applied together once per frame;
// a hidden tab has no frames, so there they are applied four times a second instead (and the tab is current when shown).

import { useEffect, useRef } from "preact/hooks";

export function useFrameBatch<V>(apply: (changes: V[]) => void, keyOf: (value: V) => string, newer: (a: V, b: V) => boolean) {
  const pending = useRef(new Map<string, V>());
  const frame = useRef<(() => void) | null>(null);
  const latest = useRef(apply);
  latest.current = apply;

  useEffect(() => () => frame.current?.(), []);

  return (value: V) => {
    const key = keyOf(value);
    const waiting = pending.current.get(key);
    if (waiting === undefined || newer(value, waiting)) pending.current.set(key, value);
    if (frame.current !== null) return;
    const run = () => {
      frame.current = null;
      const changes = [...pending.current.values()];
      pending.current.clear();
      if (changes.length) latest.current(changes);
    };
    if (document.hidden) {
      const timer = setTimeout(run, 250);
      frame.current = () => clearTimeout(timer);
    } else {
      const id = requestAnimationFrame(run);
      frame.current = () => cancelAnimationFrame(id);
    }
  };
}
