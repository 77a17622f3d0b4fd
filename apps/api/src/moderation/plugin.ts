import { classify } from '@bedrock/moderation';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth/guards.ts';
import { type Broker, createMemoryBroker, createRedisBroker } from '../chat/broker.ts';
import { AppError } from '../errors.ts';
import type { ActionDeps } from './actions.ts';
import { crisisPanel } from './crisis.ts';
import { LiveQueue } from './live.ts';
import { Pipeline } from './pipeline.ts';
import { memberRoutes } from './routes-member.ts';
import { modRoutes } from './routes-mod.ts';

export interface Moderation {
  pipeline: Pipeline;
  /** Shared with chat, so queue pushes and revocations reach every instance the same way. */
  broker: Broker;
  /** Register inside the API scope, after chat (it uses `app.chat.accessChanged`). */
  routes: FastifyPluginAsync;
}

/**
 * Builds the moderation pipeline before the forum and chat are registered (they call it on every
 * write), and the routes that moderators and members use.
 */
export async function createModeration(app: FastifyInstance): Promise<Moderation> {
  const onError = (error: unknown) => app.log.error({ err: error }, 'moderation fan-out failed');
  const broker = app.config.REDIS_URL ? await createRedisBroker(app.config.REDIS_URL, onError) : createMemoryBroker();
  const live = new LiveQueue(broker, onError);
  await live.start();
  const pipeline = new Pipeline({ db: app.db, classify, crisis: crisisPanel(app.config), live });
  app.addHook('onClose', async () => {
    await live.stop();
    await broker.close();
  });

  const routes: FastifyPluginAsync = async (scope) => {
    const deps: ActionDeps = {
      db: scope.db,
      broker,
      live,
      endAccess: async ({ userId, groupId, endSessions }) => {
        if (endSessions) {
          await scope.sessions.endAllForUser(userId);
          await live.revoke(userId);
        }
        await scope.chat.accessChanged(groupId ? { userId, groupId } : { userId });
      },
    };
    await scope.register(memberRoutes(pipeline), { prefix: '/api' });
    await scope.register(modRoutes(pipeline, deps), { prefix: '/api' });
    // New queue items, claims and decisions, live (ids and labels only; the page fetches the rest).
    scope.get(
      '/api/mod/ws',
      {
        websocket: true,
        schema: { hide: true },
        preValidation: async (request) => {
          const origin = request.headers.origin;
          if (origin && origin !== app.config.PUBLIC_ORIGIN && origin !== `${request.protocol}://${request.host}`) {
            throw new AppError('ERR_CROSS_ORIGIN');
          }
          requireRole(request, 'moderator');
        },
      },
      (socket, request) => live.add(socket, requireRole(request, 'moderator').id),
    );
  };
  return { pipeline, broker, routes };
}
