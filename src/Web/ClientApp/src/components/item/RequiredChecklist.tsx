// What an item must have before a round can take it into review (mirrors the server's ItemCompleteness), as a
// checklist that follows the text as it is typed. The server decides when the round opens.

import { useEffect, useReducer } from "preact/hooks";
import type { ItemEditing } from "../../editing/itemEditing";
import { fieldsFor, optionLetters, shape } from "../../labels";
import type { Framework, ItemKind } from "../../types";

interface Requirement {
  key: string;
  text: string;
  done: boolean;
}

export function requirements(kind: ItemKind, text: (field: string) => string, keys: number[], statementId: string, framework: Framework): Requirement[] {
  const list: Requirement[] = [{
    key: "statement",
    text: "Tag the item to one statement of the panel's framework.",
    done: framework.statements.some((s) => s.id === statementId),
  }];
  const filled = (field: string) => text(field).trim().length > 0;
  if (kind === "scenario") {
    list.push({ key: "vignette", text: "Write the vignette.", done: filled("vignette") });
    return list;
  }
  for (const field of fieldsFor(kind)) {
    if (field === "stem") list.push({ key: field, text: "Write the stem.", done: filled(field) });
    else if (field === "rationale") list.push({ key: field, text: "Write the rationale: why the key is right and the distractors are not.", done: filled(field) });
    else list.push({ key: field, text: `Write option ${optionLetters[Number(field.slice(6))]}.`, done: filled(field) });
  }
  const need = shape[kind].keys;
  list.push({
    key: "keys",
    text: need === 1 ? "Choose the one correct option (the key)." : `Choose the ${need} correct options (the keys).`,
    done: keys.length === need,
  });
  return list;
}

export function RequiredChecklist({ editing, kind, keys, statementId, framework }: {
  editing: ItemEditing;
  kind: ItemKind;
  /** The saved keys and statement: what a round would check. */
  keys: number[];
  statementId: string;
  framework: Framework;
}) {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const off = fieldsFor(kind).map((f) => editing.subscribe(f, () => bump(undefined)));
    return () => off.forEach((u) => u());
  }, [editing, kind]);

  const list = requirements(kind, (f) => editing.view(f)?.text ?? "", keys, statementId, framework);
  const missing = list.filter((r) => !r.done).length;
  return (
    <section aria-labelledby="required-heading" class="panel-box checklist" data-testid="required-checklist">
      <h2 id="required-heading">Ready for review?</h2>
      <p role="status">
        {missing === 0
          ? "Everything a review round needs is filled in."
          : `${missing} of ${list.length} ${list.length === 1 ? "requirement is" : "requirements are"} still missing before a round can take this item into review.`}
      </p>
      <ul class="checks">
        {list.map((r) => (
          <li key={r.key} class={r.done ? "check-met" : "check-failed"} data-done={r.done ? "true" : "false"}>
            <span aria-hidden="true">{r.done ? "✓" : "✗"}</span>{" "}
            <strong>{r.done ? "Done:" : "Missing:"}</strong> {r.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
