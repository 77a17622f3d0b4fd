import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Stands in for the neutral site quick exit goes to (there is no internet here). */
export async function startNeutralSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const page = (title: string, heading: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${heading}</h1></body></html>`;

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/start') return send(200, page('Start', 'Somewhere else entirely'));
    if (url.pathname === '/neutral') return send(200, page('Weather', 'Weather forecast'));
    send(404, page('Not found', 'Not found'));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
