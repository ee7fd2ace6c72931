// One text field that everyone viewing the item edits at once. Typing goes to the server op by op;
// others' changes arrive and are merged without moving this person's caret; others' carets and
// selections are drawn over the text, and listed in words for screen readers.

import { type TextOp, type as textType } from "ot-text-unicode";
import { useEffect, useId, useLayoutEffect, useReducer, useRef } from "preact/hooks";
import { toCodePoints, toUtf16 } from "../../editing/codePoints";
import type { ItemEditing, RemotePresence } from "../../editing/itemEditing";

export function CollaborativeField({ editing, field, label, rows, maxLength, required }: {
  editing: ItemEditing;
  field: string;
  label: string;
  rows: number;
  maxLength: number;
  required: boolean;
}) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const rerender = () => bump(undefined);
  const client = editing.client(field);

  useEffect(() => editing.subscribe(rerender), [editing]);

  // Remote changes are written straight into the text area, with the caret and selection carried along.
  useEffect(() => editing.onRemote(field, (text: string, op: TextOp) => {
    const el = area.current;
    if (!el || el.value === text) return;
    const before = el.value;
    const start = textType.transformPosition(toCodePoints(before, el.selectionStart), op);
    const end = textType.transformPosition(toCodePoints(before, el.selectionEnd), op);
    const scroll = el.scrollTop;
    el.value = text;
    if (document.activeElement === el) el.setSelectionRange(toUtf16(text, start), toUtf16(text, end), el.selectionDirection);
    el.scrollTop = scroll;
  }), [editing, field]);

  useLayoutEffect(() => {
    if (area.current && client && area.current.value !== client.text) area.current.value = client.text;
  }, [client]);

  if (!client) return null;
  const view = editing.view(field);
  const here = editing.others().filter((p) => p.field === field);

  const caret = () => {
    const el = area.current;
    if (!el) return;
    const forward = el.selectionDirection !== "backward";
    const start = toCodePoints(el.value, el.selectionStart);
    const end = toCodePoints(el.value, el.selectionEnd);
    editing.moveCaret(field, forward ? start : end, forward ? end : start);
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
          aria-required={required ? "true" : undefined}
          aria-describedby={`${id}-status${here.length ? ` ${id}-here` : ""}`}
          onInput={(e) => {
            client.input(e.currentTarget.value);
            caret();
          }}
          onSelect={caret}
          onKeyUp={caret}
          onClick={caret}
          onFocus={caret}
          onBlur={() => editing.moveCaret(null, 0, 0)}
          onScroll={rerender}
        />
        <RemoteCarets area={area.current} text={client.text} presences={here} map={(p, r) => client.mapRemotePosition(p, r)} />
      </div>
      <div class="collab-footer">
        <span id={`${id}-status`} class={`save-state save-${view?.state ?? "saved"}`} role="status">
          {stateText(view?.state ?? "saved")}
        </span>
        {here.length > 0 && (
          <span id={`${id}-here`} class="hint">
            {`Also here: ${here.map((p) => p.name).join(", ")}.`}
          </span>
        )}
      </div>
      {view?.state === "refused" && view.message && <p class="field-error" role="alert">{view.message}</p>}
      {view?.state === "retrying" && view.message && <p class="hint">{view.message}</p>}
    </div>
  );
}

function stateText(state: string): string {
  switch (state) {
    case "saving": return "Saving…";
    case "retrying": return "Not saved yet: retrying";
    case "refused": return "Your last change was not kept";
    default: return "All changes saved";
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
  if (!area || presences.length === 0) return null;
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
  };
  return (
    <>
      {presences.map((p) => {
        const anchor = map(p.anchor, p.revision);
        const head = map(p.head, p.revision);
        if (anchor === null || head === null) return null;
        const [from, to] = anchor <= head ? [anchor, head] : [head, anchor];
        const a = toUtf16(text, from);
        const b = toUtf16(text, to);
        const colour = colourOf(p.clientId);
        return (
          <div key={p.clientId} class="remote-layer" aria-hidden="true" style={box}
            ref={(el) => { if (el) el.scrollTop = area.scrollTop; }}>
            {text.slice(0, a)}
            {b > a && <span class="remote-selection" style={{ backgroundColor: `${colour}33` }}>{text.slice(a, b)}</span>}
            <span class="remote-caret" style={{ borderColor: colour }} data-name={p.name}>
              <span class="remote-name" style={{ backgroundColor: colour }}>{p.name}</span>
            </span>
            {text.slice(b)}
            {"\u200b"}
          </div>
        );
      })}
    </>
  );
}

// Dark enough for white text on them (at least 4.5:1) and for the caret against white (3:1).
const palette = ["#b3261e", "#0b5cad", "#1b6e20", "#6a1b9a", "#8a4b00", "#00606e", "#ad1457", "#3949ab"];

function colourOf(clientId: string): string {
  let h = 0;
  for (let i = 0; i < clientId.length; i++) h = (h * 31 + clientId.charCodeAt(i)) | 0;
  return palette[Math.abs(h) % palette.length];
}
