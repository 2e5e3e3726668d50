import { eventStoreContract } from '@crm/event-store/contract';
import { createMemoryEventStore } from './index.ts';

eventStoreContract({ name: 'in-memory', open: async () => createMemoryEventStore() });
