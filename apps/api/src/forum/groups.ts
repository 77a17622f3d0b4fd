import { type Db, groupBans, groupMembers, groups, users } from '@bedrock/db';
import type { CreateGroupRequest, GroupDetail, GroupSummary } from '@bedrock/shared';
import { asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import { capabilities, type GroupRow, groupAccess, isStaff, type Viewer, viewerFlagColumns } from './access.ts';
import { audit } from './audit.ts';
import { newId } from './ids.ts';
import { renderMarkdown } from './markdown.ts';
import { minute } from './present.ts';

function summary(
  group: GroupRow,
  viewer: Viewer,
  flags: { member: boolean; banned: boolean; verified: boolean },
): GroupSummary {
  const caps = capabilities(viewer, group.kind, flags);
  return {
    id: group.id,
    slug: group.slug,
    name: group.name,
    description: group.description,
    kind: group.kind,
    isDemo: group.isDemo,
    viewer: { joined: flags.member && !flags.banned, canRead: caps.canRead, canPost: caps.canPost },
  };
}

/** Every group's name, description and kind, for everyone: people need to know what to apply for. */
export async function directory(db: Db, viewer: Viewer): Promise<GroupSummary[]> {
  const rows = await db
    .select({ group: groups, ...viewerFlagColumns(viewer, groups.id) })
    .from(groups)
    .orderBy(asc(groups.kind), asc(groups.name));
  return rows.map((r) => summary(r.group, viewer, r));
}

export async function groupDetail(db: Db, viewer: Viewer, slug: string): Promise<GroupDetail> {
  const { group, flags } = await groupAccess(db, viewer, slug, 'see');
  return { ...summary(group, viewer, flags), rulesHtml: group.rulesHtml };
}

export async function createGroup(db: Db, admin: Viewer & {}, input: CreateGroupRequest): Promise<GroupDetail> {
  const id = newId();
  const rules = input.rules ?? '';
  const inserted = await db
    .insert(groups)
    .values({ id, ...input, rules, rulesHtml: rules ? renderMarkdown(rules) : '' })
    .onConflictDoNothing({ target: groups.slug })
    .returning({ id: groups.id });
  if (inserted.length === 0) throw new AppError('ERR_GROUP_SLUG_TAKEN');
  await audit(db, { actorId: admin.id, action: 'group.create', targetType: 'group', targetId: id });
  return groupDetail(db, admin, input.slug);
}

export async function joinGroup(db: Db, viewer: Viewer, slug: string): Promise<void> {
  const { group, flags } = await groupAccess(db, viewer, slug, 'see');
  if (!viewer) throw new AppError('ERR_UNAUTHENTICATED');
  if (viewer.status !== 'active') throw new AppError('ERR_ACCOUNT_SUSPENDED');
  if (flags.banned) throw new AppError('ERR_GROUP_BANNED');
  if (group.kind === 'partners_only' && !flags.verified && !isStaff(viewer))
    throw new AppError('ERR_VERIFICATION_REQUIRED');
  await db.insert(groupMembers).values({ groupId: group.id, userId: viewer.id }).onConflictDoNothing();
}

export async function leaveGroup(db: Db, viewer: Viewer, slug: string): Promise<void> {
  const { group } = await groupAccess(db, viewer, slug, 'see');
  if (!viewer) throw new AppError('ERR_UNAUTHENTICATED');
  await db
    .delete(groupMembers)
    .where(sql`${groupMembers.groupId} = ${group.id} and ${groupMembers.userId} = ${viewer.id}`);
}

/** Moderators only (the route checks the role): who is in a group, by username, never by post. */
export async function listMembers(db: Db, moderator: Viewer, slug: string) {
  const { group } = await groupAccess(db, moderator, slug, 'read');
  const rows = await db
    .select({
      username: users.username,
      joinedAt: groupMembers.joinedAt,
      banned: sql<boolean>`exists (select 1 from ${groupBans} b where b.group_id = ${group.id} and b.user_id = ${users.id})`,
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(eq(groupMembers.groupId, group.id))
    .orderBy(asc(users.username));
  return rows.map((r) => ({ username: r.username, joinedAt: minute(r.joinedAt), banned: r.banned }));
}

async function userByName(db: Db, username: string) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  if (!user) throw new AppError('ERR_USER_NOT_FOUND');
  return user;
}

/** Removes (`ban: false`) or bans a member from one group; both are audited. */
export async function removeMember(
  db: Db,
  moderator: Viewer & {},
  slug: string,
  input: { username: string; reason?: string | undefined },
  ban: boolean,
) {
  const { group } = await groupAccess(db, moderator, slug, 'read');
  const user = await userByName(db, input.username);
  await db.transaction(async (tx) => {
    await tx
      .delete(groupMembers)
      .where(sql`${groupMembers.groupId} = ${group.id} and ${groupMembers.userId} = ${user.id}`);
    if (ban) {
      await tx
        .insert(groupBans)
        .values({ groupId: group.id, userId: user.id, reason: input.reason ?? null, bannedBy: moderator.id })
        .onConflictDoNothing();
    }
    await audit(tx, {
      actorId: moderator.id,
      action: ban ? 'group.ban' : 'group.remove',
      targetType: 'user',
      targetId: user.id,
      reason: input.reason ?? null,
    });
  });
}

export async function unbanMember(db: Db, moderator: Viewer & {}, slug: string, username: string) {
  const { group } = await groupAccess(db, moderator, slug, 'read');
  const user = await userByName(db, username);
  await db.transaction(async (tx) => {
    await tx.delete(groupBans).where(sql`${groupBans.groupId} = ${group.id} and ${groupBans.userId} = ${user.id}`);
    await audit(tx, { actorId: moderator.id, action: 'group.unban', targetType: 'user', targetId: user.id });
  });
}
