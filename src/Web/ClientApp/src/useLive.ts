// Loading a page's data over the hub, again after every reconnect, without showing stale answers.

import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { invoke } from "./hub";
import { useRejoin } from "./live";
import { setCurrentPanel } from "./panelContext";
import type { Outcome, PanelView, Problem } from "./types";

export interface LiveData<T> {
  data: T | null;
  setData: (update: (current: T) => T) => void;
  problem: Problem | null;
  reload: () => Promise<void>;
}

/**
 * Runs `load` now and whenever the connection comes back (a new connection has no groups, so the
 * load must join them again). Data already shown stays while a reload runs; a failed reload is reported.
 */
export function useLiveData<T>(load: () => Promise<Outcome<T>>): LiveData<T> {
  const [data, setDataState] = useState<T | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const sequence = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    const result = await latestLoad.current();
    if (mine !== sequence.current) return;
    if (result.ok) {
      setDataState(result.value);
      setProblem(null);
    } else {
      setProblem(result.error);
    }
  }, []);

  useEffect(() => {
    void reload();
    return () => {
      sequence.current++;
    };
  }, [reload]);

  useRejoin(() => void reload());

  const setData = useCallback((update: (current: T) => T) => {
    setDataState((current) => (current === null ? current : update(current)));
  }, []);

  return { data, setData, problem, reload };
}

/** Joins the panel's live group and tells the header which panel this is. */
export async function joinPanel(panelId: string): Promise<Outcome<PanelView>> {
  const result = await invoke("JoinPanel", panelId);
  if (result.ok) setCurrentPanel(result.value);
  return result;
}
