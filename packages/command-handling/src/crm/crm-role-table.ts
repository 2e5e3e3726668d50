import type { RoleTable } from '../authorisation/role-table.ts';

// Commands only the system sends (policies), never a person.
const systemOnly = [
  'EnsureLifecycleStageAtLeast',
  'RecordDuplicateAbsorbed',
  'RecordDuplicateReleased',
];

/**
 * Who may run which CRM command. Pass your own table to `createCommandHandler` to change it.
 *
 * | role | may run |
 * | --- | --- |
 * | `admin` | everything, except erasing personal data |
 * | `sales_manager` | every customer and deal command, on any customer or deal (not erasure, not the policies' commands) |
 * | `sales_rep` | customer commands on the customers they own, deal commands on the deals they own — not erasure, owner changes, merges, `ReassignDeal` or `CorrectWonDeal` |
 * | `service_agent` | every ticket command; interactions, follow-ups and satisfaction scores on any customer |
 * | `marketer` | every campaign command; tagging customers (segments) |
 * | `privacy_officer` | `ErasePersonalData`, and only that; nobody else erases |
 * | `auditor` | nothing: read-only |
 * | `system` | the commands policies send (`EnsureLifecycleStageAtLeast`, `RecordDuplicateAbsorbed`, `RecordDuplicateReleased`) and `CheckTicketSla` |
 *
 * "Own" is read from the aggregate's state: a customer's `ownerId`, a deal's `ownerId` (for a
 * registration or an opening, the owner the command names, so a rep cannot create for others).
 */
export const crmRoleTable: RoleTable = {
  admin: [
    { aggregate: 'customer', commands: '*', except: ['ErasePersonalData'], scope: 'any' },
    { aggregate: 'deal', commands: '*', scope: 'any' },
    { aggregate: 'ticket', commands: '*', scope: 'any' },
    { aggregate: 'campaign', commands: '*', scope: 'any' },
  ],
  sales_manager: [
    {
      aggregate: 'customer',
      commands: '*',
      except: ['ErasePersonalData', ...systemOnly],
      scope: 'any',
    },
    { aggregate: 'deal', commands: '*', scope: 'any' },
  ],
  sales_rep: [
    {
      aggregate: 'customer',
      commands: '*',
      except: [
        'ErasePersonalData',
        'AssignCustomerOwner',
        'MergeCustomerInto',
        'RevertCustomerMerge',
        ...systemOnly,
      ],
      scope: 'own',
    },
    { aggregate: 'deal', commands: '*', except: ['ReassignDeal', 'CorrectWonDeal'], scope: 'own' },
  ],
  service_agent: [
    { aggregate: 'ticket', commands: '*', scope: 'any' },
    {
      aggregate: 'customer',
      commands: [
        'RecordInteraction',
        'ScheduleFollowUp',
        'CompleteFollowUp',
        'RecordSatisfactionScore',
      ],
      scope: 'any',
    },
  ],
  marketer: [
    { aggregate: 'campaign', commands: '*', scope: 'any' },
    { aggregate: 'customer', commands: ['AddCustomerTag', 'RemoveCustomerTag'], scope: 'any' },
  ],
  privacy_officer: [{ aggregate: 'customer', commands: ['ErasePersonalData'], scope: 'any' }],
  auditor: [],
  system: [
    { aggregate: 'customer', commands: systemOnly, scope: 'any' },
    { aggregate: 'ticket', commands: ['CheckTicketSla'], scope: 'any' },
  ],
};
