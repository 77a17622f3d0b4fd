import { healthResponseSchema } from '@bedrock/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { responses } from './responses.ts';

const PING_TIMEOUT_MS = 3000;

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { schema: { tags: ['system'], response: responses({ 200: healthResponseSchema }) } },
    async (request) => {
      try {
        await Promise.race([
          app.database.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS).unref()),
        ]);
      } catch (error) {
        request.log.warn({ err: error }, 'health check: database unreachable');
        throw new AppError('ERR_UNAVAILABLE');
      }
      return { status: 'ok' as const, database: app.database.kind };
    },
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
