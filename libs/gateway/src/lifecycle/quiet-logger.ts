// The product's console logger: Nest's, without the ~150 start-up lines that list every module
// loaded and every route mapped (InstanceLoader, RoutesResolver, RouterExplorer). They buried the
// one banner a new user must read — the generated admin password — far above the prompt. Warnings
// and errors from those contexts still show.
import { ConsoleLogger, type LogLevel } from '@nestjs/common';

const START_UP_CONTEXTS: ReadonlySet<string> = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export class QuietStartupLogger extends ConsoleLogger {
  constructor(levels: LogLevel[] = ['error', 'warn', 'log']) {
    super();
    this.setLogLevels(levels);
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) return;
    super.log(message, ...optionalParams);
  }
}
