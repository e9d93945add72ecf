import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type ChangeEvent } from '../../shared/contract';
import { WEB_CALL_PREFIX, WEB_EVENTS_PATH, WEB_SESSION_HEADER, WEB_TOKEN_HEADER } from '../../shared/contract/transport';
import type { CoreGateway } from '../core/pendingCore';
import { jsonDepthExceeds } from '../../shared/rules/jsonDepth';
import { CSP, hostAllowed, originAllowed, tokenMatches, type Gate } from './security';
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

/**
 * The largest body the server reads: the largest valid input (canned.import's 5 000 000-character file) as JSON
 * in UTF-8, where one character may take up to 6 bytes (a \u escape). Agreeing with the contract means a valid
 * call is never cut off; anything larger gets a 413 the page can read.
 */
export const MAX_BODY = 6 * 5_000_000 + 64 * 1024;

/**
 * Web mode: the same core the Electron main process hosts, served on 127.0.0.1 only to the same renderer in a
 * browser. Calls are POST /api/call/<name> with a JSON body; changes stream to every page as server-sent events.
 *
 * Two credentials, both headers (never cookies, which a browser would also send to any other server on this
 * host): the per-run token (X-Kefu-Token) and the session the core issued to this page (X-Kefu-Session).
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
    const api = url.pathname === WEB_EVENTS_PATH || url.pathname.startsWith(WEB_CALL_PREFIX);
    // The page and its scripts hold no data and are served to anyone on this host; every data path needs the token.
    if (api && !tokenMatches(headerValue(req, WEB_TOKEN_HEADER), gate)) {
      return send(res, 401, 'text/plain', 'Kefu Desk web mode needs the token printed at start-up: open the printed URL.');
    }
    if (url.pathname === WEB_EVENTS_PATH && req.method === 'GET') return openEvents(res);
    if (url.pathname.startsWith(WEB_CALL_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, 415, 'text/plain', 'JSON only');
      const name = url.pathname.slice(WEB_CALL_PREFIX.length);
      const body = await readBody(req);
      if (body === 'aborted') return;
      if (body === 'too_large') {
        // Answer first, then drop the connection: the page reads the 413 instead of a reset.
        res.setHeader('Connection', 'close');
        sendJson(res, 413, fail('validation', `Request body over ${MAX_BODY} bytes`, undefined, { code: 'too_large' }));
        res.on('finish', () => req.destroy());
        return;
      }
      // No contract input nests deeply: refuse pathological nesting before JSON.parse recurses through it.
      if (jsonDepthExceeds(body).exceeded) return sendJson(res, 400, fail('validation', 'Request body nests too deeply'));
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, fail('validation', 'Request body is not valid JSON'));
      }
      const session = headerValue(req, WEB_SESSION_HEADER) ?? null;
      let issued: string | null | undefined;
      const result = await opts.core.call(name, input, session, { issued: (id) => (issued = id) });
      // A session the core issued (sign-in) or ended (sign-out) goes back to this page alone.
      if (issued !== undefined) res.setHeader(WEB_SESSION_HEADER, issued ?? '');
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    const file = (await readStatic(opts.staticDir, url.pathname)) ?? (await readStatic(opts.staticDir, '/index.html'));
    if (!file) return send(res, 404, 'text/plain', 'The renderer is not built: run npm run build');
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store', ...securityHeaders() });
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

/** The body as text; 'too_large' past MAX_BODY (the rest is not read); 'aborted' when the client went away. */
function readBody(req: IncomingMessage): Promise<string | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (v: string | 'too_large' | 'aborted') => {
      if (!done) {
        done = true;
        resolve(v);
      }
    };
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > MAX_BODY) {
        chunks.length = 0;
        req.pause();
        finish('too_large');
      } else chunks.push(c);
    });
    req.on('end', () => finish(Buffer.concat(chunks).toString('utf8')));
    // A page closed mid-upload is ordinary: one line, no stack trace.
    const aborted = () => {
      if (done) return;
      process.stderr.write(`web: a request body was aborted after ${size} bytes\n`);
      finish('aborted');
    };
    req.on('aborted', aborted);
    req.on('error', aborted);
  });
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
