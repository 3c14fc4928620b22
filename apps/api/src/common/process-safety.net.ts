import { Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '../db/database-unavailable';

/**
 * Last line of defence for promises nobody awaits inside libraries (pg-boss completes and fails
 * jobs without awaiting them): when the database goes away such a rejection would end the
 * process (Node's default). A database outage is survivable, so it is logged and the process
 * goes on; anything else still ends it, and the supervisor restarts it.
 */
export function installProcessSafetyNet(name: string): void {
  const logger = new Logger(name);
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn(`database unavailable in a background task: ${reason instanceof Error ? reason.message : String(reason)}`);
      return;
    }
    logger.error(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
    process.exit(1);
  });
}
