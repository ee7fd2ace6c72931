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

const heartbeatMs = 5_000;
/** A presence not renewed for this long is from a tab that has gone without saying so. */
const presenceExpiryMs = 15_000;
const presenceThrottleMs = 80;

export class ItemEditing {
  readonly clientId = newClientId();
  private seq = 0;
  private readonly fields = new Map<string, FieldClient>();
  private readonly views = new Map<string, FieldView>();
  private readonly remoteOps = new Map<string, Set<(text: string, op: TextOp) => void>>();
  private readonly listeners = new Set<Listener>();
  private readonly presences = new Map<string, RemotePresence>();
  private readonly unsubscribe: (() => void)[] = [];
  private local: { field: string | null; anchor: number; head: number } = { field: null, anchor: 0, head: 0 };
  private presenceTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPresenceSent = 0;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(readonly itemId: string, states: FieldState[]) {
    for (const s of states) this.add(s);
    this.unsubscribe.push(
      onHubEvent("fieldEdits", (e) => {
        if (e.itemId === this.itemId) this.fields.get(e.field)?.receive(e.edits);
      }),
      onHubEvent("presence", (p) => this.presence(p)),
      onRejoin(() => {
        for (const f of this.fields.values()) f.reconnected();
        this.sendPresence();
      }),
    );
    this.heartbeat = setInterval(() => {
      this.expire();
      this.sendPresence();
    }, heartbeatMs);
    this.sendPresence();
  }

  /** Fields the item gained since (a reload after reconnecting) are added; known ones keep their state. */
  update(states: FieldState[]) {
    for (const s of states) if (!this.fields.has(s.field)) this.add(s);
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

  /** Subscribes to anything that changes what the fields or the cursors look like. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    clearInterval(this.heartbeat);
    clearTimeout(this.presenceTimer);
    this.unsubscribe.forEach((u) => u());
    for (const f of this.fields.values()) f.close();
    this.listeners.clear();
  }

  private add(s: FieldState) {
    const field = s.field;
    const client = new FieldClient(field, this.clientId, () => ++this.seq, s.text, s.revision, {
      send: (base, op, seq) => invoke("Edit", this.itemId, field, base, op, this.clientId, seq),
      sync: (from) => invoke("SyncField", this.itemId, field, this.clientId, from),
    }, {
      remote: (text, op) => {
        this.setView(field, { ...this.views.get(field)!, text });
        this.remoteOps.get(field)?.forEach((l) => l(text, op));
      },
      state: (state, message) => {
        this.setView(field, { ...this.views.get(field)!, text: client.text, state, message });
        // Others map this tab's caret at the server's revision: send it once nothing is pending.
        if (state === "saved") this.schedulePresence();
      },
      revision: () => this.changed(),
    });
    this.fields.set(field, client);
    this.views.set(field, { text: s.text, state: "saved", message: null });
  }

  private setView(field: string, view: FieldView) {
    this.views.set(field, view);
    this.changed();
  }

  private changed() {
    this.listeners.forEach((l) => l());
  }

  private presence(p: PresenceEvent) {
    if (p.itemId !== this.itemId || p.clientId === this.clientId) return;
    if (p.left) this.presences.delete(p.clientId);
    else this.presences.set(p.clientId, { ...p, receivedAt: Date.now() });
    this.changed();
  }

  private expire() {
    const now = Date.now();
    let any = false;
    for (const [id, p] of this.presences) {
      if (now - p.receivedAt > presenceExpiryMs) {
        this.presences.delete(id);
        any = true;
      }
    }
    if (any) this.changed();
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
   * unacknowledged its text is ahead of that revision, so the caret waits for the ack (a few milliseconds).
   */
  private sendPresence() {
    const { field, anchor, head } = this.local;
    const client = field ? this.fields.get(field) : undefined;
    if (client?.pending) return;
    this.lastPresenceSent = Date.now();
    void invoke("Presence", this.itemId, this.clientId, client ? field : null, client?.revision ?? 0, client ? anchor : 0, client ? head : 0);
  }
}

function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
