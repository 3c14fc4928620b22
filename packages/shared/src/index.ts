export * from './run-config.schema';
export * from './run.schema';
export * from './scalar.schema';
export * from './error.schema';
export * from './events.schema';
export * from './job.schema';
export * from './zod-errors';
export * from './query-keys';
