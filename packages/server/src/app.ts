/**
 * Builds the Fastify application: request ids and structured logs, cookies, the central access
 * layer, contract validation and OpenAPI, every module's routes, and the web client's files.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { health } from '@ducha/contract';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { appVersion, type Config } from './config.ts';
import type { OpenDb } from './db/connection.ts';
import { unitName } from './modules/org/index.ts';
import { orgRoutes } from './modules/org/routes.ts';
import { leadingGroupRoutes } from './modules/org/leading-group-routes.ts';
import { excelRoutes } from './modules/projects/excel/routes.ts';
import { itemRoutes } from './modules/items/routes.ts';
import { meetingRoutes } from './modules/meetings/routes.ts';
import { inspectionRoutes } from './modules/inspections/routes.ts';
import { assessmentRoutes } from './modules/assessment/routes.ts';
import { lightRoutes } from './modules/lights/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { listRoutes } from './modules/projects/list-routes.ts';
import { projectRoutes } from './modules/projects/routes.ts';
import { workbenchRoutes } from './modules/workbench/routes.ts';
import { installAccess } from './platform/access/guard.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { frameworkError, registerErrorHandler, sendError } from './platform/errors.ts';
import { notificationRoutes } from './platform/notify-routes.ts';
import { refuseBodiesWithoutSchema, strictValidatorCompiler } from './platform/validation.ts';

export interface AppOptions {
  config: Config;
  database: OpenDb;
  /** false logs only errors (tests); otherwise pino JSON at config.logLevel. */
  logger?: boolean;
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * `Content-Type: application/json` with an empty (or blank) body is no body: scripts and HTTP
 * clients send that header on every POST, also to routes that take none (`…/run`, `…/publish`).
 * Fastify refuses it (FST_ERR_CTP_EMPTY_JSON_BODY); here it reads as no body, so a route without a
 * body schema accepts it and a route with one answers 400 VALIDATION at `body`. Anything else goes
 * to Fastify's own parser (prototype-poisoning checks included).
 */
function acceptEmptyJson(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if ((body as string).trim() === '') return done(null, undefined);
    return parse(req, body as string, done);
  });
}

/**
 * Security headers on every answer, pages and API alike (helmet). The policy is what the
 * web client needs and no more: its own scripts only (Vite emits no inline script), inline styles
 * (antd writes its CSS-in-JS into <style> elements and style attributes), images from itself and
 * data:/blob: URLs (icons, previews), ECharts draws on canvas (no source needed); no framing by
 * anyone, no plugins, forms and <base> only to itself. `upgrade-insecure-requests` and HSTS are
 * left out unless the installation is served over HTTPS (`DUCHA_SECURE_COOKIES`): many offices run
 * it over plain HTTP on their intranet, where either would break every request.
 */
export function securityHeaders(config: Pick<Config, 'secureCookies'>) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: config.secureCookies ? { maxAge: 180 * 24 * 3600 } : false,
    crossOriginEmbedderPolicy: false,
  };
}

export async function buildApp({ config, database, logger = true }: AppOptions): Promise<FastifyInstance> {
  const { db } = database;
  const app = Fastify({
    logger: {
      level: logger ? config.logLevel : 'error',
      // secrets never reach the logs
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: process.env.DUCHA_TRUST_PROXY === '1',
    // what the router refuses before any route (bad percent-encoding, a parameter over 100
    // characters) answers in the API's error shape too
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  acceptEmptyJson(app);
  app.setValidatorCompiler(strictValidatorCompiler);
  refuseBodiesWithoutSchema(app);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // API answers are someone's data under their scope: no cache keeps them
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
  // helmet's middleware built once: @fastify/helmet called helmet() on every request, parsing the
  // policy again each time (2% of an item page's main thread under load)
  const setSecurityHeaders = helmet(securityHeaders(config));
  app.addHook('onRequest', (req, reply, done) =>
    setSecurityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  registerErrorHandler(app);
  await app.register(cookie); // before the access hook, which reads the session cookie
  installAccess(app, db);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Ducha 督查 API',
        version: appVersion,
        description:
          '重点项目督查平台接口。认证：会话 Cookie + X-CSRF-Token，或 Authorization: Bearer <个人令牌>。',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: health } } },
    async () => {
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, db: database.kind, version: appVersion };
    },
  );
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(authRoutes(db, config, { unitName }));
  await app.register(auditRoutes(db));
  await app.register(orgRoutes(db));
  await app.register(leadingGroupRoutes(db));
  await app.register(projectRoutes(db));
  await app.register(listRoutes(db));
  await app.register(excelRoutes(db));
  await app.register(reportRoutes(db, config));
  await app.register(lightRoutes(db));
  await app.register(itemRoutes(db, config));
  await app.register(meetingRoutes(db));
  await app.register(inspectionRoutes(db, config));
  await app.register(assessmentRoutes(db));
  await app.register(notificationRoutes(db));
  await app.register(workbenchRoutes(db));

  const dist = config.webDist;
  const hasWeb = !!dist && fs.existsSync(path.join(dist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: dist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // the web client routes in the browser: any non-API GET gets its page
    // (a missing asset is a 404, not the page: a stale bundle name must fail loudly)
    const isPage =
      !req.url.startsWith('/api') && !req.url.startsWith('/assets/') && !/\.\w+(\?|$)/.test(req.url);
    if (hasWeb && req.method === 'GET' && isPage) return reply.sendFile('index.html');
    return sendError(req, reply, 404, 'ROUTE_NOT_FOUND', []);
  });
  return app;
}
