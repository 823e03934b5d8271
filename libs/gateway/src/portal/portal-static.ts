// Serves the built portal (`vite build` output: index.html + assets/) at `/`, with the SPA
// fallback: a GET/HEAD that accepts HTML and is neither /api/*, /health nor an existing file
// answers index.html, so a reload of `/agent/customers?status=active` opens the portal at that
// route. Everything else falls through to the API (an unknown /api/* path keeps its problem+json
// 404; an unknown /assets/x.js is a 404, never index.html, so a stale bundle fails loudly).
// Hashed files under /assets/ never change: cached for a year; index.html is revalidated on
// every load so a new build is picked up at once. The folder is read on each request: a portal
// built while the product runs is served without a restart; not built → 503 saying how.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { HttpRequest, HttpResponse } from '../http-types.js';
import { PROBLEM_CONTENT_TYPE, ProblemException } from '../problem/problem.js';

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

type Next = (error?: unknown) => void;

/** Paths the API owns: never a portal file, never index.html. */
function isApiPath(urlPath: string): boolean {
  return urlPath === '/api' || urlPath.startsWith('/api/') || urlPath === '/health' || urlPath.startsWith('/health/');
}

/** `Accept` admits HTML (a browser's navigation; also `*​/*` and no header, as curl sends). */
export function acceptsHtml(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    if (params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(param))) return false;
    return type === 'text/html' || type === 'text/*' || type === '*/*';
  });
}

/** The file a URL path names inside `root`, or undefined (outside it, a dotfile, undecodable). */
export function fileInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const file = path.resolve(root, ...segments);
  return file.startsWith(`${root}${path.sep}`) ? file : undefined;
}

export function portalStatic(portalDir: string): (request: HttpRequest, response: HttpResponse, next: Next) => void {
  const root = path.resolve(portalDir);
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const urlPath = request.path;
    if (isApiPath(urlPath)) return next();
    void serve(root, urlPath, request, response, next).catch(next);
  };
}

async function serve(root: string, urlPath: string, request: HttpRequest, response: HttpResponse, next: Next): Promise<void> {
  const file = fileInside(root, urlPath);
  const found = file === undefined ? undefined : await regularFile(file);
  if (file !== undefined && found !== undefined) {
    const cache = urlPath.startsWith('/assets/') ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
    return sendFile(request, response, file, found, cache);
  }
  if (urlPath.startsWith('/assets/') || !acceptsHtml(request.headers.accept)) return next();
  const index = path.join(root, 'index.html');
  const indexStat = await regularFile(index);
  if (indexStat === undefined) {
    const problem = new ProblemException(503, 'portal_not_built', `The web portal is not built (no ${index}): run \`npm run build\` (or \`npm start\`, which builds it), or set PORTAL_DIR to the folder holding the built portal. The API is at /api/v1.`, {
      title: 'Portal not built',
    }).problem;
    problem.instance = urlPath;
    response.status(503).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
    return;
  }
  sendFile(request, response, index, indexStat, REVALIDATE_CACHE);
}

async function regularFile(file: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(request: HttpRequest, response: HttpResponse, file: string, info: { size: number; mtimeMs: number }, cacheControl: string): void {
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('ETag', etag);
  response.setHeader('Last-Modified', new Date(info.mtimeMs).toUTCString());
  response.setHeader('Content-Type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  if (request.headers['if-none-match'] === etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.setHeader('Content-Length', String(info.size));
  response.statusCode = 200;
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
