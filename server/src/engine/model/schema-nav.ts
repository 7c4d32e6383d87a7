/** Walk a JSON schema along a data path: for hovers and completion. */
import { schemaFor, schemaName } from './schema';
import type { DataPath, DocKind } from '../types';

export interface SchemaNode {
  description?: string;
  type?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  $ref?: string;
}

function deref(root: Record<string, unknown>, n: SchemaNode | undefined): SchemaNode | undefined {
  let cur = n;
  for (let i = 0; cur?.$ref && i < 10; i++) {
    const name = cur.$ref.replace('#/definitions/', '');
    const target = (root.definitions as Record<string, SchemaNode>)[name];
    // A property's own description wins over its definition's.
    cur = { ...target, ...(cur.description ? { description: cur.description } : {}), $ref: target?.$ref } as SchemaNode;
    if (!target?.$ref) delete cur.$ref;
  }
  return cur;
}

export function schemaAt(kind: DocKind | 'config', path: DataPath, format: 1 | 2 = 1): SchemaNode | undefined {
  const root = schemaFor(schemaName(kind, format));
  let n: SchemaNode | undefined = root as SchemaNode;
  for (const seg of path) {
    n = deref(root, n);
    if (!n) return undefined;
    if (typeof seg === 'number' || seg === '*') n = n.items;
    else n = n.properties?.[seg] ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined);
  }
  return deref(root, n);
}
