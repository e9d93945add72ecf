import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type ChangeEvent } from '../../shared/contract';
import { WEB_CALL_PREFIX, WEB_EVENTS_PATH } from '../../shared/contract/transport';
import type { CoreGateway } from '../core/pendingCore';
import { CSP, cookieToken, hostAllowed, originAllowed, sessionCookie, tokenMatches, type Gate } from './security';
import { readStatic } from './staticFiles';

export interface WebServerOptions {
  core: CoreGateway;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const SESSION_HEADER = 'x-kefu-session';

/**
 * Web mode: the same core the Electron main process hosts, served on 127.0.0.1 only to the same renderer in a
 * browser. Calls are POST /api/call/<name> with a JSON body; changes stream to every page as server-sent events.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('hex');
  const gate: Gate = { port: 0, token };
  const streams = new Set<ServerResponse>();

  const unsubscribe = opts.core.subscribe((event: ChangeEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
      process.stderr.write(`web: ${e instanceof Error ? e.stack : String(e)}\n`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req, gate) || !originAllowed(req, gate)) return send(res, 403, 'text/plain', 'Forbidden host or origin');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${gate.port}`);
    const fromUrl = url.searchParams.get('token');
    if (fromUrl !== null) {
      if (!tokenMatches(fromUrl, gate)) return send(res, 403, 'text/plain', 'Wrong token');
      // The token leaves the address bar at once; from now on the cookie carries it.
      url.searchParams.delete('token');
      res.writeHead(302, { 'Set-Cookie': sessionCookie(gate), Location: url.pathname + url.search, 'Cache-Control': 'no-store' });
      return res.end();
    }
    if (!tokenMatches(cookieToken(req, gate), gate)) {
      return send(res, 401, 'text/plain', 'Kefu Desk web mode needs the token printed at start-up: open the printed URL.');
    }
    if (url.pathname === WEB_EVENTS_PATH && req.method === 'GET') return openEvents(res);
    if (url.pathname.startsWith(WEB_CALL_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, 415, 'text/plain', 'JSON only');
      const name = url.pathname.slice(WEB_CALL_PREFIX.length);
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, fail('validation', 'Request body too large'));
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, fail('validation', 'Request body is not valid JSON'));
      }
      const session = String(req.headers[SESSION_HEADER] ?? 'web').slice(0, 64);
      return sendJson(res, 200, await opts.core.call(name, input, `web:${session}`));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    const file = (await readStatic(opts.staticDir, url.pathname)) ?? (await readStatic(opts.staticDir, '/index.html'));
    if (!file) return send(res, 404, 'text/plain', 'The renderer is not built: run npm run build');
    res.writeHead(200, { 'Content-Type': file.type, ...securityHeaders() });
    res.end(file.body);
  }

  function openEvents(res: ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...securityHeaders() });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  gate.port = (server.address() as AddressInfo).port;
  // Keeps idle event streams open through proxies and tells us when a page went away.
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${gate.port}/?token=${token}`,
    port: gate.port,
    token,
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function securityHeaders() {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, ...securityHeaders() });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders() });
  res.end(JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
