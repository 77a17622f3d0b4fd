import { createHmac } from 'node:crypto';
import type { Db } from '@bedrock/db';
import {
  CHAT_CATCH_UP_MAX,
  CHAT_HISTORY_ON_JOIN,
  type ChatClientEvent,
  type ChatServerEvent,
  chatServerEventSchema,
  type ErrorCode,
  ERRORS,
} from '@bedrock/shared';
import type { AuthUser } from '../auth/guards.ts';
import { AppError } from '../errors.ts';
import type { ChatAccess } from './access.ts';
import { roomAlias } from './alias.ts';
import type { Broker } from './broker.ts';
import { CRISIS_MESSAGE, CRISIS_RESOURCES } from './crisis.ts';
import { type Conn, type Hub, roomChannel } from './hub.ts';
import { type ChatModeration, type Classify, defaultModeration, moderate } from './moderation.ts';
import * as repo from './repository.ts';
import { canModerate, readableRoom, roomState, toRoomInfo } from './rooms.ts';

const FLOOD_MAX = 10;
const FLOOD_WINDOW_MS = 10_000;
const TYPING_EVERY_MS = 2_000;

export interface ChatServiceDeps {
  db: Db;
  hub: Hub;
  broker: Broker;
  access: ChatAccess;
  classify: Classify;
  /** Per-group policy and the review queue (moderation/pipeline.ts); default: `classify` with HOLD_LABELS. */
  moderation?: ChatModeration;
  secret: string;
  /** Tells moderators everywhere (see control.ts). */
  alertModerators(roomId: string, data: string): void;
}

/** Encodes a server event once, checked against the shared schema so the contract cannot drift. */
export function encode(event: ChatServerEvent): string {
  return JSON.stringify(chatServerEventSchema.parse(event));
}

export function errorEvent(code: ErrorCode, extra: { room?: string; clientMsgId?: string; retryAt?: string } = {}) {
  return encode({ type: 'error', code, message: ERRORS[code].message, ...extra });
}

/** The rules of a live room: what joining, sending and typing do. Connections call in one event at a time. */
export class ChatService {
  constructor(private readonly deps: ChatServiceDeps) {}

  async handle(conn: Conn, event: ChatClientEvent): Promise<void> {
    try {
      if (event.type === 'join') await this.join(conn, event.room, event.lastSeq, event.showUsername);
      else if (event.type === 'leave') this.deps.hub.leave(conn, event.room);
      else if (event.type === 'send') await this.send(conn, event.room, event.clientMsgId, event.body);
      else this.typing(conn, event.room);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const clientMsgId = event.type === 'send' ? event.clientMsgId : undefined;
      this.deps.hub.write(
        conn,
        errorEvent(error.code, {
          room: event.room,
          ...(clientMsgId ? { clientMsgId } : {}),
          ...(error.fields?.retryAt ? { retryAt: error.fields.retryAt } : {}),
        }),
      );
    }
  }

  private async join(conn: Conn, roomId: string, lastSeq?: number, showUsername?: boolean): Promise<void> {
    const { db, hub } = this.deps;
    const room = await readableRoom(db, this.deps.access, conn.user, roomId);
    if (conn.rooms.has(room.id)) hub.leave(conn, room.id);
    if (showUsername !== undefined) await repo.setShowUsername(db, room.id, conn.user.id, showUsername);
    const [member, moderator] = await Promise.all([
      repo.findMember(db, room.id, conn.user.id),
      canModerate(db, conn.user, room.id),
    ]);
    const shown = member?.showUsername ?? false;
    const pseudonym =
      member?.alias ??
      (await repo.claimAlias(db, room.id, conn.user.id, (n) => roomAlias(this.deps.secret, room.id, conn.user.id, n)));
    const alias = shown ? conn.user.username : pseudonym;
    await hub.enter(conn, room.id, { groupId: room.groupId, alias, moderator, lastSeq: 0, ready: false, typingAt: 0 });

    let rows: repo.MessageRow[];
    let gap: { afterSeq: number; beforeSeq: number } | null = null;
    if (lastSeq === undefined) {
      rows = await repo.messagesBefore(db, room.id, undefined, CHAT_HISTORY_ON_JOIN);
    } else {
      rows = await repo.messagesAfter(db, room.id, lastSeq, CHAT_CATCH_UP_MAX + 1);
      if (rows.length > CHAT_CATCH_UP_MAX) {
        rows = await repo.messagesBefore(db, room.id, undefined, CHAT_CATCH_UP_MAX);
        gap = { afterSeq: lastSeq, beforeSeq: rows[0]?.seq ?? lastSeq + 1 };
      }
    }
    const newest = rows.at(-1)?.seq ?? 0;
    // Only a returning client can hold messages removed since; a first visit sees none of them.
    const removed =
      lastSeq === undefined ? [] : await repo.removedSeqs(db, room.id, Math.max(0, lastSeq - CHAT_CATCH_UP_MAX));
    if (!conn.rooms.has(room.id)) return; // left or revoked while reading
    hub.write(
      conn,
      encode({
        type: 'joined',
        room: { ...toRoomInfo(room), latestSeq: Math.max(room.lastSeq, newest) },
        you: { alias, showUsername: shown, moderator },
        messages: rows.map((row) => repo.toChatMessage(row, conn.user.id)),
        gap,
        removed,
      }),
    );
    await hub.ready(conn, room.id, Math.max(newest, lastSeq ?? 0));
  }

