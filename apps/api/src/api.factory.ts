import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { useJsonBodies } from './common/json-bodies.setup';
import { buildOpenApi } from './docs/openapi';
import { ENV, type TEnv } from './env';

/** Builds the HTTP app; shared by main.ts and the API tests so both run the same wiring. */
export async function createApiApp(
  logger: LogLevel[] = ['error', 'warn', 'log'],
): Promise<NestExpressApplication> {
  // bodyParser: false, so that useJsonBodies' parser (JSON only, explicit limit) is the only one.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger, bodyParser: false });
  const env = app.get<TEnv>(ENV);
  const origins = env.CORS_ORIGINS.trim() === '*' ? true : env.CORS_ORIGINS.split(',').map((o) => o.trim());
  app.enableCors({ origin: origins });
  useJsonBodies(app);
  // Express hashes every response body for an ETag; a 100-run compare answer is ~13 MB (measured
  // ~35 ms of SHA-1 per request) and nothing here revalidates with If-None-Match.
  app.set('etag', false);
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApi(), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
