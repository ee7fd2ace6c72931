import type { TextOp } from "ot-text-unicode";

// Shapes exchanged with the server, mirroring docs/api.md. Ids are GUID strings; enums are camelCase strings.

export type Role = "expert" | "facilitator";
export type ItemKind = "singleBestAnswer" | "multipleResponse" | "scenario";
export type ItemStatus = "draft" | "inReview" | "needsRevision" | "agreed" | "final" | "withdrawn";
export type Essentiality = "essential" | "usefulNotEssential" | "notNecessary";

/** A refusal, from REST (response body) or the hub (Outcome.error). */
export interface Problem {
  code: string;
  message: string;
  field?: string | null;
}

/** What every hub method returns; the REST wrappers in api.ts return the same shape. */
export type Outcome<T> =
  | { ok: true; value: T; error: null }
  | { ok: false; value: unknown; error: Problem };

export interface Membership {
  panelId: string;
  panelName: string;
  role: Role;
}

export interface Me {
  personId: string;
  name: string;
  canCreatePanels: boolean;
  memberships: Membership[];
}

export interface Statement {
  id: string;
  number: number;
  title: string;
}

export interface Framework {
  id: string;
  title: string;
  publisher?: string | null;
  source?: string | null;
  statements: Statement[];
}

export interface MemberView {
  personId: string;
  name: string;
  group: string;
  email: string | null;
  role: Role;
  linkActive: boolean;
  removed: boolean;
}

export interface PanelView {
  panelId: string;
  name: string;
  framework: Framework;
  groups: string[];
  myRole: Role;
  myPersonId: string;
  members: MemberView[];
  itemCount: number;
}

/** A member and their one-time sign-in link (shown once). */
export interface InviteResult {
  member: MemberView;
  link: string;
}

export interface RatingStatistics {
  raters: number;
  essential: number;
  usefulNotEssential: number;
  notNecessary: number;
  relevance: number[];
  keyAgree: number;
  keyDisagree: number;
  contentValidityRatio: number;
  /** Null below 5 raters, where no count of "essential" is significant. */
  criticalEssential: number | null;
  criticalRatio: number | null;
  meetsCriticalValue: boolean;
  itemContentValidityIndex: number;
  modifiedKappa: number;
}

export interface ItemSummary {
  itemId: string;
  panelId: string;
  kind: ItemKind;
  status: ItemStatus;
  statementId: string;
  authorId: string;
  authorName: string;
  title: string;
  comments: number;
  openChallenges: number;
  ratings: RatingStatistics;
  reviewClosed: boolean;
  scenarioId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StatementCount {
  statementId: string;
  items: number;
  meetingCriticalValue: number;
}

export interface BankView {
  items: ItemSummary[];
  statements: StatementCount[];
}

export interface ItemDraft {
  kind: ItemKind;
  statementId: string;
  stem: string | null;
  options: string[] | null;
  keys: number[] | null;
  rationale: string | null;
  vignette: string | null;
  scenarioId: string | null;
}

/** One revisioned field: "stem", "option0".."option7", "rationale", "vignette", "keys" or "statement". */
export interface FieldState {
  field: string;
  text: string;
  revision: number;
  editedBy: string | null;
  editedByName: string | null;
  editedAt: string | null;
  itemId: string;
}

export interface Rating {
  essentiality: Essentiality;
  relevance: number;
  keyCorrect: boolean | null;
  reason: string | null;
}

export interface Resolution {
  byId: string;
  byName: string;
  note: string;
  at: string;
}

export interface CommentView {
  commentId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  text: string;
  isChallenge: boolean;
  at: string;
  resolution: Resolution | null;
}

export interface ThreadView {
  threadId: string;
  itemId: string;
  comments: CommentView[];
  openChallenges: number;
}

export interface ThreadSummary {
  threadId: string;
  opening: string;
  startedBy: string;
  startedByName: string;
  comments: number;
  openChallenges: number;
  lastActivity: string;
}

export interface ItemView {
  summary: ItemSummary;
  fields: FieldState[];
  keys: number[];
  keysRevision: number;
  statementRevision: number;
  myRating: Rating | null;
  threads: ThreadSummary[];
  linkedItems: string[];
}

// Character-level editing (docs/api.md, "Editing"). Ops are text-unicode ops: positions in code points.

/** An edit as the server numbered it. */
export interface RemoteEdit {
  revision: number;
  op: TextOp;
  clientId: string;
  clientSeq: number;
  authorId: string;
  at: string;
}

export interface EditAck {
  revision: number;
  duplicate: boolean;
}

export interface FieldSync {
  revision: number;
  edits: RemoteEdit[] | null;
  text: string | null;
  lastClientSeq: number | null;
}

export interface FieldEditsEvent {
  itemId: string;
  field: string;
  edits: RemoteEdit[];
}

export interface PresenceEvent {
  itemId: string;
  clientId: string;
  personId: string;
  name: string;
  field: string | null;
  revision: number;
  anchor: number;
  head: number;
  left: boolean;
  at: string;
}

