export type { ScenarioStep } from './crm-scenario.ts';
export { crmScenario, eraseScenarioCustomer, scenarioPersonalValues } from './crm-scenario.ts';
