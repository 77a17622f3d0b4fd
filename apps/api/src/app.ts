import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import type { Database, Db } from '@bedrock/db';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { chatPlugin } from './chat/plugin.ts';
import { AppError, errorHandler, notFoundHandler } from './errors.ts';
import { forumRoutes } from './forum/plugin.ts';
import { loggerOptions } from './logger.ts';
import { chatModeration } from './moderation/chat-seam.ts';
import { createModeration } from './moderation/plugin.ts';
import authPlugin from './plugins/auth.ts';
import csrfPlugin from './plugins/csrf.ts';
import rateLimitPlugin from './plugins/rate-limit.ts';
import { accountRoutes } from './routes/account.ts';
import { authRoutes } from './routes/auth.ts';
import { systemRoutes } from './routes/system.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    /** Shorthand for `database.db`. */
    db: Db;
  }
}

export const BODY_LIMIT = 64 * 1024;

/**
 * One log line per request, written when it completes and carrying the request too, instead of
 * Fastify's "incoming request" plus "request completed": on a cheap read the second line is a visible
 * share of the work. Errors are logged as before.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest() {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /** false silences logs (tests); an object adds pino options to ours. */
  logger?: boolean | object;
}

/** The whole API as a plugin tree, every route under `/api`. It never listens: see server.ts. */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const logger =
    opts.logger === false
      ? false
      : { ...loggerOptions(config.LOG_LEVEL), ...(typeof opts.logger === 'object' ? opts.logger : {}) };
  const extraProxies = config.TRUST_PROXY?.split(',').map((p) => p.trim()) ?? [];

  const app = Fastify({
    logger,
    logController: new OneLinePerRequest(),
    bodyLimit: BODY_LIMIT,
    // x-forwarded-for is believed only from the SvelteKit server on this machine and configured proxies.
    trustProxy: ['loopback', ...extraProxies],
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  // Fastify's JSON parser, except that an empty body means "no body" (e.g. a logout POST from fetch).
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  // JSON only: a text/plain or form body is a 415, not a confusing validation error.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    jsonParser(request, text, (error, value) => done(error ? new AppError('ERR_BAD_JSON') : null, value));
  });

  // Infrastructure, in load order; hooks registered here run for every route, websocket upgrades included.
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: BODY_LIMIT } });
  await app.register(rateLimitPlugin);
  await app.register(csrfPlugin);
  await app.register(authPlugin);

  // The API scope: security headers and OpenAPI apply to these routes only (helmet's CSP would break
  // SvelteKit's pages, which server.ts mounts beside this scope).
  await app.register(async (api) => {
    await api.register(helmet, {
      contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    });
    api.addHook('onSend', async (_request, reply) => {
      // Members may share a device: nothing the API says should linger in a cache.
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });
    await api.register(swagger, {
      openapi: { info: { title: 'Bedrock API', version: '0.0.0' } },
      transform: jsonSchemaTransform,
    });

    await api.register(systemRoutes, { prefix: '/api' });
    await api.register(authRoutes, { prefix: '/api' });
    await api.register(accountRoutes, { prefix: '/api' });

    // Domain route plugins: register yours here, e.g. `await api.register(forumRoutes, { prefix: '/api' })`.
    // Moderation first: the forum and chat call its pipeline on every write.
    const moderation = await createModeration(api);
    await api.register(forumRoutes, { prefix: '/api', moderation: moderation.pipeline });
    await api.register(chatPlugin, { broker: moderation.broker, moderation: chatModeration(moderation.pipeline) });
    await api.register(moderation.routes);
  });

  return app;
}
