// One text field that everyone viewing the item edits at once. Typing goes to the server op by op;
// others' changes arrive and are merged without moving this person's caret; others' carets and
// selections are drawn over the text, and listed in words for screen readers.

import { type TextOp, type as textType } from "ot-text-unicode";
import { useEffect, useId, useLayoutEffect, useReducer, useRef, useState } from "preact/hooks";
import type { SaveState } from "../../editing/fieldClient";
import { offsetOf, opFromShownChange, pointAt, shown } from "../../editing/lineBreaks";
import type { ItemEditing, RemotePresence } from "../../editing/itemEditing";
import { useNameOf } from "../../panelContext";

/** An input method (IME) composition under way: what the text was when it began, and others' changes since. */
interface Composition {
  base: string;
  remote: TextOp | null;
}

export function CollaborativeField({ editing, field, label, rows, maxLength, required, locked, lockId }: {
  editing: ItemEditing;
  field: string;
  label: string;
  rows: number;
  maxLength: number;
  required: boolean;
  /** Why the text cannot be edited now (the item is not being written or revised); null when it can. */
  locked?: string | null;
  /** The id of the element that says why, for the text area's description. */
  lockId?: string;
}) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const composing = useRef<Composition | null>(null);
  /** The text (as the server has it) that the text area shows. */
  const showing = useRef("");
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const rerender = () => bump(undefined);
  const client = editing.client(field);

  useEffect(() => editing.subscribe(field, rerender), [editing, field]);

  // The text area is not controlled by Preact: its value is written once here, then kept in step by the
  // person's typing and by remote changes, each carrying the caret along, so a render never moves the caret.
  // Subscribed in the same effect that writes the value, so that no remote change can fall in between.
  useLayoutEffect(() => {
    const el = area.current;
    if (!el || !client) return;
    el.value = shown(client.text);
    showing.current = client.text;
    return editing.onRemote(field, (text: string, op: TextOp) => {
      const composition = composing.current;
      if (composition) {
        // Writing the text area now would cancel what the input method is composing: keep it for the end.
        composition.remote = composition.remote ? textType.compose(composition.remote, op) : op;
        return;
      }
      writeRemote(el, showing.current, text, op);
      showing.current = text;
    });
  }, [editing, field, client]);

  // A resized text area (its handle, the window) lays text out anew: so must the carets drawn over it.
  useEffect(() => {
    const el = area.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(rerender);
    observer.observe(el);
    return () => observer.disconnect();
  }, [client]);

  const nameOf = useNameOf();
  const view = editing.view(field);
  const state = view?.state ?? "saved";
  const shownState = useAnnouncedState(state);

  if (!client) return null;
  // Facilitators see the real name behind a pseudonym, on the carets too.
  const here = editing.others().filter((p) => p.field === field).map((p) => ({ ...p, name: nameOf(p.personId, p.name) }));
  const names = [...new Set(here.map((p) => p.name))];

  const caret = () => {
    const el = area.current;
    if (!el || composing.current || document.activeElement !== el) return;
    const forward = el.selectionDirection !== "backward";
    const start = pointAt(client.text, el.selectionStart);
    const end = pointAt(client.text, el.selectionEnd);
    editing.moveCaret(field, forward ? start : end, forward ? end : start);
  };

  const compositionEnd = (el: HTMLTextAreaElement) => {
    const composition = composing.current;
    composing.current = null;
    if (!composition) return;
    // What the person composed, as a change to the text the composition began on, then merged with what
    // others changed meanwhile exactly as a remote op is merged with a local one.
    const mine = opFromShownChange(composition.base, el.value);
    if (composition.remote) {
      const theirs = composition.remote;
      client.edit(textType.transform(mine, theirs, "left"));
      writeRemote(el, textType.apply(composition.base, mine), client.text, textType.transform(theirs, mine, "right"));
    } else {
      client.edit(mine);
    }
    showing.current = client.text;
    caret();
  };

  return (
    <div class="field collab-field" data-field={field}>
      <label for={id}>{label}{!required && <span class="optional"> (optional)</span>}</label>
      <div class="collab-box">
        <textarea
          id={id}
          ref={area}
          rows={rows}
          maxLength={maxLength}
          spellcheck
          readOnly={!!locked}
          aria-required={required ? "true" : undefined}
          aria-describedby={`${id}-status${names.length ? ` ${id}-here` : ""}${locked && lockId ? ` ${lockId}` : ""}`}
          onInput={(e) => {
            if (composing.current) return; // taken whole when the composition ends
            client.input(e.currentTarget.value);
            showing.current = client.text;
            caret();
          }}
          onCompositionStart={() => {
            composing.current = { base: client.text, remote: null };
          }}
          onCompositionEnd={(e) => compositionEnd(e.currentTarget)}
          onSelect={caret}
          onKeyUp={caret}
          onClick={caret}
          onFocus={caret}
          onBlur={(e) => {
            compositionEnd(e.currentTarget);
            editing.moveCaret(null, 0, 0);
          }}
          onScroll={rerender}
        />
        <RemoteCarets area={area.current} text={client.text} presences={here} map={(p, r) => client.mapRemotePosition(p, r)} />
      </div>
      <div class="collab-footer">
        <span id={`${id}-status`} class={`save-state save-${shownState}`} role="status" data-state={state}>
          {locked && state === "saved" ? "Read only" : stateText(shownState)}
        </span>
        {names.length > 0 && (
          <span id={`${id}-here`} class="hint">
            {`Also here: ${names.join(", ")}.`}
          </span>
        )}
      </div>
      {(view?.state === "refused" || view?.state === "locked") && view.message && <p class="field-error" role="alert">{view.message}</p>}
      {view?.state === "retrying" && view.message && <p class="hint">{view.message}</p>}
    </div>
  );
}

