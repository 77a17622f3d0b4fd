import {
  applicationListResponseSchema,
  applicationResponseSchema,
  createGroupRequestSchema,
  decisionRequestSchema,
  directoryResponseSchema,
  groupResponseSchema,
  memberActionRequestSchema,
  memberListResponseSchema,
  membershipResponseSchema,
  okResponseSchema,
  revealRequestSchema,
  revealResponseSchema,
  verificationApplyRequestSchema,
  verificationResponseSchema,
  verificationStatusSchema,
} from '@bedrock/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireUser } from '../auth/guards.ts';
import { responses } from '../routes/responses.ts';
import {
  createGroup,
  directory,
  groupDetail,
  joinGroup,
  leaveGroup,
  listMembers,
  removeMember,
  unbanMember,
} from './groups.ts';
import type { ForumContext } from './threads.ts';
import {
  applyForVerification,
  decideApplication,
  listApplications,
  myVerification,
  revealAuthor,
} from './verification.ts';

const slugParams = z.object({ slug: z.string().max(100) });
const idParams = z.object({ id: z.string().max(100) });

/** The directory, group membership and moderation of groups, partner verification, the audited reveal. */
export function groupRoutes({ db }: ForumContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['forum'];
    const modTags = ['moderation'];

    app.get(
      '/groups',
      { schema: { tags, response: responses({ 200: directoryResponseSchema }) } },
      async (request) => ({
        groups: await directory(db, request.user),
      }),
    );

    app.post(
      '/groups',
      { schema: { tags: modTags, body: createGroupRequestSchema, response: responses({ 201: groupResponseSchema }) } },
      async (request, reply) => {
        const admin = requireRole(request, 'admin');
        return reply.code(201).send({ group: await createGroup(db, admin, request.body) });
      },
    );

    app.get(
      '/groups/:slug',
      { schema: { tags, params: slugParams, response: responses({ 200: groupResponseSchema }) } },
      async (request) => ({ group: await groupDetail(db, request.user, request.params.slug) }),
    );

    app.post(
      '/groups/:slug/join',
      { schema: { tags, params: slugParams, response: responses({ 200: membershipResponseSchema }) } },
      async (request) => {
        await joinGroup(db, request.user, request.params.slug);
        return { joined: true };
      },
    );

    app.post(
      '/groups/:slug/leave',
      { schema: { tags, params: slugParams, response: responses({ 200: membershipResponseSchema }) } },
      async (request) => {
        await leaveGroup(db, request.user, request.params.slug);
        return { joined: false };
      },
    );

    app.get(
      '/groups/:slug/members',
      { schema: { tags: modTags, params: slugParams, response: responses({ 200: memberListResponseSchema }) } },
      async (request) => {
        const moderator = requireRole(request, 'moderator');
        return { members: await listMembers(db, moderator, request.params.slug) };
      },
    );

    for (const action of ['remove', 'ban', 'unban'] as const) {
      app.post(
        `/groups/:slug/members/${action}`,
        {
          schema: {
            tags: modTags,
            params: slugParams,
            body: memberActionRequestSchema,
            response: responses({ 200: okResponseSchema }),
          },
        },
        async (request) => {
          const moderator = requireRole(request, 'moderator');
          const { slug } = request.params;
          if (action === 'unban') await unbanMember(db, moderator, slug, request.body.username);
          else await removeMember(db, moderator, slug, request.body, action === 'ban');
          // Drops the member from the group's live rooms at once, on every instance.
          await app.chat.accessChanged({ username: request.body.username });
          return { ok: true as const };
        },
      );
    }

    app.get(
      '/verification',
      { schema: { tags, response: responses({ 200: verificationResponseSchema }) } },
      async (request) => ({ verification: await myVerification(db, requireUser(request)) }),
    );

    app.post(
      '/verification',
      {
        schema: {
          tags,
          body: verificationApplyRequestSchema,
          response: responses({ 201: verificationResponseSchema }),
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        return reply.code(201).send({ verification: await applyForVerification(db, user, request.body) });
      },
    );

    app.get(
      '/mod/verifications',
      {
        schema: {
          tags: modTags,
          querystring: z.object({ status: verificationStatusSchema.exclude(['none']).default('pending') }),
          response: responses({ 200: applicationListResponseSchema }),
        },
      },
      async (request) => {
        requireRole(request, 'moderator');
        return { applications: await listApplications(db, request.query.status) };
      },
    );

    app.post(
      '/mod/verifications/:id/approve',
      { schema: { tags: modTags, params: idParams, response: responses({ 200: applicationResponseSchema }) } },
      async (request) => {
        const moderator = requireRole(request, 'moderator');
        const { application } = await decideApplication(db, moderator, request.params.id, 'approve', null);
        return { application };
      },
    );

    for (const decision of ['decline', 'revoke'] as const) {
      app.post(
        `/mod/verifications/:id/${decision}`,
        {
          schema: {
            tags: modTags,
            params: idParams,
            body: decisionRequestSchema,
            response: responses({ 200: applicationResponseSchema }),
          },
        },
        async (request) => {
          const moderator = requireRole(request, 'moderator');
          const { id } = request.params;
          const { application, userId } = await decideApplication(db, moderator, id, decision, request.body.reason);
          // A revoked partner leaves partners-only live rooms at once, on every instance.
          if (decision === 'revoke') await app.chat.accessChanged({ userId });
          return { application };
        },
      );
    }

    app.post(
      '/admin/reveal',
      { schema: { tags: modTags, body: revealRequestSchema, response: responses({ 200: revealResponseSchema }) } },
      async (request) => {
        const admin = requireRole(request, 'admin');
        return revealAuthor(db, admin, request.body.postId, request.body.reason);
      },
    );
  };
}
