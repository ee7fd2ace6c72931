// The one shared SignalR connection to /hubs/panel: typed calls that resolve to the server's Outcome
// (never throw), typed event subscriptions, and the connection state the header shows.

import {
  HubConnection, HubConnectionBuilder, HubConnectionState, type IRetryPolicy, LogLevel, type RetryContext,
} from "@microsoft/signalr";
import { api } from "./api";
import type { TextOp } from "ot-text-unicode";
import type {
  BankView, DashboardView, EditAck, FieldEditsEvent, FieldState, FieldSync, PresenceEvent, ItemDraft, ItemReview, ItemStatus, ItemSummary,
  ItemView, MemberView, Outcome, PanelView, Problem, Rating, ReviewChange, ReviewSettings, RoundRequest, RoundSummary, RoundView, ThreadView,
  VoiceChange,
} from "./types";

/** Hub methods: their arguments and the value of a successful Outcome. */
export interface HubMethods {
  JoinPanel: { args: [panelId: string]; value: PanelView };
  ListItems: { args: [panelId: string, statementId: string | null, status: ItemStatus | null]; value: BankView };
  OpenItem: { args: [itemId: string]; value: ItemView };
  LeaveItem: { args: [itemId: string]; value: boolean };
  CreateItem: { args: [panelId: string, draft: ItemDraft]; value: ItemView };
  Edit: { args: [itemId: string, field: string, baseRevision: number, op: TextOp, clientId: string, clientSeq: number]; value: EditAck };
  SyncField: { args: [itemId: string, field: string, clientId: string, fromRevision: number]; value: FieldSync };
  FieldAt: { args: [itemId: string, field: string, revision: number]; value: FieldState };
  Presence: {
    args: [itemId: string, clientId: string, field: string | null, revision: number, anchor: number, head: number];
    value: PresenceEvent;
  };
  SetKeys: { args: [itemId: string, baseRevision: number, keys: number[]]; value: FieldState };
  SetStatement: { args: [itemId: string, baseRevision: number, statementId: string]; value: FieldState };
  Rate: { args: [itemId: string, rating: Rating]; value: ItemReview };
  GetReview: { args: [itemId: string]; value: ItemReview };
  SetStatus: { args: [itemId: string, status: ItemStatus, reason: string | null]; value: ItemSummary };
  SetReview: { args: [panelId: string, settings: ReviewSettings]; value: PanelView };
  OpenRound: { args: [panelId: string, request: RoundRequest]; value: RoundView };
  CloseRound: { args: [roundId: string]; value: RoundView };
  GetRound: { args: [roundId: string]; value: RoundView };
  ListRounds: { args: [panelId: string]; value: RoundSummary[] };
  GetDashboard: { args: [panelId: string]; value: DashboardView };
  SetCoverageTarget: { args: [panelId: string, statementId: string, target: number]; value: DashboardView };
  StartThread: { args: [itemId: string, text: string, isChallenge: boolean]; value: ThreadView };
  GetThread: { args: [threadId: string]; value: ThreadView };
  Comment: { args: [threadId: string, parentId: string | null, text: string, isChallenge: boolean]; value: ThreadView };
  ResolveChallenge: { args: [threadId: string, commentId: string, note: string]; value: ThreadView };
}

/** Events the server pushes, with their argument. */
export interface HubEvents {
  itemCreated: ItemSummary;
  itemSummary: ItemSummary;
  fieldChanged: FieldState;
  fieldEdits: FieldEditsEvent;
  presence: PresenceEvent;
  threadChanged: ThreadView;
  memberChanged: MemberView;
  /** An item's summary with the open round's ratings: facilitators only, after every rating. */
  itemReview: ItemSummary;
  roundChanged: RoundSummary;
  reviewChanged: ReviewChange;
  /** Contributions per group and expert (facilitators only, at most every few seconds). */
  voiceChanged: VoiceChange;
  /** Many items arrived at once: lists reload rather than take them one by one. */
  itemsImported: { panelId: string; count: number };
}

export type ConnectionStatus = "idle" | "connecting" | "live" | "reconnecting" | "offline";

const eventNames: (keyof HubEvents)[] = [
  "itemCreated", "itemSummary", "fieldChanged", "fieldEdits", "presence", "threadChanged", "memberChanged",
  "itemReview", "roundChanged", "reviewChanged", "voiceChanged", "itemsImported",
];
const restartDelayMs = 10_000;
/** How long the automatic reconnect keeps trying before the page falls back to a slow restart that checks the session. */
const reconnectForMs = 5 * 60_000;

let connection: HubConnection | null = null;
let starting: Promise<Outcome<true>> | null = null;
let status: ConnectionStatus = "idle";
let restartTimer: ReturnType<typeof setTimeout> | undefined;
let stoppedOnPurpose = false;
/** A connection has been live before: the next one to start is a re-connection, and the pages must rejoin. */
let wasLive = false;

const statusListeners = new Set<(s: ConnectionStatus) => void>();
const rejoinListeners = new Set<() => void>();
const eventListeners = new Map<keyof HubEvents, Set<(arg: never) => void>>();

function setStatus(next: ConnectionStatus) {
  status = next;
  statusListeners.forEach((l) => l(next));
}

