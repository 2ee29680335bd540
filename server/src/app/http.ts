import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { badInput, forbidden } from '@/lib/errors/app-error';
import type { CoreDeps } from '@/core/deps';
import { requestIdOf, sendRestError } from '@/core/errors/rest-error';
import type { HttpRoute } from '@/core/module';
import { queryStringGuard } from '@/core/request/query-string-guard';
import type { RequestContext } from '@/core/request/request-context';
import { createContext } from './create-context';
import { acceptOnlyIpAddresses, httpsLocation } from './http-edge';
import { auditRefusedRequests } from './refused-request-audit';

/**
 * The HTTP surface: POST /graphql, the modules' routes (GET /api/v1/audit), GET /healthz,
 * GET /readyz and the built console. Hardening: helmet; in production HTTPS only behind a
 * trusted proxy, with HSTS. Every REST error leaves through one responder (core/errors).
 */
export function createHttpApp(
  deps: CoreDeps,
  apollo: ApolloServer<RequestContext>,
  routes: readonly HttpRoute[],
  isReady: () => Promise<boolean>,
) {
  const { env } = deps;
  const production = env.NODE_ENV === 'production';
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every response body for an ETag: answers here are per user and never
  // cached, and the hash cost ~9 % of a list request's CPU (BENCHMARKS.md).
  app.set('etag', false);
  app.set('trust proxy', env.TRUST_PROXY);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const id = randomUUID();
    res.setHeader('X-Request-Id', id);
    (req as Request & { id: string }).id = id;
    next();
  });
  app.use(acceptOnlyIpAddresses);

  if (production) {
    // Behind the TLS proxy, X-Forwarded-Proto (trusted via TRUST_PROXY) says what the client used.
    app.use((req, res, next) => {
      if (req.secure || req.path === '/healthz' || req.path === '/readyz') return next();
      if (req.method === 'GET' || req.method === 'HEAD') {
        return res.redirect(308, httpsLocation(env.PUBLIC_ORIGIN, req.originalUrl));
      }
      sendRestError(req, res, forbidden('HTTPS required'), deps.logger);
    });
  }

  app.use(
    helmet({
      hsts: production ? { maxAge: 63_072_000, includeSubDomains: true, preload: true } : false,
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: production ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  // Every route, the console's and GraphQL's GET included: no query value reaches a handler unless it is text.
  app.use(queryStringGuard(env.INPUT_MAX_STRING_LENGTH));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  app.use('/graphql', auditRefusedRequests(deps));
  app.use(
    '/graphql',
    express.json({ limit: env.BODY_LIMIT }),
    (req: Request, res: Response, next: NextFunction) => {
      if (Array.isArray(req.body) && req.body.length > env.GRAPHQL_MAX_BATCH) {
        sendRestError(req, res, badInput(`At most ${env.GRAPHQL_MAX_BATCH} operations per batch`), deps.logger);
        return;
      }
      next();
    },
    expressMiddleware(apollo, {
      context: ({ req }: { req: Request }) => createContext(deps, req, requestIdOf(req)),
    }),
  );

  for (const route of routes) app.use(route.path, route.router(deps));

  const webDist = env.WEB_DIST_DIR ? path.resolve(env.WEB_DIST_DIR) : undefined;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // The console is a single-page app: every other GET is its shell.
    app.get(/^\/(?!graphql|api\/).*/, (_req, res) => {
      res.sendFile(path.join(webDist, 'index.html'));
    });
  }

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    sendRestError(req, res, err, deps.logger);
  });
  return app;
}
