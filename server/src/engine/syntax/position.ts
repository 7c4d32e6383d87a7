/** From an offset in the text to the YAML node under it and its data path. */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { DataPath } from '../types';

export interface NodeAt {
  path: DataPath;
  /** The scalar (or collection) under the offset. */
  node: Node;
  /** True when the offset is on a mapping key; `path` then ends with that key. */
  isKey: boolean;
  /** For a scalar: its offsets. */
  start: number;
  end: number;
}

function contains(n: Node | null | undefined, offset: number): boolean {
  return !!n?.range && offset >= n.range[0] && offset <= n.range[1];
}

export function nodeAt(doc: Document.Parsed, offset: number): NodeAt | undefined {
  let node = doc.contents as Node | null;
  const path: Array<string | number> = [];
  for (let guard = 0; node && guard < 1000; guard++) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const p of node.items as Pair<Node | null, Node | null>[]) {
        if (contains(p.key, offset) && isScalar(p.key)) {
          return { path: [...path, String(p.key.value)], node: p.key, isKey: true, start: p.key.range![0], end: p.key.range![1] };
        }
        if (contains(p.value, offset) && isScalar(p.key)) { path.push(String(p.key.value)); next = p.value; break; }
      }
      if (!next) return undefined;
      node = next;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => contains(it as Node, offset));
      if (i === -1) return undefined;
      path.push(i);
      node = node.items[i] as Node;
    } else {
      return node.range ? { path, node, isKey: false, start: node.range[0], end: node.range[1] } : undefined;
    }
  }
  return undefined;
}
