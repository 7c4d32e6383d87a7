/** Safety limits: every document is analysed in bounded time and memory. */
export interface Limits {
  /** Largest document analysed, in bytes (UTF-8) or UTF-16 units for editor text. */
  maxFileBytes: number;
  /** Deepest nesting of mappings/sequences. The YAML composer recurses per level. */
  maxDepth: number;
  /** yaml's alias budget: aliases resolved × size of what they point to. */
  maxAliasExpansion: number;
  /** Findings kept per file; the rest are summarised in one finding. */
  maxFindingsPerFile: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 4 * 1024 * 1024,
  maxDepth: 64,
  maxAliasExpansion: 100,
  maxFindingsPerFile: 1000,
});

/** Lowest values a configuration may set (as in schemas/rsp-lint-config.schema.json). */
export const LIMIT_FLOORS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 1024,
  maxDepth: 8,
  maxAliasExpansion: 0,
  maxFindingsPerFile: 1,
});

/** Hard ceilings a configuration may not exceed (a config must not be able to re-open the hole). */
export const LIMIT_CEILINGS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxDepth: 256,
  maxAliasExpansion: 100_000,
  maxFindingsPerFile: 100_000,
});
