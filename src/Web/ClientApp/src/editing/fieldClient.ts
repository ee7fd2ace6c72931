// One text field as this tab holds it, kept in step with the server by operational transform (the
// Google Docs / ShareDB client model): at most one op in flight, later typing composed into a buffer,
// remote ops transformed over both before they touch the text on screen. The transform, compose and
// apply functions are the npm package ot-text-unicode's, the same type the server implements.

import { type TextOp, type as textType } from "ot-text-unicode";
import type { EditAck, FieldSync, Outcome, Problem, RemoteEdit } from "../types";
import { opFromShownChange } from "./lineBreaks";
import { opFromChange } from "./textDiff";

/** How the client reaches the server; the page wires these to hub calls. */
export interface FieldTransport {
  send(baseRevision: number, op: TextOp, clientSeq: number): Promise<Outcome<EditAck>>;
  sync(fromRevision: number): Promise<Outcome<FieldSync>>;
}

export type SaveState = "saved" | "saving" | "retrying" | "refused" | "locked";

export interface FieldEvents {
  /** The text changed because of others; `op` maps old local positions (cursors, selections) to new ones. */
  remote(text: string, op: TextOp): void;
  /** The save state or the last refusal changed. */
  state(state: SaveState, message: string | null): void;
  /** The server's revision moved (remote cursors are relative to it). */
  revision(revision: number): void;
}

interface Pending {
  op: TextOp;
  seq: number;
}

const retryDelaysMs = [500, 1_000, 2_000, 5_000, 10_000];
const gapWaitMs = 1_000;
/** Server ops kept to bring a remote cursor from an older revision to this one. */
const keptOps = 200;

export class FieldClient {
  /** The server's text at `revision`. */
  private serverText: string;
  private inflight: Pending | null = null;
  private buffer: TextOp | null = null;
  private readonly stash = new Map<number, RemoteEdit | "mine">();
  private readonly history: { revision: number; op: TextOp }[] = [];
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private syncing = false;
  private queuedCatchUp: boolean | null = null;
  private closed = false;
  private saveState: SaveState = "saved";

  /** What this tab shows: the server's text with this tab's unacknowledged ops on top. */
  text: string;
  revision: number;

  constructor(
    readonly field: string,
    private readonly clientId: string,
    private readonly nextSeq: () => number,
    text: string,
    revision: number,
    private readonly transport: FieldTransport,
    private readonly events: FieldEvents,
  ) {
    this.serverText = text;
    this.text = text;
    this.revision = revision;
  }

  get pending(): boolean {
    return this.inflight !== null || this.buffer !== null;
  }

  /** The person changed the text on screen from `this.text` (as a text area shows it) to `after`. */
  input(after: string): TextOp {
    const op = opFromShownChange(this.text, after);
    this.edit(op);
    return op;
  }

  /** The person made this change to `this.text`. */
  edit(op: TextOp) {
    if (op.length === 0) return;
    this.text = textType.apply(this.text, op);
    if (this.inflight) {
      this.buffer = this.buffer ? textType.compose(this.buffer, op) : op;
    } else {
      this.inflight = { op, seq: this.nextSeq() };
      this.send();
    }
    // While the connection is down the change joins the ones waiting: they are still not saved.
    if (this.saveState !== "retrying") this.setState("saving", null);
  }

  /** Edits pushed by the server (after they were made durable), in any order, possibly repeated. */
  receive(edits: RemoteEdit[]) {
    for (const e of edits) {
      if (e.revision > this.revision) this.stash.set(e.revision, e);
    }
    this.drain();
  }

  /** Asks the server what this tab missed (after a reconnect, or a read it may have missed pushes after), then sends again whatever is still unacknowledged. */
  refresh() {
    void this.catchUp(true);
  }

