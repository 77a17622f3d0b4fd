import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { AuthUser } from './sessions.ts';

export type { AuthUser } from './sessions.ts';

/** The signed-in, active user, or ERR_UNAUTHENTICATED / ERR_ACCOUNT_SUSPENDED. Call it first. */
export function requireUser(request: FastifyRequest): AuthUser {
  const user = request.user;
  if (!user) throw new AppError('ERR_UNAUTHENTICATED');
  if (user.status !== 'active') throw new AppError('ERR_ACCOUNT_SUSPENDED');
  return user;
}

/** Like requireUser, and the user holds `role` (an admin satisfies moderator). Else ERR_FORBIDDEN. */
export function requireRole(request: FastifyRequest, role: 'moderator' | 'admin'): AuthUser {
  const user = requireUser(request);
  const allowed = role === 'admin' ? user.role === 'admin' : user.role === 'moderator' || user.role === 'admin';
  if (!allowed) throw new AppError('ERR_FORBIDDEN');
  return user;
}
