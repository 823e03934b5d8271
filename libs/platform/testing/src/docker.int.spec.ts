// Docker detection must answer quickly and never hang, whatever DOCKER_HOST points at.
import { createServer } from 'node:net';
import { detectDockerEngine } from './docker.js';

describe('detectDockerEngine', () => {
  const saved = process.env.DOCKER_HOST;
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it('says no within its bound when DOCKER_HOST accepts connections but never answers', async () => {
    const silent = createServer(() => undefined); // accepts, never replies
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    process.env.DOCKER_HOST = `tcp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const started = Date.now();
      expect(await detectDockerEngine(300)).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.close();
    }
  });

  it('says no when DOCKER_HOST points at a socket that does not exist', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    expect(await detectDockerEngine(300)).toBeUndefined();
  });
});