/**
 * Writes into the text area showing `before` the text `after` that others' `op` made of it, with the selection
 * carried over the op, so the caret stays between the same characters however the text moved around it.
 */
function writeRemote(el: HTMLTextAreaElement, before: string, after: string, op: TextOp) {
  const value = shown(after);
  if (el.value === value) return;
  const backward = el.selectionDirection === "backward";
  const from = pointAt(before, el.selectionStart);
  const to = pointAt(before, el.selectionEnd);
  // A selection does not take in what others insert at its edges: its start moves past text inserted
  // right there, its end stays before it. Otherwise a paste landing at the start of someone's selection
  // would be deleted by their next keystroke.
  const end = textType.transformPosition(to, op);
  const start = from === to ? end : Math.min(startAfterInserts(from, op), end);
  const scroll = el.scrollTop;
  el.value = value;
  el.setSelectionRange(offsetOf(after, start), offsetOf(after, end), backward ? "backward" : "forward");
  el.scrollTop = scroll;
}

/** Like the type's transformPosition, except that a position where text is inserted ends up after that text. */
function startAfterInserts(position: number, op: TextOp): number {
  let at = 0;
  let moved = position;
  for (const c of op) {
    if (moved < at) break;
    if (typeof c === "number") {
      at += c;
    } else if (typeof c === "string") {
      const length = [...c].length;
      at += length;
      moved += length;
    } else {
      moved -= Math.min(typeof c.d === "number" ? c.d : [...c.d].length, moved - at);
    }
  }
  return moved;
}

/** How long a save must take before "Saving…" is shown and announced. */
const savingShownAfterMs = 1_000;

/**
 * The save state to show and announce. Each keystroke is saved in a few milliseconds, so "Saving…" then
 * "Saved" at every one would only flicker, and a screen reader would keep saying it: "Saving…" appears only
 * when a save takes longer; a failure shows at once. `data-state` carries the state itself, at once.
 */
function useAnnouncedState(state: SaveState): SaveState {
  const [shownState, setShownState] = useState(state);
  useEffect(() => {
    if (state !== "saving") {
      setShownState(state);
      return;
    }
    const timer = setTimeout(() => setShownState("saving"), savingShownAfterMs);
    return () => clearTimeout(timer);
  }, [state]);
  return shownState;
}

function stateText(state: string): string {
  switch (state) {
    case "saving": return "Saving…";
    case "retrying": return "Not saved — retrying";
    case "refused": return "Not saved: your last change was refused";
    case "locked": return "Not saved: the text is locked";
    default: return "Saved";
  }
}

/**
 * Others' carets and selections, drawn in a copy of the text laid out exactly like the text area (same
 * font, padding, width and scroll), one layer per person so that overlapping selections stay visible.
 * Decorative: the names are in the field's description for assistive technology.
 */
function RemoteCarets({ area, text, presences, map }: {
  area: HTMLTextAreaElement | null;
  text: string;
  presences: RemotePresence[];
  map: (position: number, revision: number) => number | null;
}) {
  const layers = useRef<HTMLDivElement>(null);

  // After layout: scroll each layer with the text area, and put a name below its caret where above it would
  // be cut off by the top edge.
  useLayoutEffect(() => {
    if (!area || !layers.current) return;
    for (const layer of layers.current.querySelectorAll<HTMLElement>(".remote-layer")) {
      layer.scrollTop = area.scrollTop;
      const caret = layer.querySelector<HTMLElement>(".remote-caret");
      const name = caret?.querySelector<HTMLElement>(".remote-name");
      if (caret && name) name.classList.toggle("remote-name-below", caret.offsetTop - layer.scrollTop < name.offsetHeight);
    }
  });

  if (!area || presences.length === 0) return null;
  const value = shown(text);
  const style = getComputedStyle(area);
  const box = {
    top: `${area.offsetTop + parseFloat(style.borderTopWidth)}px`,
    left: `${area.offsetLeft + parseFloat(style.borderLeftWidth)}px`,
    width: `${area.clientWidth}px`,
    height: `${area.clientHeight}px`,
    padding: style.padding,
    font: style.font,
    lineHeight: style.lineHeight,
    letterSpacing: style.letterSpacing,
    tabSize: style.tabSize,
  };
  return (
    <div ref={layers} aria-hidden="true">
      {presences.map((p) => {
        const anchor = map(p.anchor, p.revision);
        const head = map(p.head, p.revision);
        if (anchor === null || head === null) return null;
        const [from, to] = anchor <= head ? [anchor, head] : [head, anchor];
        const a = offsetOf(text, from);
        const b = offsetOf(text, to);
        const colour = colourOf(p.clientId);
        const caret = (
          <span class="remote-caret" style={{ borderColor: colour }} data-name={p.name}>
            <span class="remote-name" style={{ backgroundColor: colour }}>{p.name}</span>
          </span>
        );
        return (
          <div key={p.clientId} class="remote-layer" style={box}>
            {value.slice(0, a)}
            {head < anchor && caret}
            {b > a && <span class="remote-selection" data-selection style={{ backgroundColor: `${colour}33` }}>{value.slice(a, b)}</span>}
            {head >= anchor && caret}
            {value.slice(b)}
            {"\u200b"}
          </div>
        );
      })}
    </div>
  );
}

// Dark enough for white text on them (at least 4.5:1) and for the caret against white (3:1).
const palette = ["#b3261e", "#0b5cad", "#1b6e20", "#6a1b9a", "#8a4b00", "#00606e", "#ad1457", "#3949ab"];

function colourOf(clientId: string): string {
  let h = 0;
  for (let i = 0; i < clientId.length; i++) h = (h * 31 + clientId.charCodeAt(i)) | 0;
  return palette[Math.abs(h) % palette.length];
}
