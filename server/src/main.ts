/** Entry point of `rsp-lint`: the CLI, or the language server with --stdio. */
import { version } from '../../package.json';
import { runWorkerIfAny } from './cli/check';
import { processIO } from './cli/io';
import { runCli } from './cli/main';
import { terminalText } from './encode';

async function main(): Promise<void> {
  if (runWorkerIfAny()) return;
  const argv = process.argv.slice(2);
  if (argv.includes('--stdio') || argv.includes('--node-ipc') || argv.some((a) => a.startsWith('--socket') || a.startsWith('--pipe'))) {
    // Loaded lazily: the CLI never pays for the language server.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./lsp/node').startNodeServer();
    return;
  }
  let code: number;
  try {
    code = await runCli(argv, processIO(), version);
  } catch (e) {
    const lines = String((e as Error)?.stack ?? e).split('\n');
    process.stderr.write(`rsp-lint: internal error: ${lines.map(terminalText).join('\n')}\n`);
    code = 2;
  }
  process.exitCode = code;
}

void main();