  close() {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.gapTimer);
  }

  /** Maps a position at server revision `revision` to a position in this tab's text, or null if too old. */
  mapRemotePosition(position: number, revision: number): number | null {
    if (revision > this.revision) return null;
    let p = position;
    if (revision < this.revision) {
      const first = this.history.findIndex((h) => h.revision === revision + 1);
      if (first < 0) return null;
      for (let i = first; i < this.history.length; i++) p = textType.transformPosition(p, this.history[i].op);
    }
    if (this.inflight) p = textType.transformPosition(p, this.inflight.op);
    if (this.buffer) p = textType.transformPosition(p, this.buffer);
    return p;
  }

  private send() {
    const pending = this.inflight;
    if (!pending || this.closed) return;
    const base = this.revision;
    void this.transport.send(base, pending.op, pending.seq).then((result) => this.acked(pending, result));
  }

  private acked(pending: Pending, result: Outcome<EditAck>) {
    // Compared by number: transforming the in-flight op replaces the object, not the op's identity.
    if (this.closed || this.inflight?.seq !== pending.seq) return; // already acknowledged through the broadcast
    if (result.ok) {
      this.retries = 0;
      if (result.value.revision > this.revision) this.stash.set(result.value.revision, "mine");
      this.drain();
      return;
    }
    switch (result.error.code) {
      case "invalid":
      case "forbidden":
      case "not-found":
        // The server will never take this op: drop it (and what was typed on top of it), show why.
        this.refuse(result.error.message);
        return;
      case "locked":
        // The item left drafting (a round took it into review, or it was agreed or withdrawn): nothing typed since
        // can be saved. Drop it, take in whatever the server applied before the lock, and say why.
        this.refuse(result.error.message, "locked");
        void this.catchUp();
        return;
      case "resync":
        void this.catchUp(true);
        return;
      default:
        this.scheduleRetry(result.error);
    }
  }

  /**
   * Applies stashed edits in revision order for as long as there is no gap. Others' edits reach the screen
   * once, composed: a commit's worth of them arrives together, and each write to the text area costs a layout.
   */
  private drain() {
    let shown: TextOp | null = null;
    for (let next = this.stash.get(this.revision + 1); next !== undefined; next = this.stash.get(this.revision + 1)) {
      this.stash.delete(this.revision + 1);
      if (next === "mine") this.acknowledge(null);
      else if (this.inflight !== null && next.clientId === this.clientId && next.clientSeq === this.inflight.seq) this.acknowledge(next.op);
      else {
        const incoming = this.applyRemote(next.revision, next.op);
        shown = shown ? textType.compose(shown, incoming) : incoming;
      }
    }
    if (shown) this.events.remote(this.text, shown);
    for (const r of [...this.stash.keys()]) if (r <= this.revision) this.stash.delete(r);
    clearTimeout(this.gapTimer);
    if (this.stash.size > 0) this.gapTimer = setTimeout(() => void this.catchUp(), gapWaitMs);
  }

  private acknowledge(serverOp: TextOp | null) {
    const done = this.inflight!;
    // By now the in-flight op has been transformed over every edit before it, so it equals the server's.
    const op = serverOp ?? done.op;
    this.serverText = textType.apply(this.serverText, op);
    this.advance(op);
    this.inflight = null;
    if (this.buffer) {
      this.inflight = { op: this.buffer, seq: this.nextSeq() };
      this.buffer = null;
      this.send();
      if (this.saveState !== "saving") this.setState("saving", null);
    } else {
      this.setState("saved", null);
    }
  }

  /** Takes in another tab's edit; returns it as it changes this tab's text. */
  private applyRemote(revision: number, op: TextOp): TextOp {
    this.serverText = textType.apply(this.serverText, op);
    const incoming = this.rebasePending(op);
    this.advance(op, revision);
    return incoming;
  }

  /**
   * Transforms this tab's unacknowledged ops over a change the server made before them, and applies the change,
   * so transformed, to the text on screen; returns it as it changed that text.
   */
  private rebasePending(op: TextOp): TextOp {
    let incoming = op;
    if (this.inflight) {
      const mine = this.inflight.op;
      this.inflight = { ...this.inflight, op: textType.transform(mine, incoming, "left") };
      incoming = textType.transform(incoming, mine, "right");
    }
    if (this.buffer) {
      const mine = this.buffer;
      this.buffer = textType.transform(mine, incoming, "left");
      incoming = textType.transform(incoming, mine, "right");
    }
    this.text = textType.apply(this.text, incoming);
    return incoming;
  }

  private advance(op: TextOp, revision = this.revision + 1) {
    this.revision = revision;
    this.history.push({ revision, op });
    if (this.history.length > keptOps) this.history.shift();
    this.events.revision(revision);
  }

  /**
   * Asks the server what was missed; with `resend`, then sends the in-flight op again if the catch-up did
   * not acknowledge it. A resend is safe: the server recognises the op by its client id and number.
   */
  private async catchUp(resend = false) {
    if (this.closed) return;
    if (this.syncing) {
      // One catch-up at a time; the one asked for meanwhile runs after it.
      this.queuedCatchUp = (this.queuedCatchUp ?? false) || resend;
      return;
    }
    const unacknowledged = this.inflight?.seq;
    this.syncing = true;
    clearTimeout(this.gapTimer);
    if (resend) clearTimeout(this.retryTimer); // this is the retry, or does what it would
    try {
      const result = await this.transport.sync(this.revision);
      if (this.closed) return;
      if (!result.ok) {
        this.scheduleRetry(result.error);
        return;
      }
      const sync = result.value;
      if (sync.edits) {
        this.receive(sync.edits);
      } else if (sync.text !== null) {
        this.rebaseOnto(sync.text, sync.revision, sync.lastClientSeq);
      }
      if (resend && this.inflight && this.inflight.seq === unacknowledged) this.send();
    } finally {
      this.syncing = false;
      const queued = this.queuedCatchUp;
      this.queuedCatchUp = null;
      if (queued !== null) void this.catchUp(queued);
    }
  }

  /**
   * Too far behind for the edits to be sent: adopt the server's text. The difference between what this tab
   * knew of the server and that text stands in for the missed edits, and the unacknowledged ops are
   * transformed over it, so they are rebased rather than lost, and never applied twice.
   */
  private rebaseOnto(text: string, revision: number, lastClientSeq: number | null) {
    let known = this.serverText;
    if (this.inflight && lastClientSeq !== null && lastClientSeq >= this.inflight.seq) {
      known = textType.apply(known, this.inflight.op);
      this.inflight = this.buffer ? { op: this.buffer, seq: this.nextSeq() } : null;
      this.buffer = null;
    }
    const missed = opFromChange(known, text);
    this.serverText = text;
    this.history.length = 0;
    this.stash.clear();
    this.revision = revision;
    this.events.revision(revision);
    const incoming = this.rebasePending(missed);
    this.events.remote(this.text, incoming);
    if (!this.inflight) this.setState("saved", null);
  }

  private refuse(message: string, state: "refused" | "locked" = "refused") {
    this.inflight = null;
    this.buffer = null;
    const before = this.text;
    this.text = this.serverText;
    this.events.remote(this.text, opFromChange(before, this.text));
    this.setState(state, message);
  }

  private scheduleRetry(problem: Problem) {
    // Offline, the hub's generic "try again" does not fit: nothing is for the person to do.
    const message = problem.code === "connection"
      ? "Not connected to the server. What you type is kept in this page and sent when the connection is back."
      : problem.message;
    this.setState("retrying", message);
    clearTimeout(this.retryTimer);
    const delay = retryDelaysMs[Math.min(this.retries, retryDelaysMs.length - 1)];
    this.retries++;
    this.retryTimer = setTimeout(() => void this.catchUp(true), delay);
  }

  private setState(state: SaveState, message: string | null) {
    this.saveState = state;
    this.events.state(state, message);
  }

  get state(): SaveState {
    return this.saveState;
  }
}
