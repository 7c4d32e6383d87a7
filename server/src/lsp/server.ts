/** Placeholder until the language server lands (issue: the language server and the VS Code extension). */
export function startServer(): void {
  process.stderr.write('rsp-lint: the language server is not available in this build\n');
  process.exitCode = 2;
}
