import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { Request } from 'express';
import { useJsonBodies } from './common/json-bodies.setup';
import { isAllowedOrigin } from './common/origin.policy';
import { securityHeaders } from './common/security-headers.middleware';
import { buildOpenApi } from './docs/openapi';
import { ENV, type TEnv } from './env';

/** Builds the HTTP app; shared by main.ts and the API tests so both run the same wiring. */
export async function createApiApp(logger: LogLevel[] = ['error', 'warn', 'log']): Promise<NestExpressApplication> {
  // bodyParser: false, so that useJsonBodies' parser (JSON only, explicit limit) is the only one.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger, bodyParser: false });
  const env = app.get<TEnv>(ENV);
  // Strict CORS with credentials: only the dashboard's origin (see isAllowedOrigin) may call with cookies.
  app.enableCors((req: Request, cb: (err: Error | null, options: { origin: boolean; credentials: boolean }) => void) =>
    cb(null, { origin: isAllowedOrigin(req.headers.origin, req.headers.host, env), credentials: true }),
  );
  app.disable('x-powered-by');
  app.use(securityHeaders);
  useJsonBodies(app);
  // Express hashes every response body for an ETag; a 100-run compare answer is ~13 MB (measured
  // ~35 ms of SHA-1 per request) and nothing here revalidates with If-None-Match.
  app.set('etag', false);
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApi(), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
