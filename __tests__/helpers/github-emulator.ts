/**
 * A stand-in for the GitHub REST API on 127.0.0.1 that records every request, so end-to-end tests can point
 * GITHUB_API_URL at it and assert exactly what the action asked for. Routes are added per test; the first
 * route (in the order added) whose method and pattern match answers. A handler may answer JSON (`body`), raw
 * bytes (`raw`, e.g. a zip) or a redirect (`status: 302` with a `location` header).
 *
 * Every JSON answer is checked against GitHub's published OpenAPI description of that operation (helpers/openapi):
 * an answer that GitHub could not give is recorded in `violations` and replaced by a 500 that says why, so the
 * test fails instead of passing on a made-up shape.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateResponse } from './openapi.js';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body's bytes, for binary uploads. */
  raw: Buffer;
}

export interface Reply {
  status: number;
  body?: unknown;
  raw?: Buffer | string;
  headers?: Record<string, string>;
}

export type Handler = (req: RecordedRequest, match: RegExpExecArray) => Reply;

export interface GitHubEmulator {
  url: string;
  requests: RecordedRequest[];
  /** Answers that did not match GitHub's REST description (each test expects this to stay empty). */
  violations: string[];
  route(method: string, pattern: RegExp, handler: Handler): void;
  /** Forgets the recorded requests and the routes (between tests sharing one server). */
  reset(): void;
  close(): Promise<void>;
}

export async function startGitHubEmulator(): Promise<GitHubEmulator> {
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        raw: Buffer.concat(chunks)
      };
      requests.push(rec);
      let out: Reply = { status: 404, body: { message: 'Not Found (emulator has no route)' } };
      for (const r of routes) {
        const m = r.method === rec.method ? r.pattern.exec(rec.url) : null;
        if (m) {
          try {
            out = r.handler(rec, m);
          } catch (e) {
            out = { status: 500, body: { message: `emulator handler failed: ${(e as Error).message}` } };
          }
          break;
        }
      }
      if (out.raw === undefined && out.body !== undefined) {
        const problems = validateResponse(rec.method, rec.url, out.status, out.body);
        if (problems.length) {
          violations.push(...problems);
          out = { status: 500, body: { message: `emulator answer does not match GitHub's REST description: ${problems.join('; ')}` } };
        }
      }
      if (out.raw !== undefined) {
        res.writeHead(out.status, { 'content-type': 'application/octet-stream', ...(out.headers ?? {}) });
        res.end(out.raw);
      } else {
        res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8', ...(out.headers ?? {}) });
        res.end(out.body === undefined ? '' : JSON.stringify(out.body));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    route: (method, pattern, handler) => routes.push({ method, pattern, handler }),
    reset: () => {
      requests.length = 0;
      routes.length = 0;
      violations.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      })
  };
}
