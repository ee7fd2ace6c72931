// Navigation within a panel. Members, review settings and the live dashboard are offered to facilitators only.

import { useCurrentPanel } from "../panelContext";

export function PanelNav({ panelId, path }: { panelId: string; path: string }) {
  const panel = useCurrentPanel();
  if (!panel || panel.panelId !== panelId) return null;
  const base = `/panels/${encodeURIComponent(panelId)}`;
  const links = [
    { href: base, label: "Item bank" },
    { href: `${base}/rounds`, label: "Rounds" },
    ...(panel.myRole === "facilitator"
      ? [
          { href: `${base}/live`, label: "Live dashboard" },
          { href: `${base}/review`, label: "Review settings" },
          { href: `${base}/members`, label: "Members" },
        ]
      : []),
  ];
  return (
    <nav aria-label={`Panel: ${panel.name}`} class="panel-nav">
      <span class="panel-nav-name">{panel.name}</span>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-current={path === l.href ? "page" : undefined}>{l.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
