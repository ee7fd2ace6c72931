import type { TextOp } from "ot-text-unicode";

// Shapes exchanged with the server, mirroring docs/api.md. Ids are GUID strings; enums are camelCase strings.

export type Role = "expert" | "facilitator";
export type ItemKind = "singleBestAnswer" | "multipleResponse" | "scenario";
export type ItemStatus = "draft" | "inReview" | "needsRevision" | "agreed" | "final" | "withdrawn";
export type Essentiality = "essential" | "usefulNotEssential" | "notNecessary";
/** A question a panellist answers about an item; a panel chooses which ones it uses. */
export type Instrument = "essentiality" | "relevance" | "keyCorrect" | "clarity" | "angoff";
export type RoundStatus = "open" | "closing" | "closed";

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
  /** The stable name other experts see in a pseudonymous panel ("Academic 7"); null for facilitators. */
  pseudonym: string | null;
}

export interface PanelView {
  panelId: string;
  name: string;
  framework: Framework;
  groups: string[];
  myRole: Role;
  myPersonId: string;
  /** Everyone, for facilitators; empty for experts. */
  members: MemberView[];
  itemCount: number;
  review: ReviewSettings;
  /** What is revealed to whom and when, in words. */
  disclosure: string[];
  /** The name others see me by (my pseudonym in a pseudonymous panel). */
  myDisplayName: string;
  rounds: RoundSummary[];
}

/** When an item counts as agreed at the close of a round; shares are 0-1, null switches a rule off. */
export interface ConsensusRules {
  requireCriticalCvr: boolean;
  minItemCvi: number | null;
  minKeyAgreement: number | null;
  minClarityAgreement: number | null;
  minRaters: number;
}

export interface ReviewSettings {
  instruments: Instrument[];
  rules: ConsensusRules;
  pseudonymous: boolean;
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
  /** Counts of clarity 1-4. */
  clarity: number[];
  clarityAgreement: number | null;
  keyAgreement: number | null;
  /** Angoff estimates in tenths: 0-9, 10-19 ... 90-100. */
  angoff: number[];
  angoffMean: number | null;
  angoffSd: number | null;
}

/** One rule applied to one item, in words. */
export interface RuleCheck {
  rule: string;
  met: boolean;
  value: number | null;
  threshold: number | null;
  text: string;
  isClose?: boolean;
}

export interface ConsensusDecision {
  agreed: boolean;
  checks: RuleCheck[];
}

