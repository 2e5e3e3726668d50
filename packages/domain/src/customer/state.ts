import type { EmailAddress, PhoneE164 } from '../kernel/contact.ts';
import type { CustomerId, EntryId, UserId } from '../kernel/ids.ts';
import type { NonEmptyString, Tag } from '../kernel/text.ts';
import type { Instant } from '../kernel/time.ts';
import type { Acquisition } from './acquisition.ts';
import type { PostalAddress } from './address.ts';
import type { InteractionChannel, InteractionDirection } from './engagement.ts';
import { emptyIdSet, hasId, type IdSet } from './id-set.ts';
import type { ForwardStage, LifecycleStage } from './lifecycle-stage.ts';
import type { Party, PartyKind } from './party.ts';
import type { Preferences } from './preferences.ts';

/**
 * Where the customer stands in its lifecycle. `lastForwardStage` is the forward stage held now,
 * or, while churned or reactivated, the one held before churning; `furthestStage` is the
 * furthest ever reached (funnels count it apart from the current stage).
 */
export interface CustomerLifecycle {
  readonly stage: LifecycleStage;
  readonly since: Instant;
  readonly lastForwardStage: ForwardStage;
  readonly furthestStage: ForwardStage;
  /** The stage held when the customer last churned; `null` if it never churned. */
  readonly stageBeforeChurn: LifecycleStage | null;
}

/** The latest contact with the customer, so staff never give two different answers. */
export interface LastCommunication {
  readonly interactionId: EntryId;
  readonly channel: InteractionChannel;
  readonly direction: InteractionDirection;
  /** `null` once personal data is erased. */
  readonly summary: NonEmptyString | null;
  readonly by: UserId;
  readonly at: Instant;
}

/** An open follow-up: scheduled, neither completed nor cancelled yet. */
export interface FollowUp {
  readonly followUpId: EntryId;
  readonly dueAt: Instant;
  readonly assigneeId: UserId;
  /** `null` when none was given or once personal data is erased. */
  readonly note: NonEmptyString | null;
  readonly scheduledAt: Instant;
}

/**
 * The customer's follow-ups. Only open ones keep their details; a closed one keeps just its id,
 * which is all `decide` needs (to refuse reusing it, and to say it is already completed or
 * cancelled rather than never scheduled). Closed ones pile up over a customer's life, so they
 * live in id sets, which stay cheap to extend (see `IdSet`).
 */
export interface FollowUps {
  /** In the order they were scheduled. */
  readonly open: ReadonlyArray<FollowUp>;
  readonly completed: IdSet<EntryId>;
  readonly cancelled: IdSet<EntryId>;
}

/** No follow-up scheduled yet. */
export const noFollowUps: FollowUps = { open: [], completed: emptyIdSet, cancelled: emptyIdSet };

/** The surveys answered, by kind, so one answer is never counted twice. */
export interface AnsweredSurveys {
  readonly csat: IdSet<EntryId>;
  readonly nps: IdSet<EntryId>;
}

/** No survey answered yet. */
export const noAnsweredSurveys: AnsweredSurveys = { csat: emptyIdSet, nps: emptyIdSet };

/** Running figures of one kind of survey answer. */
export interface ScoreSummary {
  readonly count: number;
  readonly total: number;
  readonly latest: number | null;
}

/** Loyalty figures; the balance is always `earned − redeemed` and never negative. */
export interface LoyaltyAccount {
  readonly balance: number;
  readonly earned: number;
  readonly redeemed: number;
}

/** A registered customer, as folded from its events. Plain data: snapshot it, compare it. */
export interface RegisteredCustomer {
  readonly status: 'registered';
  readonly customerId: CustomerId;
  readonly kind: PartyKind;
  /** Personal data, all `null` once erased. */
  readonly party: Party | null;
  readonly email: EmailAddress | null;
  readonly phone: PhoneE164 | null;
  readonly address: PostalAddress | null;
  readonly acquisition: Acquisition;
  readonly ownerId: UserId;
  readonly registeredAt: Instant;
  readonly tags: ReadonlyArray<Tag>;
  readonly lifecycle: CustomerLifecycle;
  readonly interactionCount: number;
  readonly lastCommunication: LastCommunication | null;
  readonly preferences: Preferences;
  readonly followUps: FollowUps;
  readonly csat: ScoreSummary;
  readonly nps: ScoreSummary;
  readonly answeredSurveys: AnsweredSurveys;
  readonly loyalty: LoyaltyAccount;
  /** The survivor this customer was merged into; `null` unless it is a tombstone. */
  readonly mergedInto: CustomerId | null;
  /** Duplicates merged into this customer (it is their survivor). */
  readonly absorbedDuplicates: ReadonlyArray<CustomerId>;
  readonly erasedAt: Instant | null;
}

/** Nothing recorded yet: the customer does not exist. */
export interface UnregisteredCustomer {
  readonly status: 'unregistered';
}

/** The customer aggregate's state. */
export type CustomerState = UnregisteredCustomer | RegisteredCustomer;

/** The state before any event. */
export const initialCustomerState: CustomerState = { status: 'unregistered' };

/** How many tags one customer may carry. */
export const maxCustomerTags = 50;

/** Counts a new survey answer into its summary. */
export const addScore = (summary: ScoreSummary, value: number): ScoreSummary => ({
  count: summary.count + 1,
  total: summary.total + value,
  latest: value,
});

/** No survey answered yet. */
export const noScores: ScoreSummary = { count: 0, total: 0, latest: null };

/** Whether a follow-up with this id was ever scheduled, open or closed. */
export const isKnownFollowUp = ({ followUps }: RegisteredCustomer, followUpId: string): boolean =>
  followUps.open.some((followUp) => followUp.followUpId === followUpId) ||
  hasId(followUps.completed, followUpId) ||
  hasId(followUps.cancelled, followUpId);

/** Whether this survey was already answered, whatever its kind. */
export const isAnsweredSurvey = (
  { answeredSurveys }: RegisteredCustomer,
  surveyId: string,
): boolean => hasId(answeredSurveys.csat, surveyId) || hasId(answeredSurveys.nps, surveyId);
