import {
  appealRequestSchema,
  checkRequestSchema,
  checkResponseSchema,
  noticeResponseSchema,
  noticesResponseSchema,
  outcomeQuerySchema,
  outcomeResponseSchema,
} from '@bedrock/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/guards.ts';
import { AppError } from '../errors.ts';
import { responses } from '../routes/responses.ts';
import { appeal, listNotices } from './notices.ts';
import { authorOutcome } from './outcome.ts';
import type { Pipeline } from './pipeline.ts';
import { nudgeMessage } from './policy.ts';

const CHECKS_PER_MINUTE = 60;

/** What members use: the composers' nudge, their own outcomes, notices and appeals. */
export function memberRoutes(pipeline: Pipeline): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['moderation'];
    const limit = app.createRateLimit({
      max: CHECKS_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: (request) => `check:${request.user?.id ?? request.ip}`,
    });

    // The draft is classified in memory and answered; it is never stored, and never logged.
    app.post(
      '/moderation/check',
      {
        schema: { tags, body: checkRequestSchema, response: responses({ 200: checkResponseSchema }) },
        // No body in any log line for this route, whatever the log level.
        logLevel: 'warn',
      },
      async (request, reply) => {
        requireUser(request);
        const allowed = await limit(request);
        if (!allowed.isAllowed && allowed.isExceeded) {
          reply.header('retry-after', allowed.ttlInSeconds);
          throw new AppError('ERR_RATE_LIMITED');
        }
        const { result, decision, crisis } = await pipeline.check(request.body.text, request.body.context?.groupId);
        return {
          labels: result.labels,
          flags: decision.flags,
          outcome: decision.outcome,
          holdLabels: decision.holdLabels,
          message: nudgeMessage(decision.flags),
          crisis,
        };
      },
    );

    app.get(
      '/moderation/outcome',
      { schema: { tags, querystring: outcomeQuerySchema, response: responses({ 200: outcomeResponseSchema }) } },
      async (request) => authorOutcome(app.db, pipeline.crisis, requireUser(request).id, request.query),
    );

    // Notices stay readable to a suspended member once they can sign in again; appeals need an active account.
    app.get(
      '/me/notices',
      { schema: { tags, response: responses({ 200: noticesResponseSchema }) } },
      async (request) => ({ notices: await listNotices(app.db, requireUser(request).id) }),
    );

    app.post(
      '/me/notices/:id/appeal',
      {
        schema: {
          tags,
          params: z.object({ id: z.string().max(100) }),
          body: appealRequestSchema,
          response: responses({ 201: noticeResponseSchema }),
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const notice = await appeal(app.db, pipeline, user.id, request.params.id, request.body.message);
        return reply.code(201).send({ notice });
      },
    );
  };
}
