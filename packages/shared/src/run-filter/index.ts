export * from './run-filter.types';
export * from './run-filter.parser';
export * from './run-filter.match';
export { FILTER_FIELD_NAMES } from './run-filter.fields';
