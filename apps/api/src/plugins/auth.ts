import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isHttps } from '../config.ts';
import {
  type AuthUser,
  type CookieToSet,
  createSessionStore,
  type SessionStore,
  type Validated,
  type ViewerColumns,
} from '../auth/sessions.ts';

/**
 * A session the route reads in its own statement (see VIEWER_BY_SESSION_CTE): `id` is bound as `$1`
 * ('' without a cookie, which matches nothing), and `settle` gets the viewer columns the statement
 * found. It sets `request.user` and the cookie exactly as the hook would have and returns that user;
 * `matches` is false when the statement's viewer was not the real one, so the route must read again
 * for `user`.
 */
export interface FoldedSession {
  id: string;
  settle(found: ViewerColumns | null): Promise<{ user: AuthUser | null; matches: boolean }>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user with role and status read from the database for this request, or null. */
    user: AuthUser | null;
    sessionId: string | null;
    /** On routes with `config: { foldSession: true }`: the session, until the route settles it. */
    foldedSession: FoldedSession | null;
  }
  interface FastifyInstance {
    sessions: SessionStore;
  }
  interface FastifyReply {
    setSessionCookie(cookie: CookieToSet): FastifyReply;
  }
  interface FastifyContextConfig {
    /**
     * The route reads the session in its own query instead of a lookup of its own first (one round
     * trip instead of two, for the hottest reads) and must call `request.foldedSession.settle`.
     */
    foldSession?: boolean;
  }
}

const NO_SESSION: FoldedSession = { id: '', settle: async () => ({ user: null, matches: true }) };

/** The hook's answer for a request: the user and the cookie to send (a blank one for a dead session). */
function apply(store: SessionStore, request: FastifyRequest, reply: FastifyReply, result: Validated | null) {
  if (!result) {
    reply.setSessionCookie(store.blankCookie());
    return;
  }
  request.user = result.user;
  request.sessionId = result.sessionId;
  if (result.cookie) reply.setSessionCookie(result.cookie);
}

class PendingSession implements FoldedSession {
  readonly id: string;
  settled = false;
  constructor(
    private readonly store: SessionStore,
    private readonly token: string,
    private readonly request: FastifyRequest,
    private readonly reply: FastifyReply,
  ) {
    this.id = store.idOf(token);
  }
  async settle(found: ViewerColumns | null) {
    this.settled = true;
    const { validated, matches } = await this.store.settle(this.token, found);
    apply(this.store, this.request, this.reply, validated);
    return { user: validated?.user ?? null, matches };
  }
  /** The plain lookup, for a route that answered before its statement ran (a 400 from validation). */
  async settleAlone() {
    this.settled = true;
    apply(this.store, this.request, this.reply, await this.store.validate(this.token));
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
    app.decorateRequest('foldedSession', null);
    app.decorateReply('setSessionCookie', function (cookie: CookieToSet) {
      return this.setCookie(cookie.name, cookie.value, cookie.attributes);
    });

    app.addHook('onRequest', async (request, reply) => {
      request.user = null;
      request.sessionId = null;
      request.foldedSession = null;
      const token = request.cookies[store.cookieName];
      if (request.routeOptions.config.foldSession) {
        request.foldedSession = token ? new PendingSession(store, token, request, reply) : NO_SESSION;
        return;
      }
      if (token) apply(store, request, reply, await store.validate(token));
    });

    // Every answer of a folded route carries the cookie the hook would have set.
    app.addHook('onSend', async (request) => {
      const folded = request.foldedSession;
      if (folded instanceof PendingSession && !folded.settled) await folded.settleAlone();
    });
  },
  { name: 'bedrock-auth', dependencies: ['@fastify/cookie'] },
);
