import {
  createReplyRequestSchema,
  createThreadRequestSchema,
  createThreadResponseSchema,
  editPostRequestSchema,
  myPostsResponseSchema,
  okResponseSchema,
  pageQuerySchema,
  postResponseSchema,
  reactionsResponseSchema,
  reactRequestSchema,
  reportRequestSchema,
  revisionsResponseSchema,
  threadListResponseSchema,
  threadPageResponseSchema,
} from '@bedrock/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/guards.ts';
import { responses } from '../routes/responses.ts';
import { createReply, deletePost, editPost, myPosts, postRevisionsFor, reportPost, toggleReaction } from './posts.ts';
import { createThread, type ForumContext, listThreadsJson, threadPageJson } from './threads.ts';

/**
 * The two page reads answer with text their services already serialized from allowlisted parts (see
 * page-cache.ts); Fastify sends a string with a JSON content type as it is, past the route's serializer.
 */
function sendSerialized(reply: FastifyReply, text: string) {
  return reply.type('application/json; charset=utf-8').send(text);
}

// Any string up to a bound: a malformed id must answer exactly like a missing one, never with a 400.
const slugParams = z.object({ slug: z.string().max(100) });
const idParams = z.object({ id: z.string().max(100) });

/** Threads, posts, reactions, reports and "my posts". Every handler goes through a service's access check. */
export function threadRoutes(ctx: ForumContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['forum'];

    app.get(
      '/groups/:slug/threads',
      {
        // The hottest reads resolve the session inside their own statement (pages.ts).
        config: { foldSession: true },
        schema: {
          tags,
          params: slugParams,
          querystring: pageQuerySchema,
          response: responses({ 200: threadListResponseSchema }),
        },
      },
      async (request, reply) =>
        sendSerialized(reply, await listThreadsJson(ctx, request.foldedSession, request.params.slug, request.query)),
    );

    app.post(
      '/groups/:slug/threads',
      {
        schema: {
          tags,
          params: slugParams,
          body: createThreadRequestSchema,
          response: responses({ 201: createThreadResponseSchema }),
        },
      },
      async (request, reply) => {
        const created = await createThread(ctx, request.user, request.params.slug, request.body);
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/threads/:id',
      {
        config: { foldSession: true },
        schema: {
          tags,
          params: idParams,
          querystring: pageQuerySchema,
          response: responses({ 200: threadPageResponseSchema }),
        },
      },
      async (request, reply) =>
        sendSerialized(reply, await threadPageJson(ctx, request.foldedSession, request.params.id, request.query)),
    );

    app.post(
      '/threads/:id/replies',
      {
        schema: {
          tags,
          params: idParams,
          body: createReplyRequestSchema,
          response: responses({ 201: postResponseSchema }),
        },
      },
      async (request, reply) => {
        const post = await createReply(ctx, request.user, request.params.id, request.body);
        return reply.code(201).send({ post });
      },
    );

    app.patch(
      '/posts/:id',
      {
        schema: {
          tags,
          params: idParams,
          body: editPostRequestSchema,
          response: responses({ 200: postResponseSchema }),
        },
      },
      async (request) => ({ post: await editPost(ctx, request.user, request.params.id, request.body) }),
    );

    app.delete(
      '/posts/:id',
      { schema: { tags, params: idParams, response: responses({ 200: postResponseSchema }) } },
      async (request) => ({ post: await deletePost(ctx, request.user, request.params.id) }),
    );

    app.get(
      '/posts/:id/revisions',
      { schema: { tags, params: idParams, response: responses({ 200: revisionsResponseSchema }) } },
      async (request) => ({ revisions: await postRevisionsFor(ctx, request.user, request.params.id) }),
    );

    app.post(
      '/posts/:id/reactions',
      {
        schema: {
          tags,
          params: idParams,
          body: reactRequestSchema,
          response: responses({ 200: reactionsResponseSchema }),
        },
      },
      async (request) => ({ reactions: await toggleReaction(ctx, request.user, request.params.id, request.body.kind) }),
    );

    app.post(
      '/posts/:id/reports',
      { schema: { tags, params: idParams, body: reportRequestSchema, response: responses({ 201: okResponseSchema }) } },
      async (request, reply) => {
        await reportPost(ctx, request.user, request.params.id, request.body);
        return reply.code(201).send({ ok: true as const });
      },
    );

    app.get(
      '/me/posts',
      { schema: { tags, querystring: pageQuerySchema, response: responses({ 200: myPostsResponseSchema }) } },
      async (request) => myPosts(ctx, requireUser(request), request.query),
    );
  };
}
