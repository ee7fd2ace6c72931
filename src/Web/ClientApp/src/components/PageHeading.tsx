// The page's one h1. It sets the document title and, after a client-side navigation, takes focus so
// screen reader and keyboard users start at the new page's heading.

import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { navigationCount } from "../router";

export function PageHeading({ title, children }: { title: string; children?: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} — Quorum`;
  }, [title]);

  useEffect(() => {
    if (navigationCount() > 0) ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} id="page-heading">
      {children ?? title}
    </h1>
  );
}
