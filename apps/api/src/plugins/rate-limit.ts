import { createHmac } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { AppError } from '../errors.ts';

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Hooks limiting one action (signup, login, recover) per client address and per username. */
    authLimits(action: string): { byIp: Hook; byUsername: Hook };
  }
}

function limiter(
  app: FastifyInstance,
  max: number,
  timeWindow: number,
  key: (request: FastifyRequest) => string,
): Hook {
  // Counters are keyed by a keyed hash: the store (Redis, shared) never holds a username or an address.
  const hashed = (request: FastifyRequest) =>
    createHmac('sha256', app.config.SECRET_KEY).update(key(request)).digest('base64url').slice(0, 24);
  const check = app.createRateLimit({ max, timeWindow, keyGenerator: hashed });
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', result.ttlInSeconds);
    throw new AppError('ERR_RATE_LIMITED');
  };
}

/**
 * Counters live in Redis when REDIS_URL is set, so every instance behind the balancer counts the same
 * attempts (otherwise in-process). A Redis outage lets requests through rather than locking every
 * member out; it is logged, and argon2 still makes each guess slow.
 */
export default fp(
  async (app) => {
    const redis = app.config.REDIS_URL ? await connect(app, app.config.REDIS_URL) : undefined;
    await app.register(rateLimit, {
      global: false,
      ...(redis ? { redis, nameSpace: 'bedrock:rate:', skipOnError: true } : {}),
    });
    const { AUTH_RATE_LIMIT_PER_IP, AUTH_RATE_LIMIT_PER_USERNAME, AUTH_RATE_LIMIT_WINDOW_MS } = app.config;

    app.decorate('authLimits', (action: string) => ({
      // Runs before the body is parsed, so malformed attempts count too.
      byIp: limiter(app, AUTH_RATE_LIMIT_PER_IP, AUTH_RATE_LIMIT_WINDOW_MS, (r) => `${action}:ip:${r.ip}`),
      // Runs after validation; spreading guesses over many addresses still hits this one.
      byUsername: limiter(app, AUTH_RATE_LIMIT_PER_USERNAME, AUTH_RATE_LIMIT_WINDOW_MS, (r) => {
        const username = (r.body as { username?: unknown } | undefined)?.username;
        return `${action}:user:${typeof username === 'string' ? username.trim().toLowerCase() : ''}`;
      }),
    }));
  },
  { name: 'bedrock-rate-limit' },
);

async function connect(app: FastifyInstance, url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', (error) => app.log.warn({ err: error }, 'rate-limit store unavailable'));
  await redis.connect();
  app.addHook('onClose', async () => {
    redis.disconnect();
  });
  return redis;
}
