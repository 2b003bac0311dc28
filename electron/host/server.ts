// The web host: serves the built renderer and the engine's API over HTTP on 127.0.0.1.
// POST /api/<method> maps to the dispatcher; GET /api/push is a Server-Sent Events stream of push topics.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine/api/engine';
import { CONTENT_SECURITY_POLICY } from './csp';
import { contentTypeOf, resolveStaticFile } from './staticFile';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface WebHostOptions {
  engine: Engine;
  /** Folder with the built renderer (dist/renderer); when absent only the API is served. */
  staticDir?: string;
  port?: number;
  host?: string;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { engine } = options;
  const host = options.host ?? '127.0.0.1';
  const pushClients = new Set<http.ServerResponse>();
  const unsubscribe = engine.onPush((topic, payload) => {
    const frame = `event: push\ndata: ${JSON.stringify({ topic, payload })}\n\n`;
    for (const res of pushClients) res.write(frame);
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(err) } });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isOwnOrigin(req)) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN_ORIGIN', message: 'Requests must come from the app itself' } });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://local');
    // A path that does not decode (a lone '%') is the client's mistake: 400, never a 500.
    if (!decodes(url.pathname)) {
      sendJson(res, 400, { ok: false, error: { code: 'BAD_PATH', message: 'The request path is not validly percent-encoded' } });
      return;
    }
    if (url.pathname === '/api/push' && req.method === 'GET') return openPushStream(res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'Use POST for API calls' } });
        return;
      }
      // Method names are plain ASCII; nothing to decode (and '%' alone must not throw).
      const name = url.pathname.slice('/api/'.length);
      const body = await readBody(req);
      if (body === null) {
        sendJson(res, 413, { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: `Request body exceeds ${MAX_BODY_BYTES} bytes` } });
        return;
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch (err) {
        sendJson(res, 400, { ok: false, error: { code: 'INVALID_JSON', message: `Request body is not JSON: ${(err as Error).message}` } });
        return;
      }
      const result = await engine.dispatch(name, input);
      const status = result.ok ? 200 : statusFor(result.error.code);
      sendJson(res, status, result);
      return;
    }
    serveStatic(url.pathname, res);
  }

  function openPushStream(res: http.ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    pushClients.add(res);
    res.on('close', () => pushClients.delete(res));
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const root = options.staticDir;
    if (!root || !fs.existsSync(root)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The renderer is not built. Run `npm run build` (or `npm run web`, which builds it).');
      return;
    }
    const file = resolveStaticFile(root, pathname);
    if (file === null) {
      // handle() answers undecodable paths before this; kept so the two shells share one check.
      sendJson(res, 400, { ok: false, error: { code: 'BAD_PATH', message: 'The request path is not validly percent-encoded' } });
      return;
    }
    const ext = path.extname(file);
    const headers: Record<string, string> = {
      'content-type': contentTypeOf(file),
      'x-content-type-options': 'nosniff',
      // Hashed assets never change; the page itself must always be fresh.
      'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (ext === '.html') headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    // A file can vanish between the check and the read (a rebuild in progress): answer 503, never crash.
    const stream = fs.createReadStream(file);
    stream.once('error', (err) => {
      if (!res.headersSent) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
        res.end(`The renderer is being rebuilt; reload in a moment (${err.message}).`);
      } else {
        res.destroy(err);
      }
    });
    stream.once('open', () => {
      res.writeHead(200, headers);
      stream.pipe(res);
    });
  }

  function isOwnOrigin(req: http.IncomingMessage): boolean {
    // Guards against other web pages (and DNS rebinding) reaching the API of a local host.
    const hostHeader = req.headers.host ?? '';
    const hostOk = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(hostHeader);
    const origin = req.headers.origin;
    const originOk = origin === undefined || origin === `http://${hostHeader}`;
    return hostOk && originOk;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5178, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      unsubscribe();
      for (const res of pushClients) res.end();
      pushClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function statusFor(code: string): number {
  if (code === 'UNKNOWN_METHOD') return 404;
  if (code === 'INVALID_INPUT') return 400;
  if (code === 'INTERNAL' || code === 'INVALID_OUTPUT') return 500;
  return 422;
}
