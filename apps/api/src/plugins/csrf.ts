import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isWebsocketUpgrade(request: FastifyRequest): boolean {
  return request.headers.upgrade?.toLowerCase() === 'websocket';
}

/**
 * Cookies ride along on cross-site requests, so every state-changing request (and every websocket
 * upgrade, which browsers never restrict) must come from our own origin. Browsers always send `Origin`
 * on these; `Sec-Fetch-Site` is the fallback. Clients sending neither (curl, server-side fetch) carry
 * no ambient cookie authority and pass.
 */
export default fp(
  async (app) => {
    const publicOrigin = app.config.PUBLIC_ORIGIN;

    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method) && !isWebsocketUpgrade(request)) return;
      const origin = request.headers.origin;
      const site = request.headers['sec-fetch-site'];
      // Under `Referrer-Policy: no-referrer` browsers send `Origin: null` even on same-origin POSTs;
      // Sec-Fetch-Site still tells the truth then, and nothing else is trusted with a null origin.
      if (origin === 'null') {
        if (site === 'same-origin') return;
        throw new AppError('ERR_CROSS_ORIGIN');
      }
      if (origin !== undefined) {
        const ownOrigin = request.host ? `${request.protocol}://${request.host}` : null;
        if (origin === publicOrigin || origin === ownOrigin) return;
        throw new AppError('ERR_CROSS_ORIGIN');
      }
      if (site === undefined || site === 'same-origin' || site === 'none') return;
      throw new AppError('ERR_CROSS_ORIGIN');
    });
  },
  { name: 'bedrock-csrf' },
);
