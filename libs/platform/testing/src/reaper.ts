// A server this process started (a Kafka JVM, a postmaster) must not outlive it: if the test run
// is killed (Ctrl-C, SIGKILL, a crash) before the global teardown, a small detached watcher
// stops the server and removes its temporary directory within about a second.
import { spawn } from 'node:child_process';

export interface ReaperOptions {
  /** The server to stop when this process is gone. */
  pid: number;
  /** First signal. Default TERM (the Kafka JVM); INT = PostgreSQL fast shutdown. */
  signal?: 'TERM' | 'INT';
  /** Seconds between that signal and SIGKILL. Default 10. */
  graceSeconds?: number;
  /** Directory removed once this process is gone (stop() cancels the watcher, so only after a crash). */
  removeDir?: string;
}

export interface Reaper {
  /** The server was stopped normally: the watcher is no longer needed. */
  cancel(): void;
}

// $1 parent pid, $2 server pid, $3 signal, $4 grace seconds, $5 directory to remove (may be empty).
// A server seen dead while the parent lived is never signalled later (its PID may be reused).
const SCRIPT = `
gone=0
while kill -0 "$1" 2>/dev/null; do
  if [ "$gone" = 0 ] && ! kill -0 "$2" 2>/dev/null; then gone=1; fi
  sleep 1
done
if [ "$gone" = 0 ] && kill -0 "$2" 2>/dev/null; then
  kill -"$3" "$2" 2>/dev/null
  i=0
  while kill -0 "$2" 2>/dev/null && [ "$i" -lt "$4" ]; do sleep 1; i=$((i+1)); done
  kill -KILL "$2" 2>/dev/null
fi
if [ -n "$5" ]; then rm -rf -- "$5"; fi
exit 0
`;

export function reapOnParentExit(options: ReaperOptions): Reaper {
  // kill -0 / kill -TERM with 0 or a negative pid would address process groups: never.
  if (process.platform === 'win32' || !Number.isInteger(options.pid) || options.pid <= 1) return { cancel: () => undefined };
  const watcher = spawn(
    'sh',
    ['-c', SCRIPT, 'billing-reaper', String(process.pid), String(options.pid), options.signal ?? 'TERM', String(options.graceSeconds ?? 10), options.removeDir ?? ''],
    { detached: true, stdio: 'ignore' },
  );
  watcher.on('error', () => undefined);
  watcher.unref();
  return {
    cancel: () => {
      if (watcher.exitCode === null && watcher.signalCode === null) watcher.kill('SIGKILL');
    },
  };
}
