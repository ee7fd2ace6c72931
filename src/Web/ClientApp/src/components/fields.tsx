// Labelled form controls. Every control has a visible label; hints and errors are tied to it with
// aria-describedby, and an error is announced (role="alert") and marked in words, not colour alone.

import type { ComponentChildren, Ref } from "preact";
import { useId } from "preact/hooks";

interface Common {
  label: string;
  hint?: ComponentChildren;
  error?: string | null;
  /** Shown in words next to the label when the field is optional. */
  optional?: boolean;
  required?: boolean;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId : "", error ? errorId : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldError({ id, message }: { id?: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="field-error" role="alert">
      <span class="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

function Label({ id, label, optional }: { id: string; label: string; optional?: boolean | undefined }) {
  return (
    <label for={id}>
      {label}
      {optional && <span class="optional"> (optional)</span>}
    </label>
  );
}

export function TextInput(props: Common & {
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "email" | "url";
  maxLength?: number;
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
  readOnly?: boolean;
  name?: string;
}) {
  const id = useId();
  return (
    <div class={`field${props.error ? " has-error" : ""}`}>
      <Label id={id} label={props.label} optional={props.optional} />
      {props.hint && <p id={`${id}-hint`} class="hint">{props.hint}</p>}
      <input
        id={id}
        ref={props.inputRef}
        name={props.name}
        type={(props.type ?? "text") as "text"}
        value={props.value}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete ?? "off"}
        readOnly={props.readOnly}
        aria-required={props.required ? "true" : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, props.hint, props.error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

/** A whole number in a range; the value is kept as typed (a string) so the form can say what is wrong with it. */
export function NumberInput(props: Common & {
  value: string;
  onInput: (value: string) => void;
  min: number;
  max: number;
  step?: number;
  disabled?: boolean;
  /** Shown after the box, e.g. "%". */
  unit?: string;
}) {
  const id = useId();
  return (
    <div class={`field${props.error ? " has-error" : ""}`}>
      <Label id={id} label={props.label} optional={props.optional} />
      {props.hint && <p id={`${id}-hint`} class="hint">{props.hint}</p>}
      <span class="number-row">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          step={props.step ?? 1}
          value={props.value}
          disabled={props.disabled}
          aria-required={props.required ? "true" : undefined}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={describedBy(`${id}-hint`, `${id}-error`, props.hint, props.error)}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
        {props.unit && <span aria-hidden="true">{props.unit}</span>}
      </span>
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

export function TextArea(props: Common & {
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  maxLength?: number;
  onBlur?: () => void;
  disabled?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** Extra ids (beyond hint and error) that describe the field. */
  describedBy?: string;
}) {
  const id = useId();
  const described = [describedBy(`${id}-hint`, `${id}-error`, props.hint, props.error), props.describedBy]
    .filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${props.error ? " has-error" : ""}`}>
      <Label id={id} label={props.label} optional={props.optional} />
      {props.hint && <p id={`${id}-hint`} class="hint">{props.hint}</p>}
      <textarea
        id={id}
        ref={props.textareaRef}
        rows={props.rows ?? 4}
        value={props.value}
        maxLength={props.maxLength}
        disabled={props.disabled}
        aria-required={props.required ? "true" : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={described}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onBlur={props.onBlur}
      />
      {props.maxLength !== undefined && props.value.length > props.maxLength * 0.9 && (
        <p class="hint">{props.value.length} of {props.maxLength} characters</p>
      )}
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function Select(props: Common & {
  value: string;
  onChange: (value: string) => void;
  choices: Choice[];
  disabled?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const id = useId();
  return (
    <div class={`field${props.error ? " has-error" : ""}`}>
      <Label id={id} label={props.label} optional={props.optional} />
      {props.hint && <p id={`${id}-hint`} class="hint">{props.hint}</p>}
      <select
        id={id}
        ref={props.selectRef}
        value={props.value}
        disabled={props.disabled}
        aria-required={props.required ? "true" : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, props.hint, props.error)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>{c.label}</option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

/** A radio group in a fieldset whose legend names the question. */
export function RadioGroup(props: {
  legend: string;
  choices: Choice[];
  value: string | null;
  onChange: (value: string) => void;
  hint?: ComponentChildren;
  error?: string | null;
  disabled?: boolean;
  inline?: boolean;
}) {
  const id = useId();
  return (
    <fieldset
      class={`choices${props.inline ? " inline" : ""}${props.error ? " has-error" : ""}`}
      disabled={props.disabled}
      aria-describedby={describedBy(`${id}-hint`, `${id}-error`, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      {props.hint && <p id={`${id}-hint`} class="hint">{props.hint}</p>}
      {props.choices.map((c, i) => (
        <div class="choice" key={c.value}>
          <input
            type="radio"
            id={`${id}-${i}`}
            name={id}
            value={c.value}
            checked={props.value === c.value}
            aria-invalid={props.error ? "true" : undefined}
            onChange={() => props.onChange(c.value)}
          />
          <label for={`${id}-${i}`}>{c.label}</label>
        </div>
      ))}
      <FieldError id={`${id}-error`} message={props.error} />
    </fieldset>
  );
}

export function Checkbox(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  const id = useId();
  return (
    <div class="choice">
      <input
        type="checkbox"
        id={id}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
}