  private async send(conn: Conn, roomId: string, clientMsgId: string, body: string): Promise<void> {
    const { db, hub } = this.deps;
    const membership = conn.rooms.get(roomId);
    if (!membership) throw new AppError('ERR_CHAT_NOT_JOINED');

    // A resend (e.g. after a reconnect) is answered from what was stored, before any limit applies.
    const existing = await repo.findByClientId(db, roomId, conn.user.id, clientMsgId);
    if (existing) return this.answerResend(conn, existing, body);

    // Moderators and facilitators lead sessions and may need to write in bursts.
    if (!membership.moderator) await this.checkFlood(conn.user.id);
    const room = await repo.findRoom(db, roomId);
    if (!room) throw new AppError('ERR_NOT_FOUND');
    const state = roomState(room);
    if (state === 'closed') throw new AppError('ERR_CHAT_ROOM_CLOSED');
    if (state === 'scheduled') throw new AppError('ERR_CHAT_NOT_STARTED');
    if (state === 'ended') throw new AppError('ERR_CHAT_ENDED');
    if (!(await this.deps.access.canPost(db, conn.user, room.groupId))) throw new AppError('ERR_FORBIDDEN');
    const member = await repo.findMember(db, roomId, conn.user.id);
    if (member?.mutedUntil && member.mutedUntil > new Date()) {
      throw new AppError('ERR_CHAT_MUTED', { retryAt: member.mutedUntil.toISOString() });
    }
    if (room.slowModeSeconds > 0 && !membership.moderator) {
      const last = await repo.lastSentAt(db, roomId, conn.user.id);
      const next = last ? last.getTime() + room.slowModeSeconds * 1000 : 0;
      if (next > Date.now()) throw new AppError('ERR_CHAT_SLOW_MODE', { retryAt: new Date(next).toISOString() });
    }

    const moderation = this.deps.moderation ?? defaultModeration(this.deps.classify);
    const verdict = await moderation.review({ groupId: room.groupId, authorId: conn.user.id, text: body });
    const held = verdict.hold.length > 0;
    const row = await repo.insertMessage(db, {
      roomId,
      authorId: conn.user.id,
      clientMsgId,
      alias: membership.alias,
      body,
      labels: verdict.labels,
      held,
    });
    if (!row) {
      // The same id raced in on another socket: answer as a resend.
      const raced = await repo.findByClientId(db, roomId, conn.user.id, clientMsgId);
      if (raced) await this.answerResend(conn, raced, body);
      return;
    }
    await moderation.record({ id: row.id, groupId: room.groupId, authorId: conn.user.id }, verdict);
    if (held) {
      const labels = [...new Set(verdict.hold.map((f) => f.label))];
      hub.write(conn, encode({ type: 'held', room: roomId, clientMsgId, labels, reasons: verdict.hold }));
      return;
    }
    // Durable before visible: the row is committed; now acknowledge and broadcast.
    const seq = row.seq ?? 0;
    hub.write(conn, encode({ type: 'ack', room: roomId, clientMsgId, seq, id: row.id }));
    await this.deps.broker.publish(
      roomChannel(roomId),
      `${seq}|${encode({ type: 'message', ...repo.toChatMessage(row) })}`,
    );
    if (verdict.crisis) {
      hub.write(
        conn,
        encode({
          type: 'crisis',
          room: roomId,
          clientMsgId,
          ...(verdict.crisisPanel ?? { message: CRISIS_MESSAGE, resources: CRISIS_RESOURCES }),
        }),
      );
      this.deps.alertModerators(roomId, encode({ type: 'mod_alert', room: roomId, seq, labels: verdict.labels }));
    }
  }

  private async answerResend(conn: Conn, existing: repo.MessageRow, body: string): Promise<void> {
    const { room, clientMsgId } = { room: existing.roomId, clientMsgId: existing.clientMsgId };
    if (existing.body !== body && existing.status !== 'removed') throw new AppError('ERR_CHAT_DUPLICATE_ID');
    if (existing.status === 'held') {
      const verdict = await moderate(this.deps.classify, existing.body);
      const labels = [...new Set(verdict.hold.map((f) => f.label))];
      this.deps.hub.write(conn, encode({ type: 'held', room, clientMsgId, labels, reasons: verdict.hold }));
      return;
    }
    this.deps.hub.write(conn, encode({ type: 'ack', room, clientMsgId, seq: existing.seq ?? 0, id: existing.id }));
  }

  /**
   * At most FLOOD_MAX messages in FLOOD_WINDOW_MS per member, counted across every instance (in Redis
   * when the broker is Redis). The key is a keyed hash: the store never holds an account id.
   */
  private async checkFlood(userId: string): Promise<void> {
    const key = `bedrock:chat:flood:${createHmac('sha256', this.deps.secret).update(userId).digest('base64url').slice(0, 24)}`;
    if (!(await this.deps.broker.allow(key, FLOOD_MAX, FLOOD_WINDOW_MS))) throw new AppError('ERR_CHAT_FLOOD');
  }

  private typing(conn: Conn, roomId: string): void {
    const membership = conn.rooms.get(roomId);
    if (!membership) throw new AppError('ERR_CHAT_NOT_JOINED');
    const now = Date.now();
    if (now - membership.typingAt < TYPING_EVERY_MS) return; // typing may be dropped, never stored
    membership.typingAt = now;
    const data = encode({ type: 'typing', room: roomId, alias: membership.alias });
    this.deps.broker.publish(roomChannel(roomId), `-|${data}`).catch(() => {});
  }

  /** Broadcasts a non-sequenced room event (removed, room state) to every instance. */
  publishRoomEvent(roomId: string, event: ChatServerEvent): Promise<void> {
    return this.deps.broker.publish(roomChannel(roomId), `-|${encode(event)}`);
  }
}

export type { AuthUser };
