// The item's discussion: threads with their open-challenge counts, one thread open at a time with its
// comments nested, and a form to start a thread. Threads update live.

import { useState } from "preact/hooks";
import { invoke } from "../../hub";
import { dateTime } from "../../labels";
import { useNameOf } from "../../panelContext";
import { useHubEvent, useRejoin } from "../../live";
import { commentTree, countsText } from "../../threads";
import type { Problem, ThreadSummary, ThreadView } from "../../types";
import { checkText, limits } from "../../validation";
import { Alert } from "../Alert";
import { Checkbox, TextArea } from "../fields";
import { Comment } from "./Comment";
import { Hidden } from "./ConflictNotice";

export function Discussion({ itemId, threads, canResolve, onThread }: {
  itemId: string;
  threads: ThreadSummary[];
  canResolve: boolean;
  onThread: (thread: ThreadView) => void;
}) {
  const [open, setOpen] = useState<ThreadView | null>(null);
  const [openingId, setOpeningId] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const nameOf = useNameOf();

  useHubEvent("threadChanged", (thread) => {
    if (thread.itemId === itemId && open?.threadId === thread.threadId) setOpen(thread);
  });

  useRejoin(() => {
    if (open) void load(open.threadId);
  });

  async function load(threadId: string) {
    setOpeningId(threadId);
    const result = await invoke("GetThread", threadId);
    setOpeningId(null);
    if (result.ok) {
      setOpen(result.value);
      setProblems((p) => {
        const next = { ...p };
        delete next[threadId];
        return next;
      });
    } else {
      setProblems((p) => ({ ...p, [threadId]: result.error }));
    }
  }

  function changed(thread: ThreadView) {
    onThread(thread);
    if (open?.threadId === thread.threadId) setOpen(thread);
  }

  return (
    <section aria-labelledby="discussion-heading" class="discussion">
      <h2 id="discussion-heading">Discussion</h2>
      {threads.length === 0 ? (
        <p>No threads yet. Start one below to question or improve this item.</p>
      ) : (
        <ul class="threads">
          {threads.map((thread) => {
            const t = { ...thread, startedByName: nameOf(thread.startedBy, thread.startedByName) };
            const isOpen = open?.threadId === t.threadId;
            return (
              <li key={t.threadId} class="thread" data-thread-id={t.threadId}>
                <p class="thread-opening"><strong>{t.startedByName}:</strong> {excerpt(t.opening)}</p>
                <p class="meta">
                  {countsText(t.comments, t.openChallenges)}; last activity {dateTime(t.lastActivity)}
                </p>
                <button type="button" class="small secondary" aria-expanded={isOpen} aria-controls={`thread-${t.threadId}`}
                  aria-disabled={openingId === t.threadId ? "true" : undefined}
                  onClick={() => openingId !== t.threadId && (isOpen ? setOpen(null) : void load(t.threadId))}>
                  {isOpen ? "Close thread" : "Open thread"}<Hidden>{` started by ${t.startedByName}`}</Hidden>
                </button>
                <Alert problem={problems[t.threadId]} />
                {isOpen && open && (
                  <div id={`thread-${t.threadId}`} class="thread-body">
                    <ul class="comments" aria-label={`Comments in the thread started by ${t.startedByName}`}>
                      {commentTree(open.comments).map((n) => (
                        <Comment key={n.comment.commentId} node={n} threadId={t.threadId} canResolve={canResolve} onThread={changed} />
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <StartThread itemId={itemId} onStarted={(t) => { onThread(t); setOpen(t); }} />
    </section>
  );
}

function StartThread({ itemId, onStarted }: { itemId: string; onStarted: (thread: ThreadView) => void }) {
  const [text, setText] = useState("");
  const [isChallenge, setIsChallenge] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    const err = checkText("Your comment", text, limits.comment, true);
    setError(err);
    if (err) return;
    setBusy(true);
    const result = await invoke("StartThread", itemId, text, isChallenge);
    setBusy(false);
    if (result.ok) {
      setText("");
      setIsChallenge(false);
      onStarted(result.value);
    } else if (result.error.field === "text") {
      setError(result.error.message);
    } else {
      setProblem(result.error);
    }
  }

  return (
    <form class="panel-box" onSubmit={submit} noValidate aria-labelledby="start-thread-heading">
      <h3 id="start-thread-heading">Start a thread</h3>
      <TextArea label="Comment" value={text} onInput={setText} rows={3} required maxLength={limits.comment} error={error} />
      <Checkbox label="This is a challenge" checked={isChallenge} onChange={setIsChallenge}
        describedBy="challenge-hint" />
      <p id="challenge-hint" class="hint">A challenge stays open until the item's author or a facilitator resolves it with a note.</p>
      <Alert problem={problem} />
      <button type="submit" aria-disabled={busy ? "true" : undefined}>Start thread</button>
    </form>
  );
}

function excerpt(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
