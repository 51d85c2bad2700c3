/**
 * A stand-in for the GitHub REST API on 127.0.0.1 that records every request, so end-to-end tests can point
 * GITHUB_API_URL at it and assert exactly what the action asked for. Routes are added per test.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: RecordedRequest) => { status: number; body?: unknown; headers?: Record<string, string> };

export interface GitHubEmulator {
  url: string;
  requests: RecordedRequest[];
  route(method: string, pattern: RegExp, handler: Handler): void;
  close(): Promise<void>;
}

export async function startGitHubEmulator(): Promise<GitHubEmulator> {
  const requests: RecordedRequest[] = [];
  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      };
      requests.push(rec);
      const route = routes.find((r) => r.method === rec.method && r.pattern.test(rec.url));
      const out = route ? route.handler(rec) : { status: 404, body: { message: 'Not Found (emulator has no route)' } };
      res.writeHead(out.status, { 'content-type': 'application/json', ...(out.headers ?? {}) });
      res.end(out.body === undefined ? '' : JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (method, pattern, handler) => routes.push({ method, pattern, handler }),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
  };
}
