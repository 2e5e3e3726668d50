import {
  type CustomerEvent,
  displayNameOf,
  type ForwardStage,
  lifecycleRank,
  type Party,
} from '@crm/domain';
import { utcOf } from '../projection-kit/index.ts';
import type { Entry } from './entry.ts';
import type { CustomerRow } from './rows.ts';
import type { WorkingSet } from './working-set.ts';

const names = (party: Party) => ({
  given_name: party.kind === 'person' ? (party.givenName ?? null) : null,
  family_name: party.kind === 'person' ? party.familyName : null,
  legal_name: party.kind === 'company' ? party.legalName : null,
  display_name: displayNameOf(party),
});

const registered = (event: Extract<CustomerEvent, { type: 'CustomerRegistered' }>): CustomerRow => {
  const { data } = event;
  return {
    customer_id: data.customerId,
    kind: data.party.kind,
    ...names(data.party),
    email: data.email,
    phone: data.phone,
    address: data.address,
    acquisition_source: data.acquisition.source,
    acquisition_channel: data.acquisition.channel,
    owner_id: data.ownerId,
    registered_at: utcOf(data.at),
    tags: [],
    lifecycle_stage: 'lead',
    lifecycle_since: utcOf(data.at),
    furthest_stage: 'lead',
    preferences: { preferredChannel: null, language: null, optOuts: [], custom: {} },
    loyalty_balance: 0,
    loyalty_earned: 0,
    loyalty_redeemed: 0,
    survey_csat_count: 0,
    survey_csat_total: 0,
    nps_count: 0,
    nps_total: 0,
    nps_latest: null,
    nps_latest_at: null,
    interaction_count: 0,
    last_comm_source: null,
    last_comm_reference: null,
    last_comm_channel: null,
    last_comm_direction: null,
    last_comm_summary: null,
    last_comm_by: null,
    last_comm_at: null,
    merged_into: null,
    family: [data.customerId],
    erased_at: null,
    timeline_entries: 0,
  };
};

const later = (a: string, b: string): string =>
  lifecycleRank(a as ForwardStage) >= lifecycleRank(b as ForwardStage) ? a : b;

/** True when `at` is not before the instant held (interactions may be logged late). */
const isLatest = (at: string, held: string | null): boolean =>
  held === null || Date.parse(at) >= Date.parse(held);

/**
 * Applies a customer event to its row (and a merge to the survivor's family) and returns the
 * timeline entry it makes, if any.
 */
