// One Content-Security-Policy for both shells: nothing may be fetched from any remote origin.
// 'unsafe-inline' styles are needed by Monaco and Mermaid, which set inline styles; 'wasm-unsafe-eval' by shiki's engine.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
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
