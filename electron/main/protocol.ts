// Serves the built renderer over app://replayground/ (never file://), with the CSP on every page.
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { resolveStaticFile } from '../host/staticFile';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Response {
  return (request) => {
    const file = resolveStaticFile(rendererDir, new URL(request.url).pathname);
    const headers: Record<string, string> = { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' };
    if (file.endsWith('.html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    return new Response(fs.readFileSync(file), { status: 200, headers });
  };
}
