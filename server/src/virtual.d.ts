declare module 'virtual:rule-docs' {
  /** docs/rules/<id>.md by rule id, inlined at build time (see esbuild.mjs). */
  const pages: Record<string, string>;
  export default pages;
}
