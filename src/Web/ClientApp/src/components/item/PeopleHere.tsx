// Who else has this item open, and in which field each of them is, in words: the carets drawn over the
// fields are decorative, so this is what a screen reader (or anyone) reads to know where the others are.

import { useEffect, useReducer } from "preact/hooks";
import type { ItemEditing } from "../../editing/itemEditing";
import { fieldLabel } from "../../labels";
import { useNameOf } from "../../panelContext";

export function PeopleHere({ editing }: { editing: ItemEditing }) {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const nameOf = useNameOf();
  useEffect(() => editing.onPresence(() => bump(undefined)), [editing]);

  // One entry a person, however many tabs they have open.
  const people = new Map<string, { name: string; fields: Set<string> }>();
  for (const p of editing.others()) {
    const person = people.get(p.personId) ?? { name: nameOf(p.personId, p.name), fields: new Set<string>() };
    if (p.field) person.fields.add(fieldLabel(p.field));
    people.set(p.personId, person);
  }
  const described = [...people.values()].map(({ name, fields }) =>
    `${name} (${fields.size ? `in ${[...fields].join(", ")}` : "viewing"})`);

  return (
    <p class="hint" data-testid="people-here">
      {described.length ? `Here now: ${described.join("; ")}.` : "Nobody else has this item open."}
    </p>
  );
}
