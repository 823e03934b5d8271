// Process lifecycle for the entry points: ordered, bounded shutdown on SIGTERM/SIGINT/SIGHUP.
// Steps run one after another (HTTP first, the database last); a second signal or the overall
// timeout ends the process at once with exit code 1.
import type { Server } from 'node:http';

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
}

export interface ShutdownOptions {
  /** the whole sequence; past it the process exits with 1 (default 25 s, under k8s' 30 s grace). */
  timeoutMs?: number;
  log?: (line: string) => void;
  signals?: readonly NodeJS.Signals[];
  exit?: (code: number) => void;
}

export interface ShutdownHandle {
  /** runs the steps once (later calls get the same promise); resolves with the exit code. */
  shutdown(reason: string): Promise<number>;
  /** removes the signal handlers (tests). */
  dispose(): void;
}

export function installGracefulShutdown(steps: readonly ShutdownStep[], options: ShutdownOptions = {}): ShutdownHandle {
  const timeoutMs = options.timeoutMs ?? 25_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT', 'SIGHUP'];
  let running: Promise<number> | undefined;

  const shutdown = (reason: string): Promise<number> => {
    running ??= (async () => {
      const started = Date.now();
      log(`shutting down (${reason})…`);
      const timer = setTimeout(() => {
        log(`shutdown did not finish within ${timeoutMs} ms; exiting`);
        exit(1);
      }, timeoutMs);
      timer.unref();
      let code = 0;
      for (const step of steps) {
        const stepStarted = Date.now();
        try {
          await step.run();
          log(`  ${step.name}: done in ${Date.now() - stepStarted} ms`);
        } catch (error) {
          code = 1;
          log(`  ${step.name}: failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      clearTimeout(timer);
      log(`stopped in ${Date.now() - started} ms`);
      return code;
    })();
    return running;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (running !== undefined) {
      log(`${signal} again: exiting now`);
      exit(1);
      return;
    }
    void shutdown(signal).then(exit);
  };
  for (const signal of signals) process.on(signal, onSignal);
  return {
    shutdown,
    dispose: () => signals.forEach((signal) => process.off(signal, onSignal)),
  };
}

/**
 * Stops accepting connections, closes idle keep-alive connections, lets requests in flight
 * finish for up to `drainMs`, then cuts what is left (SSE streams, slow clients).
 */
export function closeHttpServer(server: Server, drainMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    const timer = setTimeout(() => server.closeAllConnections(), drainMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
