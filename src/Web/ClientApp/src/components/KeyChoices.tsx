// Choosing the key(s): one radio of A-D for a single best answer, three checkboxes of A-H for a
// multiple response, with a running count.

import { useId } from "preact/hooks";
import { optionLetters, shape } from "../labels";
import type { ItemKind } from "../types";
import { FieldError } from "./fields";

export function KeyChoices({ kind, keys, onChange, error, disabled, options }: {
  kind: ItemKind;
  keys: number[];
  onChange: (keys: number[]) => void;
  error?: string | null;
  disabled?: boolean;
  /** Option texts, shown beside each letter as a reminder. */
  options?: string[];
}) {
  const id = useId();
  const { options: count, keys: needed } = shape[kind];
  if (!count) return null;
  const single = needed === 1;

  function toggle(index: number, on: boolean) {
    if (single) onChange([index]);
    else onChange(on ? [...keys.filter((k) => k !== index), index].sort((a, b) => a - b) : keys.filter((k) => k !== index));
  }

  return (
    <fieldset class={`choices keys${error ? " has-error" : ""}`} disabled={disabled}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
      <legend>{single ? "Key (the one correct option)" : "Keys (the three correct options)"}</legend>
      <p id={`${id}-hint`} class="hint" aria-live="polite">
        {single ? "Choose exactly 1 option." : `Choose exactly ${needed} options. ${keys.length} of ${needed} chosen.`}
      </p>
      <div class="key-grid">
        {Array.from({ length: count }, (_, i) => (
          <div class="choice" key={i}>
            <input
              type={single ? "radio" : "checkbox"}
              id={`${id}-${i}`}
              name={id}
              checked={keys.includes(i)}
              aria-invalid={error ? "true" : undefined}
              onChange={(e) => toggle(i, e.currentTarget.checked)}
            />
            <label for={`${id}-${i}`}>
              Key {optionLetters[i]}
              {options?.[i] ? <span class="meta" aria-hidden="true"> — {truncate(options[i]!)}</span> : null}
            </label>
          </div>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
