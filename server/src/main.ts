/** Entry point of `rsp-lint`: the CLI, or the language server with --stdio. */
import { version } from '../../package.json';
import { runWorkerIfAny } from './cli/check';
import { runCli } from './cli/main';

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
    code = await runCli(argv, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      cwd: process.cwd(),
      isTTY: !!process.stdout.isTTY,
      env: process.env,
    }, version);
  } catch (e) {
    process.stderr.write(`rsp-lint: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    code = 2;
  }
  process.exitCode = code;
}

void main();
