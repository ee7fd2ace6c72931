// Everything this tab does to edit one item's text together with others: a FieldClient per text field,
// the server's pushes routed to them, catching up after a reconnect, and presence (who is in which
// field, their cursor and selection) both ways.

import type { TextOp } from "ot-text-unicode";
import { invoke, onHubEvent, onRejoin } from "../hub";
import type { FieldState, PresenceEvent } from "../types";
import { FieldClient, type SaveState } from "./fieldClient";

/** Another tab's cursor, with when this tab last heard of it. */
export interface RemotePresence extends PresenceEvent {
  receivedAt: number;
}

export interface FieldView {
  text: string;
  state: SaveState;
  message: string | null;
}

type Listener = () => void;

interface Caret {
  field: string | null;
  anchor: number;
  head: number;
}

interface SentCaret extends Caret {
  revision: number;
}

const heartbeatMs = 5_000;
/** A presence not renewed for this long is from a tab that has gone without saying so. */
const presenceExpiryMs = 15_000;
const presenceThrottleMs = 80;
/** Waits between attempts to open the item again after a reconnect. */
const reopenDelaysMs = [1_000, 2_000, 5_000, 10_000];

export class ItemEditing {
  readonly clientId = newClientId();
  private seq = 0;
  private readonly fields = new Map<string, FieldClient>();
  private readonly views = new Map<string, FieldView>();
  private readonly remoteOps = new Map<string, Set<(text: string, op: TextOp) => void>>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly presenceListeners = new Set<Listener>();
  private readonly lockedListeners = new Set<(field: string, message: string) => void>();
  private readonly presences = new Map<string, RemotePresence>();
  private readonly unsubscribe: (() => void)[] = [];
  private local: Caret = { field: null, anchor: 0, head: 0 };
  private lastSent: SentCaret | null = null;
  private presenceTimer: ReturnType<typeof setTimeout> | undefined;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPresenceSent = 0;
  private rejoins = 0;
  private closed = false;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly beforeUnload = (e: BeforeUnloadEvent) => {
    // Text not yet acknowledged lives only in this tab: closing it now would lose it.
    if ([...this.fields.values()].some((f) => f.pending)) e.preventDefault();
  };

  constructor(readonly itemId: string, states: FieldState[]) {
    for (const s of states) this.add(s);
    this.unsubscribe.push(
      onHubEvent("fieldEdits", (e) => {
        if (e.itemId === this.itemId) this.fields.get(e.field)?.receive(e.edits);
      }),
      onHubEvent("presence", (p) => this.presence(p)),
      onRejoin(() => void this.rejoin()),
    );
    this.heartbeat = setInterval(() => {
      this.expire();
      this.sendPresence(true);
    }, heartbeatMs);
    window.addEventListener("beforeunload", this.beforeUnload);
    this.sendPresence();
    // The states were read before this connection joined the item's group (the server joins it only once the
    // read said yes), and pushes that came before this constructor had nobody to go to: an edit stored in
    // between would otherwise arrive only with the next one. So each field asks once what it missed.
    for (const f of this.fields.values()) f.refresh();
  }

  /** Fields the item gained since (a reload after reconnecting) are added; known ones keep their state. */
  update(states: FieldState[]) {
    for (const s of states) {
      if (this.fields.has(s.field)) continue;
      this.add(s);
      this.fields.get(s.field)!.refresh();
    }
  }

  client(field: string): FieldClient | undefined {
    return this.fields.get(field);
  }

  view(field: string): FieldView | undefined {
    return this.views.get(field);
  }

  /** Everyone else in the item, newest first. */
  others(): RemotePresence[] {
    return [...this.presences.values()].sort((a, b) => b.receivedAt - a.receivedAt);
  }

