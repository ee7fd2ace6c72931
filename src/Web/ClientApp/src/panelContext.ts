// Which panel the current page shows and my role in it, so the header can offer the panel's navigation, and
// how to name people on it: payloads carry the name others see (an expert's pseudonym in a pseudonymous panel);
// facilitators know who is behind it, from the members list only they receive.

import { useEffect, useState } from "preact/hooks";
import { onHubEvent } from "./hub";
import type { MemberView, PanelView, Role } from "./types";

export interface PanelInfo {
  panelId: string;
  name: string;
  myRole: Role;
  pseudonymous: boolean;
  /** Real names by person id: facilitators only (experts get no members list). */
  names: ReadonlyMap<string, string>;
}

let current: PanelInfo | null = null;
const listeners = new Set<(p: PanelInfo | null) => void>();

function namesOf(members: MemberView[]): Map<string, string> {
  return new Map(members.map((m) => [m.personId, m.name]));
}

function sameNames(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, name] of a) if (b.get(id) !== name) return false;
  return true;
}

function publish(next: PanelInfo | null) {
  current = next;
  listeners.forEach((l) => l(current));
}

export function setCurrentPanel(panel: PanelView | null) {
  if (!panel) {
    if (current) publish(null);
    return;
  }
  const next: PanelInfo = {
    panelId: panel.panelId,
    name: panel.name,
    myRole: panel.myRole,
    pseudonymous: panel.review?.pseudonymous ?? false,
    names: namesOf(panel.members ?? []),
  };
  if (current && next.panelId === current.panelId && next.name === current.name && next.myRole === current.myRole
    && next.pseudonymous === current.pseudonymous && sameNames(next.names, current.names)) {
    return;
  }
  publish(next);
}

// A member invited or renamed while a page is open: facilitators receive it (and only they hold names).
onHubEvent("memberChanged", (member) => {
  if (!current || current.myRole !== "facilitator" || current.names.get(member.personId) === member.name) return;
  publish({ ...current, names: new Map(current.names).set(member.personId, member.name) });
});

// Pseudonymity is settled before the first item, but a facilitator may still switch it until then.
onHubEvent("reviewChanged", (change) => {
  if (!current || current.pseudonymous === change.review.pseudonymous) return;
  publish({ ...current, pseudonymous: change.review.pseudonymous });
});

export function useCurrentPanel(): PanelInfo | null {
  const [panel, setPanel] = useState(current);
  useEffect(() => {
    listeners.add(setPanel);
    setPanel(current);
    return () => {
      listeners.delete(setPanel);
    };
  }, []);
  return panel;
}

/** How to name a person: `sent` is the name the server put on the thing (a pseudonym where the panel uses them). */
export type NameOf = (personId: string | null | undefined, sent: string | null | undefined) => string;

/**
 * Facilitators see the real name behind a pseudonym, with the pseudonym the experts see beside it
 * ("Ada Byrne (Academic 7)"); everyone else sees the name as sent.
 */
export function nameOf(panel: PanelInfo | null, personId: string | null | undefined, sent: string | null | undefined): string {
  const shown = sent ?? "";
  if (!panel || panel.myRole !== "facilitator" || !personId) return shown;
  const real = panel.names.get(personId);
  if (!real) return shown;
  return shown && shown !== real ? `${real} (${shown})` : real;
}

export function useNameOf(): NameOf {
  const panel = useCurrentPanel();
  return (personId, sent) => nameOf(panel, personId, sent);
}
