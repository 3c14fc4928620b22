import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { installProcessSafetyNet } from './common/process-safety.net';
import { TrainingWorker } from './worker/training.worker';
import { WorkerModule } from './worker/worker.module';

/** Second entry of the API app: a training worker. Start as many as you like, anywhere that
 *  reaches the same DATABASE_URL. */
async function main(): Promise<void> {
  installProcessSafetyNet('Worker');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn', 'log'] });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    Logger.log(`${signal}: stopping (the current run, if any, is checkpointed and queued again)`, 'Worker');
    try {
      await app.get(TrainingWorker).shutdown();
      await app.close();
    } catch (e) {
      Logger.warn(`stopping: ${e instanceof Error ? e.message : String(e)}`, 'Worker');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
