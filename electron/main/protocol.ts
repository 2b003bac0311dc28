// Serves the built renderer over app://replayground/ (never file://), with the CSP on every page.
import fs from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { contentTypeOf, resolveStaticFile } from '../host/staticFile';

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Response {
  return (request) => {
    const file = resolveStaticFile(rendererDir, new URL(request.url).pathname);
    if (file === null) return new Response('Bad request path', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    const headers: Record<string, string> = { 'content-type': contentTypeOf(file) };
    if (file.endsWith('.html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    return new Response(fs.readFileSync(file), { status: 200, headers });
  };
}