/** The open round's ratings of an item: facilitators only. */
export interface ItemLive {
  roundId: string;
  current: RatingStatistics;
  preview: ConsensusDecision;
  lastRatedAt: string;
  /** Numbers the item's ratings: a view with a lower number is older. */
  ratingSeq: number;
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
  /** The open round the item is in, if any. */
  roundId: string | null;
  /** Closed rounds the item has been through. */
  rounds: number;
  scenarioId: string | null;
  createdAt: string;
  updatedAt: string;
  /** The last closed round's statistics (seen by all). */
  lastRound: RatingStatistics | null;
  /** The open round's statistics (facilitators only). */
  live: ItemLive | null;
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

/** A rating answers the panel's instruments only; the others are null. */
export interface Rating {
  essentiality: Essentiality | null;
  relevance: number | null;
  keyCorrect: boolean | null;
  reason: string | null;
  clarity: number | null;
  /** Percent (0-100) chance that a minimally competent practitioner answers correctly. */
  angoff: number | null;
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
  review: ItemReview;
  history: StatusChange[];
  /** Required fields still missing (only while the text can be edited). */
  missing: InputProblem[];
}

export interface InputProblem {
  field: string;
  message: string;
}

/**
 * One person's view of an item's ratings: others' hidden (current null, hidden true) until they have rated in the
 * open round; facilitators always see them. `previous` is the last closed round's feedback.
 */
export interface ItemReview {
  itemId: string;
  roundId: string | null;
  roundName: string | null;
  instruments: Instrument[];
  myRating: Rating | null;
  hidden: boolean;
  current: RatingStatistics | null;
  preview: ConsensusDecision | null;
  previous: RoundFeedback | null;
  disclosure: string[];
  /** The item's rating number this view includes. */
  ratingSeq: number;
}

/** Controlled feedback from a closed round: what the panel said, without names, beside my own rating. */
export interface RoundFeedback {
  roundId: string;
  roundName: string;
  statistics: RatingStatistics;
  decision: ConsensusDecision;
  outcome: ItemStatus;
  reasons: string[];
  myRating: Rating | null;
  closedAt: string;
}

/** One move in an item's life: by a round's close or by hand (an override carries its reason). */
export interface StatusChange {
  from: ItemStatus;
  to: ItemStatus;
  byId: string | null;
  byName: string | null;
  reason: string | null;
  roundId: string | null;
  override: boolean;
  at: string;
}

// Rounds (Delphi review).

export interface RoundRequest {
  name: string | null;
  itemIds: string[] | null;
  statementId: string | null;
  status: ItemStatus | null;
}

export interface RoundSummary {
  roundId: string;
  number: number;
  name: string;
  status: RoundStatus;
  items: number;
  openedAt: string;
  closedAt: string | null;
}

export interface RoundRefusal {
  itemId: string;
  title: string;
  problems: InputProblem[];
}

export interface RoundView {
  roundId: string;
  panelId: string;
  number: number;
  name: string;
  status: RoundStatus;
  itemIds: string[];
  settings: ReviewSettings;
  openedAt: string;
  closedAt: string | null;
  refused: RoundRefusal[];
  results: RoundResults | null;
}

export interface RoundResults {
  items: RoundItemResult[];
  overall: PanelStatistics;
  byStatement: StatementStatistics[];
}

export interface RoundItemResult {
  itemId: string;
  statementId: string;
  isQuestion: boolean;
  statistics: RatingStatistics;
  decision: ConsensusDecision;
  outcome: ItemStatus;
  /** Of those who rated the item in its previous round too, the share who answered the same; null in a first round. */
  stability: number | null;
}

export interface StatementStatistics {
  statementId: string;
  statistics: PanelStatistics;
}

export interface InstrumentStatistics {
  instrument: Instrument;
  items: number;
  ratings: number;
  fleissKappa: number | null;
  fleissItems: number;
  fleissRaters: number;
  alphaNominal: number | null;
  alphaOrdinal: number | null;
  alphaInterval: number | null;
}

export interface AngoffResult {
  /** Items a minimally competent candidate is expected to answer correctly. */
  cutScore: number;
  standardError: number | null;
  items: number;
  judgeCutScores: number[];
}

export interface PanelStatistics {
  items: number;
  raters: number;
  instruments: InstrumentStatistics[];
  scaleCviAverage: number | null;
  scaleCviUniversal: number | null;
  angoff: AngoffResult | null;
  angoffJudges: number;
}

// The facilitators' dashboard.

export interface Contributions {
  items: number;
  comments: number;
  challenges: number;
  ratings: number;
}

export interface GroupVoice {
  group: string;
  members: number;
  panelShare: number;
  itemShare: number;
  commentShare: number;
  challengeShare: number;
  ratingShare: number;
  /** Kinds of contribution ("items", "comments", "challenges", "ratings") in which the group is falling behind. */
  behind: string[];
}

export interface ExpertActivity {
  personId: string;
  name: string;
  pseudonym: string | null;
  group: string;
  contributions: Contributions;
  lastActive: string | null;
}

export interface CoverageLine {
  statementId: string;
  items: number;
  agreed: number;
  target: number | null;
}

export interface AttentionItem {
  itemId: string;
  title: string;
  reasons: string[];
}

export interface DashboardView {
  items: ItemSummary[];
  rounds: RoundSummary[];
  coverage: CoverageLine[];
  voice: GroupVoice[];
  experts: ExpertActivity[];
  attention: AttentionItem[];
  settings: ReviewSettings;
  at: string;
}

export interface ReviewChange {
  review: ReviewSettings;
  disclosure: string[];
}

export interface VoiceChange {
  panelId: string;
  voice: GroupVoice[];
  experts: ExpertActivity[];
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

