// One Content-Security-Policy for both shells: nothing may be fetched from any remote origin.
// 'unsafe-inline' styles are needed by Monaco and Mermaid, which set inline styles. No WebAssembly runs in the page (code is highlighted by the engine), so scripts get no 'wasm-unsafe-eval'.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
