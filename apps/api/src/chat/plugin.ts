import { classify } from '@bedrock/moderation';
import { DELETED_CHAT_ALIAS, DELETED_CHAT_BODY } from '@bedrock/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { requireUser } from '../auth/guards.ts';
import { AppError } from '../errors.ts';
import { type ChatAccess, forumAccess } from './access.ts';
import { type Broker, createMemoryBroker, createRedisBroker } from './broker.ts';
import { type AccessChange, Control } from './control.ts';
import { Hub } from './hub.ts';
import type { ChatModeration, Classify } from './moderation.ts';
import * as repo from './repository.ts';
import { chatRestRoutes } from './routes.ts';
import { ChatService, encode } from './service.ts';
import { handleSocket } from './socket.ts';

declare module 'fastify' {
  interface FastifyInstance {
    chat: {
      /**
       * Call after committing any change to who may be where (logout, ban, suspension, removal from a
       * group, verification revoked): matching sockets on every instance are re-checked at once.
       */
      accessChanged(change: AccessChange): Promise<void>;
      /**
       * Call after committing an account deletion: open views on every instance show these messages
       * (by room, by sequence) with the deleted placeholder.
       */
      anonymized(rooms: ReadonlyMap<string, readonly number[]>): Promise<void>;
    };
  }
}

export interface ChatPluginOptions {
  access?: ChatAccess;
  classify?: Classify;
  /** The moderation pipeline: per-group policy, flags for the review queue, mutes. */
  moderation?: ChatModeration;
  /** Tests pass their own to share one between apps; otherwise in-process, or Redis with REDIS_URL. */
  broker?: Broker;
}

/** A browser always sends Origin on a websocket upgrade; it must be ours. Clients without one are not browsers. */
function checkOrigin(app: FastifyInstance, request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  if (origin === app.config.PUBLIC_ORIGIN || origin === `${request.protocol}://${request.host}`) return;
  throw new AppError('ERR_CROSS_ORIGIN');
}

/**
 * Live chat: the websocket endpoint `/api/chat/ws` and the chat REST routes. Not encapsulated, so
 * `app.chat.accessChanged` is available to the rest of the API.
 */
export const chatPlugin = fp<ChatPluginOptions>(
  async (app, opts) => {
    const { db } = app;
    const access = opts.access ?? forumAccess;
    const onError = (error: unknown) => app.log.error({ err: error }, 'chat fan-out failed');
    const broker =
      opts.broker ??
      (app.config.REDIS_URL ? await createRedisBroker(app.config.REDIS_URL, onError) : createMemoryBroker());

    const hub = new Hub({
      broker,
      onError,
      lastSeq: async (roomId) => (await repo.findRoom(db, roomId))?.lastSeq ?? 0,
      messagesBetween: async (roomId, afterSeq, uptoSeq) => {
        const rows = await repo.messagesAfter(db, roomId, afterSeq, Math.max(1, uptoSeq - afterSeq));
        return rows.map((row) => ({
          seq: row.seq ?? 0,
          data: encode({ type: 'message', ...repo.toChatMessage(row) }),
        }));
      },
    });
    const control = new Control({
      db,
      hub,
      broker,
      access,
      onError,
    });
    const service = new ChatService({
      db,
      hub,
      broker,
      access,
      classify: opts.classify ?? classify,
      ...(opts.moderation ? { moderation: opts.moderation } : {}),
      secret: app.config.SECRET_KEY,
      alertModerators: (roomId, data) => control.alertModerators(roomId, data),
    });
    await hub.presence.start();
    await control.start();
    app.decorate('chat', {
      accessChanged: (change: AccessChange) => control.accessChanged(change),
      anonymized: async (rooms: ReadonlyMap<string, readonly number[]>) => {
        for (const [room, seqs] of rooms) {
          const event = {
            type: 'anonymized' as const,
            room,
            seqs: [...seqs],
            alias: DELETED_CHAT_ALIAS,
            body: DELETED_CHAT_BODY,
          };
          await service.publishRoomEvent(room, event);
        }
      },
    });

    app.addHook('onClose', async () => {
      control.stop();
      await hub.close();
      if (!opts.broker) await broker.close();
    });

    await app.register(
      async (scope) => {
        scope.get(
          '/chat/ws',
          {
            websocket: true,
            schema: { hide: true },
            preValidation: async (request) => {
              checkOrigin(app, request);
              requireUser(request);
            },
          },
          (socket, request) => {
            const user = requireUser(request);
            handleSocket({ hub, service, log: request.log }, socket, user, request.sessionId ?? '');
          },
        );
        await scope.register(chatRestRoutes, { service, access, control });
      },
      { prefix: '/api' },
    );
  },
  { name: 'bedrock-chat', dependencies: ['bedrock-auth'] },
);
