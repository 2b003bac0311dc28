// Serves the built renderer over app://replayground/ (never file://), with the CSP on every page.
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../host/csp';

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

/** Maps an app:// request to a file under the renderer folder; anything outside it gets index.html. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string {
  const { pathname } = new URL(requestUrl);
  const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const file = path.resolve(rendererDir, relative);
  if (!file.startsWith(path.resolve(rendererDir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    return path.join(rendererDir, 'index.html');
  }
  return file;
}

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Response {
  return (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    const headers: Record<string, string> = { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' };
    if (file.endsWith('.html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    return new Response(fs.readFileSync(file), { status: 200, headers });
  };
}
