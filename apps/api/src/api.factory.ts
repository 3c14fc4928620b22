import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { buildOpenApi } from './docs/openapi';
import { ENV, type TEnv } from './env';

/** Builds the HTTP app; shared by main.ts and the API tests so both run the same wiring. */
export async function createApiApp(
  logger: LogLevel[] = ['error', 'warn', 'log'],
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger });
  const env = app.get<TEnv>(ENV);
  const origins = env.CORS_ORIGINS.trim() === '*' ? true : env.CORS_ORIGINS.split(',').map((o) => o.trim());
  app.enableCors({ origin: origins });
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApi(), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
