// A sign-in link shown once, with a Copy button. The link text is selectable as a fallback.

import { useEffect, useId, useRef, useState } from "preact/hooks";

export function CopyLink({ link, name, onDismiss }: { link: string; name: string; onDismiss: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState<null | "yes" | "failed">(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The link appears away from the button that produced it; take focus there so nobody misses it.
  useEffect(() => headingRef.current?.focus(), [link]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section class="link-once" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>Link for {name}</h2>
      <p>
        This link is shown only once. Send it to {name} privately; anyone with the link can sign in as them.
      </p>
      <div class="field">
        <label for={id}>Sign-in link</label>
        <input id={id} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="sign-in-link" />
      </div>
      <div class="actions">
        <button type="button" onClick={copy}>Copy link</button>
        <button type="button" class="secondary" onClick={onDismiss}>Done</button>
      </div>
      <p role="status" class="hint">
        {copied === "yes" && "Link copied."}
        {copied === "failed" && "Could not copy automatically; select the link and copy it."}
      </p>
    </section>
  );
}
