import type { FastifyPluginAsync } from 'fastify';
import { groupRoutes } from './routes-groups.ts';
import { threadRoutes } from './routes-threads.ts';
import { createForumCache, type ForumContext } from './threads.ts';

export interface ForumOptions {
  /** The moderation seam: classifies writes and decides a new post's status (default: published). */
  moderation?: ForumContext['moderation'];
}

/** The forum's routes. Register with `{ prefix: '/api' }` inside the API scope. */
export const forumRoutes: FastifyPluginAsync<ForumOptions> = async (app, opts) => {
  const ctx: ForumContext = {
    db: app.db,
    database: app.database,
    secret: app.config.SECRET_KEY,
    cache: createForumCache(),
    ...(opts.moderation ? { moderation: opts.moderation } : {}),
  };
  await app.register(groupRoutes(ctx));
  await app.register(threadRoutes(ctx));
};
