import {
  loginRequestSchema,
  looksIdentifying,
  meResponseSchema,
  okResponseSchema,
  recoverRequestSchema,
  recoverResponseSchema,
  signupRequestSchema,
  signupResponseSchema,
} from '@bedrock/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { describeDevice } from '../auth/device.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/passwords.ts';
import { burnRecoveryCode, countUnusedCodes, issueRecoveryCodes } from '../auth/recovery-codes.ts';
import { effectiveStatus } from '../auth/sessions.ts';
import { findUserByUsername, insertUser, setPasswordHash, toMe } from '../auth/users.ts';
import { AppError } from '../errors.ts';
import { responses } from './responses.ts';

const device = (request: FastifyRequest) => describeDevice(request.headers['user-agent']);

/** Signup, login, logout and recovery: the routes that create or end sessions. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, sessions } = app;
  const tags = ['auth'];

  const signupLimits = app.authLimits('signup');
  app.post(
    '/auth/signup',
    {
      schema: { tags, body: signupRequestSchema, response: responses({ 201: signupResponseSchema }) },
      onRequest: signupLimits.byIp,
      preHandler: signupLimits.byUsername,
    },
    async (request, reply) => {
      const { username, password } = request.body;
      if (looksIdentifying(username)) {
        throw new AppError('ERR_USERNAME_IDENTIFYING', {
          username: 'Choose a name that is not an e-mail or phone number.',
        });
      }
      if (await findUserByUsername(db, username)) throw new AppError('ERR_USERNAME_TAKEN');
      const passwordHash = await hashPassword(password);
      // Role comes from the column default: nothing in the request can choose it.
      const { user, recoveryCodes } = await db.transaction(async (tx) => {
        const user = await insertUser(tx, { username, passwordHash });
        return { user, recoveryCodes: await issueRecoveryCodes(tx, user.id) };
      });
      const session = await sessions.create(user.id, device(request));
      reply.setSessionCookie(session.cookie);
      return reply.code(201).send({ user: toMe(user), recoveryCodes });
    },
  );

  const loginLimits = app.authLimits('login');
  app.post(
    '/auth/login',
    {
      schema: { tags, body: loginRequestSchema, response: responses({ 200: meResponseSchema }) },
      onRequest: loginLimits.byIp,
      preHandler: loginLimits.byUsername,
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await findUserByUsername(db, username);
      // Unknown usernames cost the same argon2 work and get the same answer as wrong passwords.
      const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
      if (!user || !valid) throw new AppError('ERR_INVALID_CREDENTIALS');
      if (effectiveStatus(user.status, user.suspendedUntil) !== 'active') throw new AppError('ERR_ACCOUNT_SUSPENDED');
      if (request.sessionId) await sessions.end(request.sessionId);
      const session = await sessions.create(user.id, device(request));
      reply.setSessionCookie(session.cookie);
      return { user: toMe(user) };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, response: responses({ 200: okResponseSchema }) } },
    async (request, reply) => {
      if (request.sessionId) await sessions.end(request.sessionId);
      if (request.user) await app.chat.accessChanged({ userId: request.user.id });
      reply.setSessionCookie(sessions.blankCookie());
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout-everywhere',
    { schema: { tags, response: responses({ 200: okResponseSchema }) } },
    async (request, reply) => {
      if (!request.user) throw new AppError('ERR_UNAUTHENTICATED');
      await sessions.endAllForUser(request.user.id);
      await app.chat.accessChanged({ userId: request.user.id });
      reply.setSessionCookie(sessions.blankCookie());
      return { ok: true as const };
    },
  );

  const recoverLimits = app.authLimits('recover');
  app.post(
    '/auth/recover',
    {
      schema: { tags, body: recoverRequestSchema, response: responses({ 200: recoverResponseSchema }) },
      onRequest: recoverLimits.byIp,
      preHandler: recoverLimits.byUsername,
    },
    async (request, reply) => {
      const { username, code, newPassword } = request.body;
      const user = await findUserByUsername(db, username);
      if (!user) throw new AppError('ERR_RECOVERY_INVALID');
      await db.transaction(async (tx) => {
        if (!(await burnRecoveryCode(tx, user.id, code))) throw new AppError('ERR_RECOVERY_INVALID');
        await setPasswordHash(tx, user.id, await hashPassword(newPassword));
      });
      // Whoever else holds a session may be the reason for recovering: end them all, sign this one in.
      await sessions.endAllForUser(user.id);
      await app.chat.accessChanged({ userId: user.id });
      const session = await sessions.create(user.id, device(request));
      reply.setSessionCookie(session.cookie);
      return { user: toMe(user), remainingCodes: await countUnusedCodes(db, user.id) };
    },
  );
};