/**
 * Quick at first, since a restarted server is back within seconds, then every 10 s or so. The jitter keeps a
 * whole panel's tabs from knocking at the same instant.
 */
const reconnectPolicy: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount, elapsedMilliseconds }: RetryContext) => {
    if (elapsedMilliseconds > reconnectForMs) return null;
    const wait = [0, 1_000, 2_000, 3_000, 5_000][previousRetryCount] ?? 10_000;
    return wait + Math.random() * Math.min(wait, 1_000);
  },
};

/** A new connection id has no group memberships: the pages join again and fetch what they missed. */
function rejoined() {
  rejoinListeners.forEach((l) => l());
}

function build(): HubConnection {
  const c = new HubConnectionBuilder()
    .withUrl("/hubs/panel")
    .withAutomaticReconnect(reconnectPolicy)
    .configureLogging(LogLevel.Warning)
    .build();
  c.onreconnecting(() => setStatus("reconnecting"));
  c.onreconnected(() => {
    setStatus("live");
    rejoined();
  });
  c.onclose(() => {
    setStatus("offline");
    if (!stoppedOnPurpose) scheduleRestart();
  });
  for (const name of eventNames) {
    c.on(name, (arg: never) => eventListeners.get(name)?.forEach((l) => l(arg)));
  }
  return c;
}

function scheduleRestart() {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => void connect(), restartDelayMs);
}

if (typeof window !== "undefined") {
  window.addEventListener("online", () => {
    if (status === "offline" && !stoppedOnPurpose) void connect();
  });
}

/**
 * Starts the connection if it is not running; resolves when it is live or could not start. Whoever starts it
 * (a page, a retried call, the restart timer), a connection that follows a lost one makes the pages rejoin.
 */
export function connect(): Promise<Outcome<true>> {
  stoppedOnPurpose = false;
  connection ??= build();
  if (connection.state === HubConnectionState.Connected) {
    return Promise.resolve({ ok: true, value: true, error: null });
  }
  if (connection.state === HubConnectionState.Reconnecting) {
    return Promise.resolve(failure(notLive()));
  }
  if (starting) return starting;

  const c = connection;
  setStatus("connecting");
  starting = (async (): Promise<Outcome<true>> => {
    try {
      await c.start();
      clearTimeout(restartTimer);
      setStatus("live");
      if (wasLive) rejoined();
      wasLive = true;
      return { ok: true, value: true, error: null };
    } catch {
      setStatus("offline");
      // The usual reason a start fails at once is a missing or ended session; tell the page so.
      const me = await api.me();
      if (!me.ok && me.error.code === "unauthenticated") {
        return failure(me.error);
      }
      scheduleRestart();
      return failure({ code: "connection", message: "Could not connect to the live service. Quorum will keep trying." });
    } finally {
      starting = null;
    }
  })();
  return starting;
}

/** Stops the connection for good (on sign-out). */
export async function disconnect(): Promise<void> {
  stoppedOnPurpose = true;
  clearTimeout(restartTimer);
  const c = connection;
  connection = null;
  wasLive = false;
  if (c) await c.stop().catch(() => undefined);
  setStatus("idle");
}

/** Calls a hub method; a refusal, a lost connection or a server fault all come back as a failed Outcome. */
export async function invoke<M extends keyof HubMethods>(
  method: M,
  ...args: HubMethods[M]["args"]
): Promise<Outcome<HubMethods[M]["value"]>> {
  const ready = await connect();
  if (!ready.ok) return ready;
  const c = connection;
  if (!c) return failure(notLive());
  try {
    const result = (await c.invoke(method, ...args)) as Partial<Outcome<HubMethods[M]["value"]>> | null;
    if (result && result.ok === true) {
      return { ok: true, value: result.value as HubMethods[M]["value"], error: null };
    }
    if (result && result.ok === false && result.error) {
      return { ok: false, value: result.value ?? null, error: { ...result.error, field: result.error.field ?? null } };
    }
    return failure({ code: "server", message: "The server sent an unexpected reply. Try again." });
  } catch {
    if (c.state !== HubConnectionState.Connected) return failure(notLive());
    return failure({ code: "server", message: "The server could not complete the request. Try again in a moment." });
  }
}

/** Subscribes to a server event; returns the unsubscribe function. */
export function onHubEvent<E extends keyof HubEvents>(event: E, handler: (arg: HubEvents[E]) => void): () => void {
  let set = eventListeners.get(event);
  if (!set) {
    set = new Set();
    eventListeners.set(event, set);
  }
  const h = handler as (arg: never) => void;
  set.add(h);
  return () => set.delete(h);
}

/** Called after the connection came back (a new connection with no groups). */
export function onRejoin(listener: () => void): () => void {
  rejoinListeners.add(listener);
  return () => rejoinListeners.delete(listener);
}

export function connectionStatus(): ConnectionStatus {
  return status;
}

export function onConnectionStatus(listener: (s: ConnectionStatus) => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

function notLive(): Problem {
  return { code: "connection", message: "Not connected to the server, so this could not be done and nothing was saved. Try again when the status shows Live." };
}

function failure(error: Problem): { ok: false; value: null; error: Problem } {
  return { ok: false, value: null, error };
}
