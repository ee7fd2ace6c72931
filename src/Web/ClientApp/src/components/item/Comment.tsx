// One comment with its replies nested beneath; challenge state in words; Reply and Resolve forms.

import { useState } from "preact/hooks";
import { invoke } from "../../hub";
import { dateTime } from "../../labels";
import { useNameOf } from "../../panelContext";
import type { CommentNode } from "../../threads";
import type { Problem, ThreadView } from "../../types";
import { checkText, limits } from "../../validation";
import { Alert } from "../Alert";
import { Checkbox, TextArea } from "../fields";
import { Hidden } from "./ConflictNotice";

export function Comment({ node, threadId, canResolve, onThread }: {
  node: CommentNode;
  threadId: string;
  canResolve: boolean;
  onThread: (thread: ThreadView) => void;
}) {
  const nameOf = useNameOf();
  const c = { ...node.comment, authorName: nameOf(node.comment.authorId, node.comment.authorName) };
  const [replying, setReplying] = useState(false);
  const openChallenge = c.isChallenge && !c.resolution;

  return (
    <li class="comment" data-comment-id={c.commentId}>
      <article aria-label={`Comment by ${c.authorName}`}>
        <p class="comment-meta">
          <strong>{c.authorName}</strong> <span class="meta">{dateTime(c.at)}</span>
          {c.isChallenge && (
            <span class={`badge ${openChallenge ? "badge-no" : "badge-yes"}`}>
              {openChallenge ? "Challenge — open" : `Challenge — resolved: ${c.resolution?.note ?? ""} by ${nameOf(c.resolution?.byId, c.resolution?.byName)}`}
            </span>
          )}
        </p>
        <div class="pre comment-text">{c.text}</div>
        <div class="actions">
          <button type="button" class="small secondary" aria-expanded={replying} onClick={() => setReplying(!replying)}>
            Reply<Hidden>{` to ${c.authorName}`}</Hidden>
          </button>
        </div>
        {replying && (
          <ReplyForm threadId={threadId} parentId={c.commentId} parentAuthor={c.authorName}
            onDone={(t) => { setReplying(false); onThread(t); }} onCancel={() => setReplying(false)} />
        )}
        {openChallenge && canResolve && <ResolveForm threadId={threadId} commentId={c.commentId} onThread={onThread} />}
      </article>
      {node.replies.length > 0 && (
        <ul class="replies" aria-label={`Replies to ${c.authorName}`}>
          {node.replies.map((r) => (
            <Comment key={r.comment.commentId} node={r} threadId={threadId} canResolve={canResolve} onThread={onThread} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ReplyForm({ threadId, parentId, parentAuthor, onDone, onCancel }: {
  threadId: string;
  parentId: string;
  parentAuthor: string;
  onDone: (thread: ThreadView) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState("");
  const [isChallenge, setIsChallenge] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    const err = checkText("Your reply", text, limits.comment, true);
    setError(err);
    if (err) return;
    setBusy(true);
    const result = await invoke("Comment", threadId, parentId, text, isChallenge);
    setBusy(false);
    if (result.ok) onDone(result.value);
    else if (result.error.field === "text") setError(result.error.message);
    else setProblem(result.error);
  }

  return (
    <form class="inline-form" onSubmit={submit} noValidate aria-label={`Reply to ${parentAuthor}`}>
      <TextArea label="Your reply" value={text} onInput={setText} rows={3} required maxLength={limits.comment} error={error} />
      <Checkbox label="This is a challenge" checked={isChallenge} onChange={setIsChallenge} />
      <Alert problem={problem} />
      <div class="actions">
        <button type="submit" class="small" aria-disabled={busy ? "true" : undefined}>Post reply</button>
        <button type="button" class="small secondary" onClick={onCancel}>Cancel<Hidden> reply</Hidden></button>
      </div>
    </form>
  );
}

function ResolveForm({ threadId, commentId, onThread }: {
  threadId: string;
  commentId: string;
  onThread: (thread: ThreadView) => void;
}) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    const err = checkText("A resolution note", note, limits.note, true);
    setError(err);
    if (err) return;
    setBusy(true);
    const result = await invoke("ResolveChallenge", threadId, commentId, note);
    setBusy(false);
    if (result.ok) onThread(result.value);
    else if (result.error.field === "note") setError(result.error.message);
    else setProblem(result.error);
  }

  return (
    <form class="inline-form resolve" onSubmit={submit} noValidate aria-label="Resolve this challenge">
      <TextArea label="Resolution note" value={note} onInput={setNote} rows={2} required maxLength={limits.note} error={error}
        hint="How the challenge was settled; everyone on the item sees it." />
      <Alert problem={problem} />
      <button type="submit" class="small" aria-disabled={busy ? "true" : undefined}>Resolve challenge</button>
    </form>
  );
}
