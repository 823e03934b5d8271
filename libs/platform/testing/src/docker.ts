// Does a Docker engine answer? Asked before reaching for testcontainers (docs/ARCHITECTURE.md, Tests), quickly and
// without ever hanging: DOCKER_HOST or the usual sockets, one `GET /_ping` each, short timeout.
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface DockerEndpoint {
  /** e.g. `unix:///var/run/docker.sock` or `tcp://10.0.0.5:2376` */
  endpoint: string;
}

function candidateEndpoints(): string[] {
  const fromEnv = process.env.DOCKER_HOST;
  if (fromEnv) return [fromEnv];
  const endpoints: string[] = [];
  const propertiesFile = path.join(os.homedir(), '.testcontainers.properties');
  if (existsSync(propertiesFile)) {
    const match = /^\s*docker\.host\s*=\s*(\S+)/m.exec(readFileSync(propertiesFile, 'utf8'));
    if (match?.[1]) endpoints.push(match[1]);
  }
  const sockets = [
    '/var/run/docker.sock',
    process.env.XDG_RUNTIME_DIR ? path.join(process.env.XDG_RUNTIME_DIR, 'docker.sock') : undefined,
    path.join(os.homedir(), '.docker', 'run', 'docker.sock'),
    path.join(os.homedir(), '.docker', 'desktop', 'docker.sock'),
    path.join(os.homedir(), '.colima', 'default', 'docker.sock'),
    path.join(os.homedir(), '.rd', 'docker.sock'),
  ];
  for (const socket of sockets) if (socket && existsSync(socket)) endpoints.push(`unix://${socket}`);
  return endpoints;
}

function ping(endpoint: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    if (endpoint.startsWith('unix://') || endpoint.startsWith('tcp://') || endpoint.startsWith('http://')) {
      const url = endpoint.startsWith('unix://') ? undefined : new URL(endpoint.replace(/^tcp:/, 'http:'));
      if (url && process.env.DOCKER_TLS_VERIFY) {
        // A TLS engine needs client certificates for /_ping; an open port is answer enough here.
        const socket = connect({ host: url.hostname, port: Number(url.port || 2376) });
        socket.once('connect', () => (socket.destroy(), done(true)));
        socket.once('error', () => done(false));
        socket.setTimeout(timeoutMs, () => (socket.destroy(), done(false)));
        return;
      }
      const req = request(
        {
          ...(url ? { host: url.hostname, port: Number(url.port || 2375) } : { socketPath: endpoint.slice('unix://'.length) }),
          path: '/_ping',
          method: 'GET',
          timeout: timeoutMs,
        },
        (res) => {
          res.resume();
          done(res.statusCode === 200);
        },
      );
      req.once('error', () => done(false));
      req.once('timeout', () => (req.destroy(), done(false)));
      req.end();
      return;
    }
    done(false); // npipe:// or ssh:// — not probed
  });
}

/** The first Docker endpoint that answers `/_ping` within `timeoutMs`, or undefined. */
export async function detectDockerEngine(timeoutMs = 1_500): Promise<DockerEndpoint | undefined> {
  for (const endpoint of candidateEndpoints()) {
    if (await ping(endpoint, timeoutMs)) return { endpoint };
  }
  return undefined;
}
