import fp from 'fastify-plugin';
import { isHttps } from '../config.ts';
import { type AuthUser, type CookieToSet, createSessionStore, type SessionStore } from '../auth/sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user with role and status read from the database for this request, or null. */
    user: AuthUser | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    sessions: SessionStore;
  }
  interface FastifyReply {
    setSessionCookie(cookie: CookieToSet): FastifyReply;
  }
}

/**
 * One hook for every request, websocket upgrades included: turns the session cookie into
 * `request.user`. It never refuses anything itself; routes call the guards in `auth/guards.ts`.
 */
export default fp(
  async (app) => {
    const store = createSessionStore(app.database, { secure: isHttps(app.config) });
    app.decorate('sessions', store);
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);
    app.decorateReply('setSessionCookie', function (cookie: CookieToSet) {
      return this.setCookie(cookie.name, cookie.value, cookie.attributes);
    });

    app.addHook('onRequest', async (request, reply) => {
      request.user = null;
      request.sessionId = null;
      const token = request.cookies[store.cookieName];
      if (!token) return;
      const result = await store.validate(token);
      if (!result) {
        reply.setSessionCookie(store.blankCookie());
        return;
      }
      request.user = result.user;
      request.sessionId = result.sessionId;
      if (result.cookie) reply.setSessionCookie(result.cookie);
    });
  },
  { name: 'bedrock-auth', dependencies: ['@fastify/cookie'] },
);
