export * from './run-filter.types';
export * from './run-filter.parser';
export * from './run-filter.match';
export { filterFieldNames } from './run-filter.fields';
export * from './run-sort.parse';
