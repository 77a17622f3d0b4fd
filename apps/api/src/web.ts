import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/** SvelteKit adapter-node's `handler` (polka-style middleware). */
export type WebHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Imports `handler.js` from a SvelteKit build, or null when the web app has not been built. */
export async function loadWebHandler(handlerPath: string): Promise<WebHandler | null> {
  if (!existsSync(handlerPath)) return null;
  const module = (await import(pathToFileURL(handlerPath).href)) as { handler: WebHandler };
  return module.handler;
}

const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * Serves every non-API path through SvelteKit, so pages, API and websocket share one origin and port.
 * In its own context: bodies pass through unparsed (SvelteKit reads form posts itself) and the API's
 * helmet CSP, which would block SvelteKit's inline bootstrap, does not apply.
 */
export async function mountWeb(app: FastifyInstance, handler: WebHandler): Promise<void> {
  await app.register(async (web) => {
    web.removeAllContentTypeParsers();
    web.addContentTypeParser('*', (_request, _payload, done) => done(null));
    web.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/*',
      handler: (request, reply) => {
        if (isApiPath(request.url)) throw new AppError('ERR_NOT_FOUND');
        reply.hijack();
        handler(request.raw, reply.raw, () => {
          reply.raw.statusCode = 404;
          reply.raw.end('Not found');
        });
      },
    });
  });
}
