// /panels/:panelId/live (facilitators): the live dashboard. Items of the open round(s) move as ratings arrive
// (itemReview events, batched per frame), rounds open and close, decisions appear; beside them the attention queue,
// coverage against targets, and whose voice is heard.

import { useEffect, useRef } from "preact/hooks";
import { Alert } from "../components/Alert";
import { Announcer, useAnnouncer } from "../components/Announcer";
import { AttentionList } from "../components/dashboard/AttentionList";
import { CoverageSection } from "../components/dashboard/CoverageSection";
import { LiveItems } from "../components/dashboard/LiveItems";
import { ExpertsTable, VoiceSection } from "../components/dashboard/VoiceSection";
import { LoadError, Loading } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { useFrameBatch } from "../frameBatch";
import { invoke } from "../hub";
import { allInstruments, itemTitle, roundStatusLabels, statusLabels } from "../labels";
import { useHubEvent } from "../live";
import { useCurrentPanel } from "../panelContext";
import type { DashboardView, ItemSummary, Outcome, PanelView, RoundSummary } from "../types";
import { joinPanel, useLiveData } from "../useLive";

interface Live {
  panel: PanelView;
  dashboard: DashboardView;
  items: Map<string, ItemSummary>;
}

/**
 * Attention and coverage are worked out by the server, and only GetDashboard returns them (with every item of the
 * bank): after a change of status, challenges or rounds they are read again soon; while ratings stream in, seldom.
 */
const refreshSoonMs = 2_000;
const refreshWhileRatingMs = 15_000;

/**
 * Whether `a` is at least as new as `b`. Views of one open round are ordered by the item's rating number (events can
 * overtake each other); otherwise by when the item last changed. As new and carrying the round's figures wins.
 */
function newer(a: ItemSummary, b: ItemSummary): boolean {
  if (a.live && b.live && a.live.roundId === b.live.roundId && a.live.ratingSeq !== b.live.ratingSeq) {
    return a.live.ratingSeq > b.live.ratingSeq;
  }
  return a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && (a.live !== null || b.live === null));
}

/** Applies a change; the panel-wide itemSummary carries no open-round figures, so keep those shown while the round is the same. */
function merge(before: ItemSummary | undefined, incoming: ItemSummary): ItemSummary {
  if (!before) return incoming;
  if (!newer(incoming, before)) return before;
  if (incoming.live === null && incoming.roundId !== null && before.live?.roundId === incoming.roundId) {
    return { ...incoming, live: before.live };
  }
  return incoming;
}

function upsertRound(rounds: RoundSummary[], round: RoundSummary): RoundSummary[] {
  return [...rounds.filter((r) => r.roundId !== round.roundId), round].sort((a, b) => a.number - b.number);
}

