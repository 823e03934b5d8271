// A minimal Server-Sent Events client over fetch for the tests: parses frames as they arrive,
// records messages and comments, waits for a message with a deadline, and notices the end.
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  receivedAtMs: number;
}

export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  retryMs: number | undefined;
  /** resolves when the server ends the stream (or it breaks). */
  readonly ended: Promise<'ended' | 'error'>;
  private buffer = '';
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly body: ReadableStream<Uint8Array> | null,
    private readonly abort: AbortController,
  ) {
    this.ended = this.pump();
  }

  /** Opens the stream; a non-200 answer is returned with its body text and no stream. */
  static async connect(url: string, headers: Record<string, string> = {}): Promise<SseClient & { text?: string }> {
    const abort = new AbortController();
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    if (res.status !== 200) {
      const text = await res.text();
      return Object.assign(new SseClient(res.status, res.headers, null, abort), { text });
    }
    return new SseClient(res.status, res.headers, res.body, abort);
  }

  /** The first message (already received or coming) that matches, within `timeoutMs`. */
  async next(match: (message: SseMessage) => boolean, timeoutMs = 5_000, what = 'a matching message'): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => [m.event, m.id]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(): Promise<'ended' | 'error'> {
    if (this.body === null) return 'ended';
    const reader = this.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'ended';
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) !== -1) {
          this.frame(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
        }
        for (const wake of [...this.waiters]) {
          this.waiters.delete(wake);
          wake();
        }
      }
    } catch {
      return 'error';
    } finally {
      for (const wake of [...this.waiters]) wake();
    }
  }

  private frame(block: string): void {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
      else if (line.startsWith('retry: ')) this.retryMs = Number(line.slice(7));
    }
    if (data.length === 0) return;
    const text = data.join('\n');
    this.messages.push({ id, event, data: text, json: JSON.parse(text), receivedAtMs: Date.now() });
  }
}
