// Turning thread views into the list's summaries and the nested comment tree.

import type { CommentView, ThreadSummary, ThreadView } from "./types";

export function summarize(thread: ThreadView, previous: ThreadSummary | undefined): ThreadSummary {
  const first = thread.comments[0];
  const last = thread.comments.reduce((latest, c) => (c.at > latest ? c.at : latest), previous?.lastActivity ?? "");
  return {
    threadId: thread.threadId,
    opening: previous?.opening ?? first?.text ?? "",
    startedBy: previous?.startedBy ?? first?.authorId ?? "",
    startedByName: previous?.startedByName ?? first?.authorName ?? "",
    comments: thread.comments.length,
    openChallenges: thread.openChallenges,
    lastActivity: last,
  };
}

/** Replaces or adds the thread's summary; most recently active first. */
export function upsertSummary(list: ThreadSummary[], thread: ThreadView): ThreadSummary[] {
  const previous = list.find((t) => t.threadId === thread.threadId);
  const next = [...list.filter((t) => t.threadId !== thread.threadId), summarize(thread, previous)];
  return next.sort((a, b) => b.lastActivity.localeCompare(a.lastActivity));
}

export interface CommentNode {
  comment: CommentView;
  replies: CommentNode[];
}

/** Replies nested under their parent, in time order; a reply whose parent is unknown is shown at the top level. */
export function commentTree(comments: CommentView[]): CommentNode[] {
  const nodes = new Map<string, CommentNode>();
  for (const c of comments) nodes.set(c.commentId, { comment: c, replies: [] });
  const roots: CommentNode[] = [];
  for (const c of [...comments].sort((a, b) => a.at.localeCompare(b.at))) {
    const node = nodes.get(c.commentId)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

export function countsText(comments: number, openChallenges: number): string {
  const c = `${comments} ${comments === 1 ? "comment" : "comments"}`;
  const o = `${openChallenges} open ${openChallenges === 1 ? "challenge" : "challenges"}`;
  return `${c}, ${o}`;
}
