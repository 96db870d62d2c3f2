import { BadRequestException, ValidationPipe, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ValidationError } from 'class-validator';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { bodyParserProblem, sendProblem } from '../common/problem.filter.js';
import { AppConfig } from '../config/config.js';

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? m.replace(e.property, path) : `${path}: ${m}`));
    return [...own, ...describe(e.children ?? [], path)];
  });
}

/**
 * Everything HTTP-specific the API needs, shared by main.api.ts, main.ts and the e2e tests,
 * so that tests exercise exactly the stack that runs in production.
 */
export function configureHttp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');

  // Our own body parser (bodyParser: false at creation) so its errors become problem+json too.
  app.use(express.json({ limit: config.MAX_BODY_BYTES, type: ['application/json', 'application/*+json'] }));
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    sendProblem(req, res, bodyParserProblem(err as Parameters<typeof bodyParserProblem>[0]));
  });

  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new BadRequestException(describe(errors)),
    }),
  );

  if (config.SWAGGER_ENABLED) {
    const doc = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Claimcheck API')
        .setDescription('Ingest articles, review extracted claims, read verdicts. Errors are application/problem+json.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
  }
  // Unknown routes: Nest throws NotFoundException, which ProblemFilter renders as problem+json.
}

export const NEST_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

export type { INestApplication };
