// The messaging lib logs through this narrow interface so a service can hand it Nest's Logger (or
// anything else) while tests and the CLI use the console default.
export type LogFields = Record<string, unknown>;

export interface MessagingLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** One JSON line per entry on stderr; stdout stays free for CLI output. */
export function consoleLogger(scope: string, minLevel: 'debug' | 'info' | 'warn' | 'error' = 'info'): MessagingLogger {
  const order = { debug: 0, info: 1, warn: 2, error: 3 } as const;
  const write = (level: keyof typeof order) => (message: string, fields?: LogFields) => {
    if (order[level] < order[minLevel]) return;
    const line = JSON.stringify({ at: new Date().toISOString(), level, scope, message, ...fields }, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
    process.stderr.write(`${line}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: MessagingLogger = { debug() {}, info() {}, warn() {}, error() {} };

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
