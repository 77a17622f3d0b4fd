import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
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
  const check = app.createRateLimit({ max, timeWindow, keyGenerator: key });
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', result.ttlInSeconds);
    throw new AppError('ERR_RATE_LIMITED');
  };
}

/** In-process counters (one process serves everything); swap in the Redis store when scaling out. */
export default fp(
  async (app) => {
    await app.register(rateLimit, { global: false });
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