export const applyCustomerEvent = (
  working: WorkingSet,
  event: CustomerEvent,
): Entry | undefined => {
  if (event.type === 'CustomerRegistered') {
    if (working.customer(event.data.customerId) !== undefined) return undefined;
    working.touchCustomer(registered(event));
    return {
      kind: 'registered',
      title: `Registered as a lead (${event.data.acquisition.channel})`,
      summary: null,
      reference: null,
    };
  }
  const row = working.customer(event.data.customerId);
  if (row === undefined) return undefined;
  const erased = row.erased_at !== null;
  const at = event.data.at;
  working.touchCustomer(row);
  switch (event.type) {
    case 'CustomerNameCorrected':
      if (!erased) Object.assign(row, { kind: event.data.party.kind, ...names(event.data.party) });
      return { kind: 'profile', title: 'Name corrected', summary: null, reference: null };
    case 'CustomerEmailChanged':
      if (!erased) row.email = event.data.email;
      return { kind: 'profile', title: 'Email changed', summary: null, reference: null };
    case 'CustomerPhoneChanged':
      if (!erased) row.phone = event.data.phone;
      return { kind: 'profile', title: 'Phone changed', summary: null, reference: null };
    case 'CustomerAddressChanged':
      if (!erased) row.address = event.data.address;
      return { kind: 'profile', title: 'Address changed', summary: null, reference: null };
    case 'CustomerOwnerAssigned':
      row.owner_id = event.data.ownerId;
      return {
        kind: 'owner',
        title: `Owner now ${event.data.ownerId}`,
        summary: null,
        reference: null,
      };
    case 'CustomerTagged':
      if (!row.tags.includes(event.data.tag)) row.tags = [...row.tags, event.data.tag];
      return { kind: 'tag', title: `Tagged ${event.data.tag}`, summary: null, reference: null };
    case 'CustomerUntagged':
      row.tags = row.tags.filter((tag) => tag !== event.data.tag);
      return { kind: 'tag', title: `Untagged ${event.data.tag}`, summary: null, reference: null };
    case 'CustomerPreferencesUpdated': {
      const { preferences } = event.data;
      row.preferences = {
        preferredChannel: preferences.preferredChannel,
        language: preferences.language,
        optOuts: [...preferences.optOuts],
        custom: erased ? {} : { ...preferences.custom },
      };
      return { kind: 'preferences', title: 'Preferences updated', summary: null, reference: null };
    }
    case 'CustomerLifecycleStageAdvanced':
      row.lifecycle_stage = event.data.to;
      row.lifecycle_since = utcOf(at);
      row.furthest_stage = later(row.furthest_stage, event.data.to);
      return {
        kind: 'lifecycle',
        title: `Stage ${event.data.from} → ${event.data.to}`,
        summary: null,
        reference: null,
      };
    case 'CustomerChurned':
      row.lifecycle_stage = 'churned';
      row.lifecycle_since = utcOf(at);
      return {
        kind: 'lifecycle',
        title: `Churned from ${event.data.from}`,
        summary: null,
        reference: null,
      };
    case 'CustomerReactivated':
      row.lifecycle_stage = 'reactivated';
      row.lifecycle_since = utcOf(at);
      return { kind: 'lifecycle', title: 'Reactivated', summary: null, reference: null };
    case 'InteractionRecorded': {
      const { data } = event;
      row.interaction_count += 1;
      if (isLatest(data.at, row.last_comm_at)) {
        Object.assign(row, {
          last_comm_source: 'interaction',
          last_comm_reference: data.interactionId,
          last_comm_channel: data.channel,
          last_comm_direction: data.direction,
          last_comm_summary: erased ? null : data.summary,
          last_comm_by: data.by,
          last_comm_at: utcOf(data.at),
        });
      }
      return {
        kind: 'interaction',
        title: `${data.channel}, ${data.direction}, by ${data.by}`,
        summary: data.summary,
        reference: data.interactionId,
      };
    }
    case 'FollowUpScheduled': {
      const { data } = event;
      if (working.followUp(row.customer_id, data.followUpId) === undefined) {
        working.touchFollowUp({
          customer_id: row.customer_id,
          follow_up_id: data.followUpId,
          due_at: utcOf(data.dueAt),
          assignee_id: data.assigneeId,
          note: erased ? null : data.note,
          status: 'open',
        });
      }
      return {
        kind: 'follow_up',
        title: `Follow-up due ${utcOf(data.dueAt)} for ${data.assigneeId}`,
        summary: data.note,
        reference: data.followUpId,
      };
    }
    case 'FollowUpCompleted':
    case 'FollowUpCancelled': {
      const followUp = working.followUp(row.customer_id, event.data.followUpId);
      const status = event.type === 'FollowUpCompleted' ? 'completed' : 'cancelled';
      if (followUp?.status === 'open') working.touchFollowUp({ ...followUp, status });
      return {
        kind: 'follow_up',
        title: `Follow-up ${status}`,
        summary: null,
        reference: event.data.followUpId,
      };
    }
    case 'SatisfactionScoreRecorded': {
      const { score } = event.data;
      if (score.kind === 'csat') {
        row.survey_csat_count += 1;
        row.survey_csat_total += score.value;
      } else {
        row.nps_count += 1;
        row.nps_total += score.value;
        if (isLatest(at, row.nps_latest_at)) {
          row.nps_latest = score.value;
          row.nps_latest_at = utcOf(at);
        }
      }
      return {
        kind: 'survey',
        title: `${score.kind.toUpperCase()} ${score.value}`,
        summary: null,
        reference: event.data.surveyId,
      };
    }
    case 'LoyaltyPointsEarned':
      row.loyalty_balance += event.data.points;
      row.loyalty_earned += event.data.points;
      return {
        kind: 'loyalty',
        title: `Earned ${event.data.points} points`,
        summary: null,
        reference: event.data.reference,
      };
    case 'LoyaltyPointsRedeemed':
      // A redemption the balance cannot cover never passes `decide`; the domain's evolve ignores it too.
      if (event.data.points <= row.loyalty_balance) {
        row.loyalty_balance -= event.data.points;
        row.loyalty_redeemed += event.data.points;
      }
      return {
        kind: 'loyalty',
        title: `Redeemed ${event.data.points} points`,
        summary: null,
        reference: event.data.reference,
      };
    case 'CustomerMerged': {
      const survivor = working.customer(event.data.survivorId);
      row.merged_into = event.data.survivorId;
      if (survivor !== undefined && survivor !== row) {
        survivor.family = [...new Set([...survivor.family, ...row.family])];
        working.touchCustomer(survivor);
      }
      return {
        kind: 'merge',
        title: `Merged into ${event.data.survivorId}`,
        summary: null,
        reference: event.data.survivorId,
      };
    }
    case 'CustomerMergeReverted': {
      const survivor = working.customer(event.data.survivorId);
      row.merged_into = null;
      if (survivor !== undefined && survivor !== row) {
        survivor.family = survivor.family.filter(
          (id) => id === survivor.customer_id || !row.family.includes(id),
        );
        working.touchCustomer(survivor);
      }
      return {
        kind: 'merge',
        title: `Merge into ${event.data.survivorId} reverted`,
        summary: null,
        reference: event.data.survivorId,
      };
    }
    case 'CustomerDuplicateAbsorbed':
      return {
        kind: 'merge',
        title: `Duplicate ${event.data.duplicateId} merged in`,
        summary: null,
        reference: event.data.duplicateId,
      };
    case 'CustomerDuplicateReleased':
      return {
        kind: 'merge',
        title: `Duplicate ${event.data.duplicateId} released`,
        summary: null,
        reference: event.data.duplicateId,
      };
    case 'CustomerPersonalDataErased':
      if (!erased) {
        Object.assign(row, {
          given_name: null,
          family_name: null,
          legal_name: null,
          display_name: null,
          email: null,
          phone: null,
          address: null,
          last_comm_summary: null,
          erased_at: utcOf(at),
        });
        row.preferences = { ...row.preferences, custom: {} };
        working.eraseInMemory(row.customer_id);
      }
      return { kind: 'erasure', title: 'Personal data erased', summary: null, reference: null };
    default:
      event satisfies never;
      return undefined;
  }
};
