/**
 * The language server in a web worker (vscode.dev, github.dev): the same server, with files read
 * through the client. A worker has no file system, so the server asks the extension
 * (`rsp/readFile`, answered with vscode.workspace.fs) and keeps what it read; the engine reads
 * synchronously from that cache, and an analysis that needed a file not yet read is published
 * once the read is done (server.ts). No Node built-ins are bundled here (esbuild platform browser).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, type Connection } from 'vscode-languageserver/browser';
import { docsUrl } from '../engine/rules/docs';
import type { Host, HostRead, ReadFailure } from '../engine/workspace/host';
import { isConfigName, isRspDocument, isYamlName, suffixKind } from '../engine/model/kinds';
import { formatBytes } from '../engine/syntax/parse';
import { startServer } from './server';
import { dirname, displayPath, pathToUri, resolve, uriToPath } from './vpath';

export const READ_FILE_REQUEST = 'rsp/readFile';
export const FIND_FILES_REQUEST = 'rsp/findFiles';
export type ReadFileResult = { ok: true; base64: string } | { ok: false; reason: ReadFailure; size?: number; head?: string };

const MAX_SCAN = 5_000;

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Files read through the client, cached until a watcher says they changed. */
export class RemoteHost implements Host {
  private readonly cache = new Map<string, HostRead>();
  private readonly inflight = new Map<string, Promise<void>>();
  /** Called when a read has finished and its result is cached. */
  onRead: (path: string) => void = () => undefined;
  constructor(private readonly read: (uri: string, maxBytes: number) => Promise<ReadFileResult>) {}

  readFile(path: string, maxBytes: number): HostRead {
    const c = this.cache.get(path);
    if (!c) {
      void this.load(path, maxBytes);
      return this.cache.get(path) ?? { ok: false, reason: 'missing', message: `${this.display(path)} is being read` };
    }
    if (c.ok && c.bytes.length > maxBytes) return { ok: false, reason: 'too-large', message: `${this.display(path)} is over the limit of ${formatBytes(maxBytes)}`, head: c.bytes.subarray(0, 4096) };
    return c;
  }

  /** Reads a file into the cache (once; again after forget). */
  load(path: string, maxBytes = 4 * 1024 * 1024): Promise<void> {
    if (this.cache.has(path)) return Promise.resolve();
    const pending = this.inflight.get(path);
    if (pending) return pending;
    const uri = pathToUri(path);
    if (!uri) { this.cache.set(path, { ok: false, reason: 'missing', message: `${this.display(path)} does not exist` }); return Promise.resolve(); }
    const p = this.read(uri, maxBytes).then((r) => {
      this.cache.set(path, this.toRead(path, r, maxBytes));
    }, (e: unknown) => {
      this.cache.set(path, { ok: false, reason: 'unreadable', message: `${this.display(path)} cannot be read (${(e as Error)?.message ?? e})` });
    }).finally(() => { this.inflight.delete(path); this.onRead(path); });
    this.inflight.set(path, p);
    return p;
  }

  private toRead(path: string, r: ReadFileResult, maxBytes: number): HostRead {
    const shown = this.display(path);
    if (r.ok) return { ok: true, bytes: fromBase64(r.base64) };
    switch (r.reason) {
      case 'missing': return { ok: false, reason: 'missing', message: `${shown} does not exist` };
      case 'directory': return { ok: false, reason: 'directory', message: `${shown} is a folder, not a file` };
      case 'too-large': return { ok: false, reason: 'too-large', message: `${shown} is ${formatBytes(r.size ?? maxBytes + 1)}, over the limit of ${formatBytes(maxBytes)}`, ...(r.head ? { head: fromBase64(r.head) } : {}) };
      case 'special': return { ok: false, reason: 'special', message: `${shown} is not a regular file; it was not read` };
      default: return { ok: false, reason: 'unreadable', message: `${shown} cannot be read` };
    }
  }

  forget(path: string): void { this.cache.delete(path); }
  /** While reads are in flight: a promise for all of them. */
  loading(): Promise<void> | undefined {
    return this.inflight.size ? Promise.all([...this.inflight.values()]).then(() => undefined) : undefined;
  }
  has(path: string): boolean { const c = this.cache.get(path); return !!c && c.ok; }
  text(path: string): string | undefined {
    const c = this.cache.get(path);
    if (!c) { void this.load(path); return undefined; }
    return c.ok ? new TextDecoder().decode(c.bytes.subarray(0, 64 * 1024)) : undefined;
  }

  resolve(...parts: string[]): string { return resolve(...parts); }
  dirname(path: string): string { return dirname(path); }
  display(path: string): string { return displayPath(path); }
}

export function startBrowserServer(connection: Connection): void {
  const host = new RemoteHost((uri, maxBytes) => connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri, maxBytes }));
  startServer(connection, {
    host,
    toPath: uriToPath,
    toUri: (path) => pathToUri(path) ?? path,
    docsHref: docsUrl,
    exists: (path) => host.has(path),
    sniff: (path) => host.text(path),
    scan: async (root) => {
      const uri = pathToUri(root);
      if (!uri) return { targets: [], configs: [] };
      const uris = (await connection.sendRequest<string[]>(FIND_FILES_REQUEST, { uri })).slice(0, MAX_SCAN);
      const targets: string[] = [];
      const configs: string[] = [];
      for (const u of uris) {
        const p = uriToPath(u);
        if (isConfigName(p)) configs.push(p);
        else if (suffixKind(p)) targets.push(p);
        else if (isYamlName(p)) { await host.load(p); if (isRspDocument(p, () => host.text(p))) targets.push(p); }
      }
      return { targets: targets.sort(), configs };
    },
    isInside: (path, root) => path.startsWith(`${root}/`),
    changed: (path) => host.forget(path),
    loading: () => host.loading(),
    onRead: (listener) => { host.onRead = listener; },
  });
}

// In a worker: serve over postMessage.
declare const self: { postMessage?: unknown } | undefined;
if (typeof self !== 'undefined' && typeof (self as { importScripts?: unknown }).importScripts === 'function') {
  const scope = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
  startBrowserServer(createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope)));
}
