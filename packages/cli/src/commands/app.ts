import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.js';

export const APP_HELP = `Usage: lowprofile app [--port N]

Serves the lowprofile web app on this computer only (127.0.0.1) and prints its address.
Open it in a browser: files you add are handled inside the page and never sent anywhere,
and the page is not allowed to connect to any other site.

Options:
  --port N     port to listen on (default 4173; 0 picks a free one)
  --dir DIR    serve this built app folder instead of the bundled one
  -h, --help   show this help

Stop it with Ctrl+C.`;

/**
 * The policy is the one the web build writes into the page's <meta> tag (its single source is
 * packages/web/src/csp.ts). It is read back from the built page and sent as a header as well,
 * because a header also covers the worker scripts and cannot be removed by editing the page. A
 * build without the tag is refused: the app is never served without its policy.
 */
export function builtAppPolicy(indexHtml: string): string | undefined {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(indexHtml)?.[1];
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

type Headers = Record<string, string>;

const securityHeaders = (policy: string): Headers => ({
  'Content-Security-Policy': policy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
});

export function defaultAppDir(): string {
  // packages/cli/dist/commands/app.js → packages/web/dist
  return fileURLToPath(new URL('../../../web/dist/', import.meta.url));
}

export const appCommand: Command = {
  name: 'app',
  summary: 'open the web app (served on 127.0.0.1 only)',
  help: APP_HELP,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { port: { type: 'string', default: '4173' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) {
      process.stdout.write(`${APP_HELP}\n`);
      return 0;
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a whole number from 0 to 65535');
    const root = resolve(values.dir ?? defaultAppDir());
    if (!existsSync(join(root, 'index.html'))) throw new Error(`the web app is not built (no ${join(root, 'index.html')}); run "npm run build" first`);
    const policy = builtAppPolicy(await readFile(join(root, 'index.html'), 'utf8'));
    if (policy === undefined) throw new Error(`${join(root, 'index.html')} has no Content-Security-Policy; rebuild the app with "npm run build"`);
    const headers = securityHeaders(policy);

    const server = createServer((request, response) => void serve(root, headers, request, response));
    await new Promise<void>((done, fail) => {
      server.once('error', (error: NodeJS.ErrnoException) => fail(error.code === 'EADDRINUSE' ? new Error(`port ${port} is in use; try --port 0 for a free one`) : error));
      server.listen(port, '127.0.0.1', done);
    });
    const address = server.address();
    const actual = typeof address === 'object' && address !== null ? address.port : port;
    process.stdout.write(`lowprofile is running at http://127.0.0.1:${actual}/\nOnly this computer can reach it. Press Ctrl+C to stop.\n`);
    await new Promise<void>((done) => {
      const stop = () => server.close(() => done());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

async function serve(root: string, headers: Headers, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    response.writeHead(400, headers).end();
    return;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const path = normalize(join(root, pathname));
  if (path !== root && !path.startsWith(root + sep)) {
    response.writeHead(404, headers).end();
    return;
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(path);
    const name = path.slice(root.length + 1);
    // Hashed assets never change; the page and the service worker must be revalidated.
    const cache = name.startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.writeHead(200, { ...headers, 'Content-Type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': cache });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  }
}
