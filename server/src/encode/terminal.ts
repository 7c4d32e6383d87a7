/**
 * Terminal and log output (stylish, stderr messages, LSP diagnostic messages shown as plain
 * text): one line per item, no escape sequence, no control character, no bidi override.
 * Colour codes are the tool's own and are added around already-encoded text.
 */
import { visible } from './text';

/** Document text or a file name as one visible line. */
export function terminalText(s: unknown): string {
  return visible(s);
}
