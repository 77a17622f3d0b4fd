import {
  accountExportSchema,
  changePasswordRequestSchema,
  deleteAccountRequestSchema,
  EXPORT_FILENAME,
  meResponseSchema,
  okResponseSchema,
  sessionListResponseSchema,
} from '@bedrock/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteAccount } from '../account/delete.ts';
import { exportAccount } from '../account/export.ts';
import { requireUser } from '../auth/guards.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { publicSessionId } from '../auth/sessions.ts';
import { findUserById, setPasswordHash, toMe } from '../auth/users.ts';
import { AppError } from '../errors.ts';
import { responses } from './responses.ts';

/** Managing one's own sessions stays possible while suspended, so only a session is required. */
function requireSession(request: FastifyRequest) {
  if (!request.user || !request.sessionId) throw new AppError('ERR_UNAUTHENTICATED');
  return { user: request.user, sessionId: request.sessionId };
}

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, sessions } = app;
  const tags = ['account'];

  app.get('/me', { schema: { tags, response: responses({ 200: meResponseSchema }) } }, async (request) => {
    const { id } = requireUser(request);
    const row = await findUserById(db, id);
    if (!row) throw new AppError('ERR_UNAUTHENTICATED');
    return { user: toMe(row) };
  });

  app.get(
    '/account/sessions',
    { schema: { tags, response: responses({ 200: sessionListResponseSchema }) } },
    async (request) => {
      const { user, sessionId } = requireSession(request);
      const rows = await sessions.listForUser(user.id);
      return {
        sessions: rows.map((s) => ({
          id: publicSessionId(s.id),
          current: s.id === sessionId,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          device: s.device,
        })),
      };
    },
  );

  app.delete(
    '/account/sessions/:id',
    {
      schema: { tags, params: z.object({ id: z.string().max(64) }), response: responses({ 200: okResponseSchema }) },
    },
    async (request, reply) => {
      const { user, sessionId } = requireSession(request);
      if (!(await sessions.endByPublicId(user.id, request.params.id))) throw new AppError('ERR_SESSION_NOT_FOUND');
      await app.chat.accessChanged({ userId: user.id });
      if (request.params.id === publicSessionId(sessionId)) reply.setSessionCookie(sessions.blankCookie());
      return { ok: true as const };
    },
  );

  app.post(
    '/account/password',
    { schema: { tags, body: changePasswordRequestSchema, response: responses({ 200: okResponseSchema }) } },
    async (request) => {
      const { user, sessionId } = requireSession(request);
      const row = await findUserById(db, user.id);
      if (!row || !(await verifyPassword(row.passwordHash, request.body.currentPassword))) {
        throw new AppError('ERR_WRONG_PASSWORD', { currentPassword: 'This is not your current password.' });
      }
      await setPasswordHash(db, user.id, await hashPassword(request.body.newPassword));
      await sessions.endOthersForUser(user.id, sessionId);
      await app.chat.accessChanged({ userId: user.id });
      return { ok: true as const };
    },
  );

  // Leaving stays possible while suspended too, like managing sessions: only a session is required.
  const deleteLimits = app.authLimits('account-delete');
  app.post(
    '/account/delete',
    {
      schema: { tags, body: deleteAccountRequestSchema, response: responses({ 200: okResponseSchema }) },
      onRequest: deleteLimits.byIp,
    },
    async (request, reply) => {
      const { user } = requireSession(request);
      const row = await findUserById(db, user.id);
      if (!row || !(await verifyPassword(row.passwordHash, request.body.password))) {
        throw new AppError('ERR_WRONG_PASSWORD', { password: 'This is not your current password.' });
      }
      const shown = await deleteAccount(db, user.id);
      // After commit: her sockets on every instance find their session gone and close, and open rooms
      // show her messages as the placeholder the stored rows now hold.
      await app.chat.accessChanged({ userId: user.id });
      await app.chat.anonymized(shown);
      reply.setSessionCookie(sessions.blankCookie());
      return { ok: true as const };
    },
  );

  app.get(
    '/account/export',
    { schema: { tags, response: responses({ 200: accountExportSchema }) } },
    async (request, reply) => {
      const { user } = requireSession(request);
      const data = await exportAccount(db, user.id);
      reply.header('content-disposition', `attachment; filename="${EXPORT_FILENAME}"`);
      reply.header('cache-control', 'no-store');
      return data;
    },
  );
};
