/** How the engine reads files. The CLI and the server each pass their own. */

export type ReadFailure = 'missing' | 'directory' | 'special' | 'too-large' | 'unreadable';

export type HostRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: ReadFailure; message: string; /** For 'too-large': the first few KiB. */ head?: Uint8Array };

export interface Host {
  /**
   * Read a regular file of at most `maxBytes` bytes. Never blocks on a FIFO or device
   * and never reads more than `maxBytes + 1` bytes.
   */
  readFile(path: string, maxBytes: number): HostRead;
  /** Absolute, normalised form of a path; `resolve(dir, rel)` joins. */
  resolve(...parts: string[]): string;
  dirname(path: string): string;
  /** Path as shown to the user in messages (relative where that helps). */
  display(path: string): string;
}
