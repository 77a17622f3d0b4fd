import { users } from '@bedrock/db';
import {
  chatGroupParamsSchema,
  chatHistoryQuerySchema,
  chatHistoryResponseSchema,
  chatMessageParamsSchema,
  chatMuteRequestSchema,
  chatMuteResponseSchema,
  chatRoomParamsSchema,
  chatRoomResponseSchema,
  chatRoomUpdateSchema,
  chatSessionCreateSchema,
  chatSessionListResponseSchema,
  chatSessionUpdateSchema,
  okResponseSchema,
} from '@bedrock/shared';
import { inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole, requireUser } from '../auth/guards.ts';
import { AppError } from '../errors.ts';
import { audit } from '../forum/audit.ts';
import { responses } from '../routes/responses.ts';
import type { ChatAccess } from './access.ts';
import type { Control } from './control.ts';
import * as repo from './repository.ts';
import { moderatedRoom, readableRoom, toRoomInfo } from './rooms.ts';
import type { ChatService } from './service.ts';

interface Options {
  service: ChatService;
  access: ChatAccess;
  control: Control;
}

/** Room info, history paging, moderator actions and facilitated sessions. */
export const chatRestRoutes: FastifyPluginAsyncZod<Options> = async (app, { service, access }) => {
  const { db } = app;
  const tags = ['chat'];

  app.get(
    '/chat/groups/:groupId/room',
    { schema: { tags, params: chatGroupParamsSchema, response: responses({ 200: chatRoomResponseSchema }) } },
    async (request) => {
      const user = requireUser(request);
      if (!(await access.canRead(db, user, request.params.groupId))) throw new AppError('ERR_NOT_FOUND');
      return { room: toRoomInfo(await repo.ensureGroupRoom(db, request.params.groupId)) };
    },
  );

  app.get(
    '/chat/rooms/:roomId',
    { schema: { tags, params: chatRoomParamsSchema, response: responses({ 200: chatRoomResponseSchema }) } },
    async (request) => ({
      room: toRoomInfo(await readableRoom(db, access, requireUser(request), request.params.roomId)),
    }),
  );

  app.get(
    '/chat/rooms/:roomId/messages',
    {
      schema: {
        tags,
        params: chatRoomParamsSchema,
        querystring: chatHistoryQuerySchema,
        response: responses({ 200: chatHistoryResponseSchema }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const room = await readableRoom(db, access, user, request.params.roomId);
      const { after, before, limit } = request.query;
      const rows =
        after !== undefined
          ? await repo.messagesAfter(db, room.id, after, limit + 1)
          : await repo.messagesBefore(db, room.id, before, limit + 1);
      const more = rows.length > limit;
      // One extra row tells whether more exist; drop it from the far end of the direction read.
      const page = !more ? rows : after !== undefined ? rows.slice(0, limit) : rows.slice(1);
      return { messages: page.map((row) => repo.toChatMessage(row, user.id)), more };
    },
  );

  app.delete(
    '/chat/rooms/:roomId/messages/:seq',
    { schema: { tags, params: chatMessageParamsSchema, response: responses({ 200: okResponseSchema }) } },
    async (request) => {
      const actor = requireUser(request);
      const room = await moderatedRoom(db, access, actor, request.params.roomId);
      if (!(await repo.removeMessage(db, room.id, request.params.seq))) throw new AppError('ERR_NOT_FOUND');
      await audit(db, {
        actorId: actor.id,
        action: 'chat.remove_message',
        targetType: 'chat_message',
        targetId: `${room.id}:${request.params.seq}`,
      });
      await service.publishRoomEvent(room.id, { type: 'removed', room: room.id, seq: request.params.seq });
      return { ok: true as const };
    },
  );

  app.post(
    '/chat/rooms/:roomId/mutes',
    {
      schema: {
        tags,
        params: chatRoomParamsSchema,
        body: chatMuteRequestSchema,
        response: responses({ 200: chatMuteResponseSchema }),
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const room = await moderatedRoom(db, access, actor, request.params.roomId);
      const message = await repo.findVisibleBySeq(db, room.id, request.body.seq);
      if (!message) throw new AppError('ERR_NOT_FOUND');
      const until = new Date(Date.now() + request.body.minutes * 60_000);
      await repo.setMutedUntil(db, room.id, message.authorId, until);
      await audit(db, {
        actorId: actor.id,
        action: 'chat.mute',
        targetType: 'chat_message',
        targetId: `${room.id}:${request.body.seq}`,
        reason: `${request.body.minutes} minutes`,
      });
      return { until: until.toISOString() };
    },
  );

  app.patch(
    '/chat/rooms/:roomId',
    {
      schema: {
        tags,
        params: chatRoomParamsSchema,
        body: chatRoomUpdateSchema,
        response: responses({ 200: chatRoomResponseSchema }),
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const room = await moderatedRoom(db, access, actor, request.params.roomId);
      const updated = await repo.updateRoom(db, room.id, request.body);
      const { closed, slowModeSeconds } = request.body;
      await audit(db, {
        actorId: actor.id,
        action: closed === undefined ? 'chat.slow_mode' : closed ? 'chat.close_room' : 'chat.reopen_room',
        targetType: 'chat_room',
        targetId: room.id,
        reason: slowModeSeconds === undefined ? null : `slow mode ${slowModeSeconds} s`,
      });
      if (!updated) throw new AppError('ERR_NOT_FOUND');
      const info = toRoomInfo(updated);
      await service.publishRoomEvent(room.id, { type: 'room', room: info });
      return { room: info };
    },
  );

  app.get(
    '/chat/groups/:groupId/sessions',
    { schema: { tags, params: chatGroupParamsSchema, response: responses({ 200: chatSessionListResponseSchema }) } },
    async (request) => {
      const user = requireUser(request);
      if (!(await access.canRead(db, user, request.params.groupId))) throw new AppError('ERR_NOT_FOUND');
      return { sessions: (await repo.sessionRooms(db, request.params.groupId)).map(toRoomInfo) };
    },
  );

  app.post(
    '/chat/sessions',
    { schema: { tags, body: chatSessionCreateSchema, response: responses({ 201: chatRoomResponseSchema }) } },
    async (request, reply) => {
      const user = requireRole(request, 'moderator');
      const { groupId, title, startsAt, endsAt, facilitators } = request.body;
      if (!(await access.canRead(db, user, groupId))) throw new AppError('ERR_NOT_FOUND');
      const facilitatorIds = await userIdsFor(facilitators);
      const room = await repo.insertSessionRoom(db, {
        groupId,
        title,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
      });
      await repo.replaceFacilitators(db, room.id, facilitatorIds);
      await audit(db, { actorId: user.id, action: 'chat.session_create', targetType: 'chat_room', targetId: room.id });
      return reply.code(201).send({ room: toRoomInfo(room) });
    },
  );

  app.patch(
    '/chat/sessions/:roomId',
    {
      schema: {
        tags,
        params: chatRoomParamsSchema,
        body: chatSessionUpdateSchema,
        response: responses({ 200: chatRoomResponseSchema }),
      },
    },
    async (request) => {
      const user = requireRole(request, 'moderator');
      const room = await readableRoom(db, access, user, request.params.roomId);
      if (room.kind !== 'session') throw new AppError('ERR_NOT_FOUND');
      const { title, startsAt, endsAt, facilitators } = request.body;
      const next = {
        ...(title !== undefined ? { title } : {}),
        ...(startsAt !== undefined ? { startsAt: new Date(startsAt) } : {}),
        ...(endsAt !== undefined ? { endsAt: new Date(endsAt) } : {}),
      };
      const start = next.startsAt ?? room.startsAt;
      const end = next.endsAt ?? room.endsAt;
      if (start && end && end <= start) throw new AppError('ERR_VALIDATION', { endsAt: 'End after the start.' });
      if (facilitators !== undefined) await repo.replaceFacilitators(db, room.id, await userIdsFor(facilitators));
      const updated = Object.keys(next).length > 0 ? await repo.updateRoom(db, room.id, next) : room;
      if (!updated) throw new AppError('ERR_NOT_FOUND');
      await audit(db, { actorId: user.id, action: 'chat.session_update', targetType: 'chat_room', targetId: room.id });
      const info = toRoomInfo(updated);
      await service.publishRoomEvent(room.id, { type: 'room', room: info });
      return { room: info };
    },
  );

  app.delete(
    '/chat/sessions/:roomId',
    { schema: { tags, params: chatRoomParamsSchema, response: responses({ 200: okResponseSchema }) } },
    async (request) => {
      const user = requireRole(request, 'moderator');
      const room = await readableRoom(db, access, user, request.params.roomId);
      if (room.kind !== 'session') throw new AppError('ERR_NOT_FOUND');
      await repo.deleteRoom(db, room.id);
      await audit(db, { actorId: user.id, action: 'chat.session_delete', targetType: 'chat_room', targetId: room.id });
      return { ok: true as const };
    },
  );

  async function userIdsFor(usernames: string[]): Promise<string[]> {
    if (usernames.length === 0) return [];
    const lowered = usernames.map((u) => u.toLowerCase());
    const rows = await db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(sql`lower(${users.username})`, lowered));
    if (rows.length !== new Set(lowered).size) {
      throw new AppError('ERR_VALIDATION', { facilitators: 'One of these usernames does not exist.' });
    }
    return rows.map((r) => r.id);
  }
};
