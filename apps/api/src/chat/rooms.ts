import type { Db } from '@bedrock/db';
import type { ChatRoomInfo, RoomState } from '@bedrock/shared';
import type { AuthUser } from '../auth/guards.ts';
import { AppError } from '../errors.ts';
import type { ChatAccess } from './access.ts';
import { findRoom, isFacilitator, type RoomRow } from './repository.ts';

export function roomState(room: RoomRow, now = new Date()): RoomState {
  if (room.closed) return 'closed';
  if (room.kind === 'session') {
    if (room.startsAt && now < room.startsAt) return 'scheduled';
    if (room.endsAt && now >= room.endsAt) return 'ended';
  }
  return 'open';
}

export function toRoomInfo(room: RoomRow): ChatRoomInfo {
  return {
    id: room.id,
    groupId: room.groupId,
    kind: room.kind,
    title: room.title,
    startsAt: room.startsAt?.toISOString() ?? null,
    endsAt: room.endsAt?.toISOString() ?? null,
    state: roomState(room),
    slowModeSeconds: room.slowModeSeconds,
    latestSeq: room.lastSeq,
  };
}

/** The room if this user may read its group; otherwise ERR_NOT_FOUND, exactly as for a missing room. */
export async function readableRoom(db: Db, access: ChatAccess, user: AuthUser, roomId: string): Promise<RoomRow> {
  const room = await findRoom(db, roomId);
  if (!room || !(await access.canRead(db, user, room.groupId))) throw new AppError('ERR_NOT_FOUND');
  return room;
}

export function isStaff(user: AuthUser): boolean {
  return user.role === 'moderator' || user.role === 'admin';
}

/** Moderators and admins moderate every room they can read; facilitators their own sessions. */
export async function canModerate(db: Db, user: AuthUser, roomId: string): Promise<boolean> {
  return isStaff(user) || (await isFacilitator(db, roomId, user.id));
}

/** A readable room this user may moderate; a readable room they may not moderate is ERR_FORBIDDEN. */
export async function moderatedRoom(db: Db, access: ChatAccess, user: AuthUser, roomId: string): Promise<RoomRow> {
  const room = await readableRoom(db, access, user, roomId);
  if (!(await canModerate(db, user, roomId))) throw new AppError('ERR_FORBIDDEN');
  return room;
}