export function DashboardPage({ panelId }: { panelId: string }) {
  const { message, announce } = useAnnouncer();
  const current = useCurrentPanel();
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const { data, setData, problem, reload } = useLiveData<Live>(async (): Promise<Outcome<Live>> => {
    const panel = await joinPanel(panelId);
    if (!panel.ok) return panel;
    if (panel.value.myRole !== "facilitator") {
      return { ok: false, value: null, error: { code: "forbidden", message: "The live dashboard is for the panel's facilitators." } };
    }
    const dashboard = await invoke("GetDashboard", panelId);
    if (!dashboard.ok) return dashboard;
    return {
      ok: true,
      value: { panel: panel.value, dashboard: dashboard.value, items: new Map(dashboard.value.items.map((i) => [i.itemId, i])) },
      error: null,
    };
  });

  const refreshDue = useRef(0);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);
  /** Reads attention, coverage and voice again a little later, once for many changes. */
  function scheduleRefresh(delayMs: number) {
    const due = Date.now() + delayMs;
    if (refreshTimer.current !== undefined) {
      if (refreshDue.current <= due) return;
      clearTimeout(refreshTimer.current);
    }
    refreshDue.current = due;
    refreshTimer.current = setTimeout(async () => {
      refreshTimer.current = undefined;
      const fresh = await invoke("GetDashboard", panelId);
      if (fresh.ok) {
        setData((d) => ({ ...d, dashboard: { ...fresh.value, items: d.dashboard.items } }));
      }
    }, delayMs);
  }

  const push = useFrameBatch<ItemSummary>((changes) => {
    let soon = false;
    for (const summary of changes) {
      const before = data?.items.get(summary.itemId);
      if (!before || before.status !== summary.status || before.openChallenges !== summary.openChallenges
        || before.statementId !== summary.statementId) soon = true;
      if (before && before.status !== summary.status && summary.updatedAt >= before.updatedAt) {
        announce(`status-${summary.itemId}`, `${itemTitle(summary.title)}: ${statusLabels[summary.status]}`);
      }
    }
    setData((d) => {
      const items = new Map(d.items);
      for (const summary of changes) items.set(summary.itemId, merge(items.get(summary.itemId), summary));
      return { ...d, items };
    });
    scheduleRefresh(soon ? refreshSoonMs : refreshWhileRatingMs);
  }, (s) => s.itemId, newer);

  const onItem = (summary: ItemSummary) => {
    if (summary.panelId === panelId) push(summary);
  };
  useHubEvent("itemReview", onItem);
  useHubEvent("itemSummary", onItem);
  useHubEvent("itemCreated", onItem);
  useHubEvent("itemsImported", (e) => {
    if (e.panelId === panelId) void reload();
  });
  useHubEvent("roundChanged", (round) => {
    setData((d) => ({ ...d, dashboard: { ...d.dashboard, rounds: upsertRound(d.dashboard.rounds, round) } }));
    announce(`round-${round.roundId}`, `${round.name}: ${roundStatusLabels[round.status].toLowerCase()}`);
    scheduleRefresh(refreshSoonMs);
  });
  useHubEvent("voiceChanged", (change) => {
    if (change.panelId !== panelId) return;
    setData((d) => ({ ...d, dashboard: { ...d.dashboard, voice: change.voice, experts: change.experts } }));
  });
  useHubEvent("reviewChanged", (change) => {
    setData((d) => ({ ...d, dashboard: { ...d.dashboard, settings: change.review } }));
  });

  const panel = data?.panel;
  const dashboard = data?.dashboard;
  const openRounds = dashboard?.rounds.filter((r) => r.status !== "closed") ?? [];
  const base = `/panels/${encodeURIComponent(panelId)}`;
  const instruments = allInstruments.filter((i) => dashboard?.settings.instruments.includes(i));

  return (
    <>
      <PageHeading title={panel ? `Live dashboard — ${panel.name}` : "Live dashboard"} />
      <Announcer message={message} />
      {problem && !data && <LoadError problem={problem} onRetry={reload} />}
      {problem && data && <Alert problem={problem} />}
      {!problem && !data && <Loading what="the live dashboard" />}
      {data && panel && dashboard && (
        <>
          <section aria-labelledby="rounds-now-heading">
            <h2 id="rounds-now-heading">Rounds</h2>
            {openRounds.length === 0 ? (
              <p data-testid="open-rounds">No round is open. <a href={`${base}/rounds`}>Open a round</a>.</p>
            ) : (
              <ul data-testid="open-rounds">
                {openRounds.map((r) => (
                  <li key={r.roundId}>
                    <a href={`${base}/rounds/${encodeURIComponent(r.roundId)}`}>{r.name}</a>: {roundStatusLabels[r.status].toLowerCase()}, {r.items} {r.items === 1 ? "item" : "items"}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <LiveItems items={[...data.items.values()]} instruments={instruments} />
          <AttentionList panelId={panelId} attention={dashboard.attention} at={dashboard.at} />
          <CoverageSection panelId={panelId} framework={panel.framework} coverage={dashboard.coverage}
            onDashboard={(d) => setData((x) => ({ ...x, dashboard: { ...d, items: x.dashboard.items } }))} />
          <VoiceSection voice={dashboard.voice} />
          <ExpertsTable experts={dashboard.experts} names={current?.names ?? new Map()} pseudonymous={dashboard.settings.pseudonymous} />
        </>
      )}
    </>
  );
}
