// Plain HTTP to the product for what the story does outside a browser: the softswitch posting
// its calls (it has no page), and — each named in the test — steps whose page is not built yet.
export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export class ProductApi {
  /** The steps the test did through the API instead of a page (listed at the end of the run). */
  readonly viaApi: string[] = [];

  constructor(readonly baseUrl: string) {}

  async request(method: string, urlPath: string, token: string, body?: unknown, idempotencyKey?: string): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(`${this.baseUrl}${urlPath}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  /** `request`, failing readably unless the answer is 2xx. */
  async expectOk(method: string, urlPath: string, token: string, body?: unknown, idempotencyKey?: string): Promise<Answer> {
    const answer = await this.request(method, urlPath, token, body, idempotencyKey);
    if (answer.status >= 300) throw new Error(`${method} ${urlPath}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  }

  async login(username: string, password: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  /** A step done through the API, named: the page for it does not exist yet. */
  async step<T>(what: string, run: () => Promise<T>): Promise<T> {
    this.viaApi.push(what);
    process.stdout.write(`[browser] via the API (no page yet): ${what}\n`);
    return run();
  }
}
