import type { FastifyPluginAsync } from 'fastify';
import { groupRoutes } from './routes-groups.ts';
import { threadRoutes } from './routes-threads.ts';
import type { ForumContext } from './threads.ts';

export interface ForumOptions {
  /** The moderation seam: decides a new post's status (default: published). */
  initialStatus?: ForumContext['initialStatus'];
}

/** The forum's routes. Register with `{ prefix: '/api' }` inside the API scope. */
export const forumRoutes: FastifyPluginAsync<ForumOptions> = async (app, opts) => {
  const ctx: ForumContext = {
    db: app.db,
    secret: app.config.SECRET_KEY,
    ...(opts.initialStatus ? { initialStatus: opts.initialStatus } : {}),
  };
  await app.register(groupRoutes(ctx));
  await app.register(threadRoutes(ctx));
};
