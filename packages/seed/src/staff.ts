import type { Actor, PolicyName, Role, UserId } from '@crm/domain';
import type { LocaleCode } from './locales/locale.ts';

/** The sales territories reps cover. */
export type Territory = 'uk' | 'north-america' | 'dach' | 'france' | 'iberia' | 'apac';

/** A member of staff (or a system account) who issues commands. */
export interface StaffMember extends Actor {
  readonly name: string;
  /** For sales reps: the customers they look after. */
  readonly territory?: Territory;
}

/** The territory of customers from a country. */
export const territoryOf = (code: LocaleCode): Territory => {
  switch (code) {
    case 'GB':
      return 'uk';
    case 'US':
      return 'north-america';
    case 'DE':
      return 'dach';
    case 'FR':
      return 'france';
    case 'ES':
      return 'iberia';
    case 'CN':
    case 'JP':
      return 'apac';
  }
};

const member = (id: string, name: string, role: Role, territory?: Territory): StaffMember => ({
  id: id as UserId,
  name,
  role,
  ...(territory === undefined ? {} : { territory }),
});

/** The ten sales reps at the start of the history. */
export const salesReps: ReadonlyArray<StaffMember> = [
  member('u-rep-oliver-bennett', 'Oliver Bennett', 'sales_rep', 'uk'),
  member('u-rep-priya-shah', 'Priya Shah', 'sales_rep', 'uk'),
  member('u-rep-marcus-reid', 'Marcus Reid', 'sales_rep', 'north-america'),
  member('u-rep-jessica-alvarez', 'Jessica Alvarez', 'sales_rep', 'north-america'),
  member('u-rep-lena-hoffmann', 'Lena Hoffmann', 'sales_rep', 'dach'),
  member('u-rep-tobias-keller', 'Tobias Keller', 'sales_rep', 'dach'),
  member('u-rep-camille-laurent', 'Camille Laurent', 'sales_rep', 'france'),
  member('u-rep-julien-moreau', 'Julien Moreau', 'sales_rep', 'france'),
  member('u-rep-lucia-navarro', 'Lucía Navarro', 'sales_rep', 'iberia'),
  member('u-rep-kenji-watanabe', 'Kenji Watanabe', 'sales_rep', 'apac'),
];

/** The rep who leaves part-way through the history, and the one who takes over her accounts. */
export const leavingRep = salesReps[1] as StaffMember;
export const joiningRep = member('u-rep-hannah-cole', 'Hannah Cole', 'sales_rep', 'uk');

export const salesManager = member('u-mgr-david-okafor', 'David Okafor', 'sales_manager');

export const serviceAgents: ReadonlyArray<StaffMember> = [
  member('u-agent-sam-porter', 'Sam Porter', 'service_agent'),
  member('u-agent-mei-lin', 'Mei Lin', 'service_agent'),
  member('u-agent-yusuf-demir', 'Yusuf Demir', 'service_agent'),
  member('u-agent-clara-vogel', 'Clara Vogel', 'service_agent'),
  member('u-agent-ines-duarte', 'Inês Duarte', 'service_agent'),
  member('u-agent-tom-becker', 'Tom Becker', 'service_agent'),
];

export const marketers: ReadonlyArray<StaffMember> = [
  member('u-mkt-zoe-martin', 'Zoë Martin', 'marketer'),
  member('u-mkt-felix-brandt', 'Felix Brandt', 'marketer'),
  member('u-mkt-aiko-tanaka', 'Aiko Tanaka', 'marketer'),
];

export const privacyOfficer = member('u-dpo-margaret-hale', 'Margaret Hale', 'privacy_officer');

/** Finance and fulfilment: deliveries, invoices, payments and loyalty credits (an admin account). */
export const backOffice = member('u-ops-finance', 'Finance & Fulfilment', 'admin');

/** The scheduler that checks ticket SLAs. */
export const slaMonitor = member('system:sla-monitor', 'SLA monitor', 'system');

/** The system account a policy acts as, exactly as the domain's policies name it. */
export const policyActor = (policy: PolicyName): Actor => ({
  id: `policy:${policy}` as UserId,
  role: 'system',
});

/** Everyone who may appear as an actor (policy accounts aside). */
export const allStaff: ReadonlyArray<StaffMember> = [
  ...salesReps,
  joiningRep,
  salesManager,
  ...serviceAgents,
  ...marketers,
  privacyOfficer,
  backOffice,
  slaMonitor,
];
