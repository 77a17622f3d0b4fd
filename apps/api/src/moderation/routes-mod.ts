import { groups, moderationPolicies } from '@bedrock/db';
import {
  actionRequestSchema,
  actionResponseSchema,
  auditQuerySchema,
  auditResponseSchema,
  bulkActionRequestSchema,
  bulkActionResponseSchema,
  claimResponseSchema,
  groupIdParamsSchema,
  itemParamsSchema,
  LABELS,
  policyResponseSchema,
  policyUpdateSchema,
  queueItemDetailSchema,
  queueQuerySchema,
  queueResponseSchema,
  statsResponseSchema,
} from '@bedrock/shared';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../auth/guards.ts';
import { AppError } from '../errors.ts';
import { audit } from '../forum/audit.ts';
import { responses } from '../routes/responses.ts';
import { type ActionDeps, act, actMany, claim } from './actions.ts';
import { listAudit } from './audit-log.ts';
import { renderFlagsChart } from './chart.ts';
import type { Pipeline } from './pipeline.ts';
import { loadPolicy } from './policy.ts';
import { itemDetail, listQueue } from './queue.ts';
import { moderationStats } from './stats.ts';

/** The moderators' API: queue, actions, claims, policy, audit log and stats. Every route checks the role first. */
export function modRoutes(pipeline: Pipeline, deps: ActionDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['moderation'];
    const { db } = app;
    const secret = app.config.SECRET_KEY;
    const requireGroup = async (groupId: string) => {
      const [group] = await db.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId));
      if (!group) throw new AppError('ERR_GROUP_NOT_FOUND');
    };

    app.get(
      '/mod/queue',
      { schema: { tags, querystring: queueQuerySchema, response: responses({ 200: queueResponseSchema }) } },
      async (request) => {
        const moderator = requireRole(request, 'moderator');
        return { items: await listQueue(db, secret, moderator.id, request.query) };
      },
    );

    app.get(
      '/mod/queue/:id',
      { schema: { tags, params: itemParamsSchema, response: responses({ 200: queueItemDetailSchema }) } },
      async (request) => {
        requireRole(request, 'moderator');
        return itemDetail(db, secret, request.params.id);
      },
    );

    for (const [path, take] of [
      ['claim', true],
      ['unclaim', false],
    ] as const) {
      app.post(
        `/mod/queue/:id/${path}`,
        { schema: { tags, params: itemParamsSchema, response: responses({ 200: claimResponseSchema }) } },
        async (request) => ({
          claimedBy: await claim(deps, requireRole(request, 'moderator'), request.params.id, take),
        }),
      );
    }

    app.post(
      '/mod/queue/:id/action',
      {
        schema: {
          tags,
          params: itemParamsSchema,
          body: actionRequestSchema,
          response: responses({ 200: actionResponseSchema }),
        },
      },
      async (request) => {
        const moderator = requireRole(request, 'moderator');
        await act(deps, moderator, request.params.id, request.body);
        return { item: (await itemDetail(db, secret, request.params.id)).item };
      },
    );

    app.post(
      '/mod/queue/bulk',
      { schema: { tags, body: bulkActionRequestSchema, response: responses({ 200: bulkActionResponseSchema }) } },
      async (request) => {
        const moderator = requireRole(request, 'moderator');
        const { ids, ...action } = request.body;
        return { results: await actMany(deps, moderator, [...new Set(ids)], action) };
      },
    );

    app.get(
      '/mod/policy/:groupId',
      { schema: { tags, params: groupIdParamsSchema, response: responses({ 200: policyResponseSchema }) } },
      async (request) => {
        requireRole(request, 'moderator');
        await requireGroup(request.params.groupId);
        const policy = await loadPolicy(db, request.params.groupId);
        return {
          groupId: request.params.groupId,
          rules: LABELS.map((label) => ({ label, action: policy[label] })),
          crisis: pipeline.crisis,
        };
      },
    );

    app.put(
      '/mod/policy/:groupId',
      {
        schema: {
          tags,
          params: groupIdParamsSchema,
          body: policyUpdateSchema,
          response: responses({ 200: policyResponseSchema }),
        },
      },
      async (request) => {
        const admin = requireRole(request, 'admin');
        const { groupId } = request.params;
        await requireGroup(groupId);
        await db.transaction(async (tx) => {
          for (const rule of request.body.rules) {
            await tx
              .insert(moderationPolicies)
              .values({ groupId, label: rule.label, action: rule.action, updatedBy: admin.id })
              .onConflictDoUpdate({
                target: [moderationPolicies.groupId, moderationPolicies.label],
                set: { action: rule.action, updatedBy: admin.id, updatedAt: new Date() },
              });
          }
          const summary = request.body.rules.map((r) => `${r.label}=${r.action}`).join(', ');
          await audit(tx, {
            actorId: admin.id,
            action: 'policy.update',
            targetType: 'group',
            targetId: groupId,
            reason: summary,
          });
        });
        const policy = await loadPolicy(db, groupId);
        return { groupId, rules: LABELS.map((label) => ({ label, action: policy[label] })), crisis: pipeline.crisis };
      },
    );

    app.get(
      '/mod/audit',
      { schema: { tags, querystring: auditQuerySchema, response: responses({ 200: auditResponseSchema }) } },
      async (request) => {
        requireRole(request, 'moderator');
        return listAudit(db, secret, request.query);
      },
    );

    app.get('/mod/stats', { schema: { tags, response: responses({ 200: statsResponseSchema }) } }, async (request) => {
      requireRole(request, 'moderator');
      return moderationStats(db);
    });

    app.get('/mod/stats/chart.svg', { schema: { tags, hide: true } }, async (request, reply) => {
      requireRole(request, 'moderator');
      const stats = await moderationStats(db);
      return reply.type('image/svg+xml; charset=utf-8').send(renderFlagsChart(stats.days));
    });
  };
}
