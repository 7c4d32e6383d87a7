import type { CliIO } from './io';
export function runRender(_argv: string[], _io: CliIO): number { return 2; }
