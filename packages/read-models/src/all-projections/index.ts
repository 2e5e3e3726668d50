export { allProjections } from './all-projections.ts';
