// Which panel the current page shows and my role in it, so the header can offer the panel's navigation.

import { useEffect, useState } from "preact/hooks";
import type { Role } from "./types";

export interface PanelInfo {
  panelId: string;
  name: string;
  myRole: Role;
}

let current: PanelInfo | null = null;
const listeners = new Set<(p: PanelInfo | null) => void>();

export function setCurrentPanel(panel: PanelInfo | null) {
  if (panel && current && panel.panelId === current.panelId && panel.name === current.name && panel.myRole === current.myRole) {
    return;
  }
  current = panel ? { panelId: panel.panelId, name: panel.name, myRole: panel.myRole } : null;
  listeners.forEach((l) => l(current));
}

export function useCurrentPanel(): PanelInfo | null {
  const [panel, setPanel] = useState(current);
  useEffect(() => {
    listeners.add(setPanel);
    return () => {
      listeners.delete(setPanel);
    };
  }, []);
  return panel;
}