  /**
   * Subscribes to what one field looks like: its text, save state and revision, and the others' carets in it.
   * A page that shows more than one field subscribes to each.
   */
  subscribe(field: string, listener: Listener): () => void {
    let set = this.listeners.get(field);
    if (!set) this.listeners.set(field, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Subscribes to anyone arriving, moving between fields or leaving. */
  onPresence(listener: Listener): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** Subscribes to an edit refused because the item's text is locked (it left drafting); the edit was dropped. */
  onLocked(listener: (field: string, message: string) => void): () => void {
    this.lockedListeners.add(listener);
    return () => this.lockedListeners.delete(listener);
  }

  /** Subscribes to remote changes of one field's text, with the op that maps old positions to new. */
  onRemote(field: string, listener: (text: string, op: TextOp) => void): () => void {
    let set = this.remoteOps.get(field);
    if (!set) this.remoteOps.set(field, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** This tab's caret: in which field (null: none), anchor and head in code points of this tab's text. */
  moveCaret(field: string | null, anchor: number, head: number) {
    const same = this.local.field === field && this.local.anchor === anchor && this.local.head === head;
    this.local = { field, anchor, head };
    if (!same) this.schedulePresence();
  }

  close() {
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.presenceTimer);
    clearTimeout(this.reopenTimer);
    window.removeEventListener("beforeunload", this.beforeUnload);
    this.unsubscribe.forEach((u) => u());
    for (const f of this.fields.values()) f.close();
    this.listeners.clear();
    this.presenceListeners.clear();
    this.lockedListeners.clear();
  }

  private add(s: FieldState) {
    const field = s.field;
    const client = new FieldClient(field, this.clientId, () => ++this.seq, s.text, s.revision, {
      send: (base, op, seq) => invoke("Edit", this.itemId, field, base, op, this.clientId, seq),
      sync: (from) => invoke("SyncField", this.itemId, field, this.clientId, from),
    }, {
      remote: (text, op) => {
        this.views.set(field, { ...this.views.get(field)!, text });
        // The text area first, so that what listeners then read (caret positions) is already current.
        this.remoteOps.get(field)?.forEach((l) => l(text, op));
        this.changed(field);
      },
      state: (state, message) => {
        this.views.set(field, { ...this.views.get(field)!, text: client.text, state, message });
        this.changed(field);
        // Others map this tab's caret at the server's revision: send it once nothing is pending.
        if (state === "saved") this.schedulePresence();
        if (state === "locked") this.lockedListeners.forEach((l) => l(field, message ?? ""));
      },
      revision: () => this.changed(field),
    });
    this.fields.set(field, client);
    this.views.set(field, { text: s.text, state: "saved", message: null });
  }

  private changed(field: string | null) {
    if (field) this.listeners.get(field)?.forEach((l) => l());
  }

  /**
   * The connection came back as a new one. Edits are pushed only to connections in the item's group, so the
   * item is opened again first: a catch-up asked before that could miss an edit made between the two.
   */
  private async rejoin() {
    const attempt = ++this.rejoins;
    clearTimeout(this.reopenTimer);
    const opened = await invoke("OpenItem", this.itemId);
    if (this.closed || attempt !== this.rejoins) return;
    if (!opened.ok) {
      if (opened.error.code === "forbidden" || opened.error.code === "not-found") return;
      const delay = reopenDelaysMs[Math.min(attempt - 1, reopenDelaysMs.length - 1)];
      this.reopenTimer = setTimeout(() => void this.rejoin(), delay);
      return;
    }
    this.rejoins = 0;
    for (const f of this.fields.values()) f.refresh();
    this.sendPresence();
  }

  private presence(p: PresenceEvent) {
    if (p.itemId !== this.itemId || p.clientId === this.clientId) return;
    const before = this.presences.get(p.clientId)?.field ?? null;
    if (p.left) this.presences.delete(p.clientId);
    else this.presences.set(p.clientId, { ...p, receivedAt: Date.now() });
    this.changed(before);
    if (!p.left && p.field !== before) this.changed(p.field);
    this.presenceListeners.forEach((l) => l());
  }

  private expire() {
    const now = Date.now();
    for (const [id, p] of this.presences) {
      if (now - p.receivedAt > presenceExpiryMs) {
        this.presences.delete(id);
        this.changed(p.field);
        this.presenceListeners.forEach((l) => l());
      }
    }
  }

  private schedulePresence() {
    if (this.presenceTimer !== undefined) return;
    const wait = Math.max(0, presenceThrottleMs - (Date.now() - this.lastPresenceSent));
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = undefined;
      this.sendPresence();
    }, wait);
  }

  /**
   * Sends this tab's caret, relative to the server's text at the field's revision. While this tab has ops
   * unacknowledged its text is ahead of that revision, so the caret waits for the ack (a few milliseconds);
   * a heartbeat meanwhile repeats the last caret sent, so that others do not take a busy typist for gone.
   */
  private sendPresence(heartbeat = false) {
    const { field, anchor, head } = this.local;
    const client = field ? this.fields.get(field) : undefined;
    let caret: SentCaret;
    if (!client?.pending) caret = client ? { field, anchor, head, revision: client.revision } : { field: null, anchor: 0, head: 0, revision: 0 };
    else if (heartbeat && this.lastSent) caret = this.lastSent;
    else return;
    this.lastSent = caret;
    this.lastPresenceSent = Date.now();
    void invoke("Presence", this.itemId, this.clientId, caret.field, caret.revision, caret.anchor, caret.head);
  }
}

function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
