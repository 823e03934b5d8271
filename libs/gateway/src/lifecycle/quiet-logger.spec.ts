import { QuietStartupLogger } from './quiet-logger.js';

function captured(run: (logger: QuietStartupLogger) => void): string {
  const lines: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    run(new QuietStartupLogger());
  } finally {
    process.stdout.write = write;
  }
  return lines.join('');
}

it('drops the module and route listing of the start-up', () => {
  const out = captured((logger) => {
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/api/v1/agents, GET} route', 'RouterExplorer');
    logger.log('AgentsController {/api/v1/agents}:', 'RoutesResolver');
  });
  expect(out).toBe('');
});

it('keeps every other log line', () => {
  const out = captured((logger) => logger.log('ITC billing is running', 'Bootstrap'));
  expect(out).toContain('ITC billing is running');
});
