/** What the language server needs from where it runs: Node (node.ts) or a web worker (browser.ts). */
import type { Host } from '../engine/workspace/host';
import type { DocPair } from '../engine/diff/review';
import type { Workspace } from '../engine/workspace/workspace';

export interface Platform {
  host: Host;
  /** A document URI as a path the engine's Host understands, and back. */
  toPath(uri: string): string;
  toUri(path: string): string;
  /** The link of a rule's documentation page. */
  docsHref(rule: string): string;
  /** Whether a regular file exists at path (a closed document that was deleted is forgotten). */
  exists(path: string): boolean;
  /** The first bytes of a file as text (to look for `format: rsp/v1`), if they can be had now. */
  sniff(path: string): string | undefined;
  /** The RSP documents and configuration files under a workspace folder. */
  scan(root: string): Promise<{ targets: string[]; configs: string[] }>;
  isInside(path: string, root: string): boolean;
  /** A file changed on disk (file watcher): drop what is cached of it. */
  changed?(path: string): void;
  /** Tells the server when a read started by an analysis has finished (the file is then cached). */
  onRead?(listener: (path: string) => void): void;
  /** Set while reads started by an analysis are in flight: resolves when they are all done. */
  loading?(): Promise<void> | undefined;
  /**
   * Node only (git runs as a child process): the documents under `root` to review against
   * `base`, and a workspace that loads their old versions. Throws an Error with a one-line
   * message for a ref or folder git does not know.
   */
  changeReview?(root: string, base: string, label?: string): { pairs: DocPair[]; oldWs: Workspace; base: string };
  /** Node only: refs to offer for a review of `root` (a pull request's merge base first). */
  reviewBases?(root: string): Array<{ ref: string; label: string; detail: string }>;
}
