// The Authorization header → Principal, without HTTP: the switch's HTTP Basic form is parsed
// strictly and taken only where the route admits the switch.
import { jest } from '@jest/globals';
import { AuthService } from './auth.service.js';
import type { CredentialsService } from './credentials.service.js';
import type { GatewaySecrets } from './gateway-secrets.js';
import type { Sessions } from './sessions.js';
import { SWITCH_PRINCIPAL } from './principal.js';
import type { ResolvedGatewayOptions } from '../gateway.tokens.js';
import { ProblemException } from '../problem/problem.js';

const KEY = 'sk:with:colons-0123456789-abcdef';

function service() {
  const isSwitchApiKey = jest.fn((candidate: string) => candidate === KEY);
  const secrets = { jwtSecret: 'x'.repeat(48), isSwitchApiKey } as unknown as GatewaySecrets;
  const options = { accessTokenTtlSeconds: 60, loginThrottle: {} } as unknown as ResolvedGatewayOptions;
  return { auth: new AuthService({} as CredentialsService, secrets, options, {} as Sessions), isSwitchApiKey };
}

const basic = (userAndPassword: string, scheme = 'Basic') => `${scheme} ${Buffer.from(userAndPassword, 'utf8').toString('base64')}`;

async function status(promise: Promise<unknown>): Promise<{ status: number; challenge: string | undefined }> {
  try {
    await promise;
    return { status: 200, challenge: undefined };
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return { status: error.getStatus(), challenge: error.headers['WWW-Authenticate'] };
  }
}

describe('AuthService: the switch API key as HTTP Basic', () => {
  it('takes user "switch" with the key as password on switch routes (the password may hold colons)', async () => {
    const { auth } = service();
    await expect(auth.authenticate(basic(`switch:${KEY}`), { switchBasic: true })).resolves.toEqual(SWITCH_PRINCIPAL);
    await expect(auth.authenticate(`  ${basic(`switch:${KEY}`, 'basic')} `, { switchBasic: true })).resolves.toEqual(SWITCH_PRINCIPAL);
  });

  it.each([
    ['a wrong key', basic(`switch:${KEY}x`)],
    ['another user', basic(`admin:${KEY}`)],
    ['no user', basic(`:${KEY}`)],
    ['no colon', basic(KEY)],
    ['not base64', 'Basic ***'],
    ['an empty password', basic('switch:')],
  ])('answers 401 with a Basic challenge for %s', async (_what, header) => {
    const { auth } = service();
    const result = await status(auth.authenticate(header, { switchBasic: true }));
    expect(result.status).toBe(401);
    expect(result.challenge).toMatch(/^Bearer, Basic realm="/);
  });

  it('refuses Basic on any other route before looking at the key (no way to test keys there)', async () => {
    const { auth, isSwitchApiKey } = service();
    expect(await status(auth.authenticate(basic(`switch:${KEY}`)))).toEqual({ status: 401, challenge: 'Bearer' });
    expect(await status(auth.authenticate(basic(`switch:${KEY}`), { switchBasic: false }))).toEqual({ status: 401, challenge: 'Bearer' });
    expect(isSwitchApiKey).not.toHaveBeenCalled();
  });

  it('offers Basic in the challenge of a switch route called without credentials', async () => {
    const { auth } = service();
    expect((await status(auth.authenticate(undefined, { switchBasic: true }))).challenge).toMatch(/Basic/);
    expect((await status(auth.authenticate(undefined))).challenge).toBe('Bearer');
  });
});
