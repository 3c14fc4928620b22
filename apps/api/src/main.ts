import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApiApp } from './api.factory';
import { installProcessSafetyNet } from './common/process-safety.net';
import { ENV, type TEnv } from './env';

async function main(): Promise<void> {
  installProcessSafetyNet('Api');
  const app = await createApiApp();
  const env = app.get<TEnv>(ENV);
  await app.listen(env.API_PORT, env.API_HOST);
  Logger.log(`API listening on http://localhost:${env.API_PORT} (docs: /api/docs)`, 'Main');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
