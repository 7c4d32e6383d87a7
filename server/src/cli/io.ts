/** What a CLI command reads and writes: the process's streams, folder and environment. */
import { terminalText } from '../encode';

export interface CliIO {
  stdout: (s: string) => void;
  /** One message per call, one line: whatever it quotes is written visibly on that line. */
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** A message line for stderr: its text made visible (a path or value with a newline or an
 *  escape sequence cannot start another line or move the cursor), ending in one newline. */
export function messageLine(s: string): string {
  return `${terminalText(s.endsWith('\n') ? s.slice(0, -1) : s)}\n`;
}

/** The CLI's IO on this process. */
export function processIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(messageLine(s)),
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
  };
}
