/**
 * The one Content-Security-Policy of the app, shared by the <meta> tag the build writes and the
 * header `lowprofile app` sends. Everything comes from the app's own files; nothing may connect
 * anywhere else. 'wasm-unsafe-eval' allows compiling WebAssembly (the face detector's runtime),
 * not JavaScript eval.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
