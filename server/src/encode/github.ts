/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`). The runner reads a
 * command from one line; GitHub documents that data must escape `%`, CR and LF, and properties
 * also `:` and `,`. On top of that, hidden characters are made visible first, so no document
 * text can end the command, start another one on a new line, or hide inside the log.
 */
import { visible } from './text';

export function workflowData(s: unknown): string {
  return visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function workflowProperty(s: unknown): string {
  return workflowData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line (with its newline); property names and the command are ours. */
export function workflowCommand(command: 'error' | 'warning' | 'notice', props: Array<[string, string | number]>, message: unknown): string {
  const p = props.map(([k, v]) => `${k}=${typeof v === 'number' ? String(v) : workflowProperty(v)}`).join(',');
  return `::${command}${p ? ` ${p}` : ''}::${workflowData(message)}\n`;
}
