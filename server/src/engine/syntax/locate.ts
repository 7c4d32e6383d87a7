/** From a data path to the smallest YAML node that shows it, as offsets. */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { DataPath } from '../types';

export type Anchor = 'key' | 'value' | 'item';

interface Found { node: Node | null | undefined; pair?: Pair; reached: number; last: Node | null | undefined; lastPair?: Pair }

export function walk(doc: Document.Parsed, path: DataPath): Found {
  let node = doc.contents as Node | null | undefined;
  let pair: Pair | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (isMap(node)) {
      const p = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (!p) return { node: undefined, reached: i, last: node, lastPair: pair };
      pair = p as Pair;
      node = p.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      pair = undefined;
      node = node.items[seg] as Node | null;
    } else {
      // An alias or a scalar on the way: the best we can show is that node.
      return { node: undefined, reached: i, last: node, lastPair: pair };
    }
  }
  return { node, pair, reached: path.length, last: node, lastPair: pair };
}

function span(n: Node | null | undefined): [number, number] | undefined {
  if (!n || !n.range) return undefined;
  return [n.range[0], n.range[1]];
}

/** The value that identifies a mapping inside a list (its id, level, threshold...). */
const ITEM_KEYS = ['id', 'level', 'threshold', 'safeguard', 'title'];

function itemSpan(n: Node | null | undefined): [number, number] | undefined {
  if (isMap(n)) {
    for (const k of ITEM_KEYS) {
      const p = n.items.find((it) => isScalar(it.key) && it.key.value === k);
      if (p && isScalar(p.value) && p.value.range && p.value.range[1] > p.value.range[0]) return span(p.value as Node);
    }
    const first = n.items[0];
    if (first && isScalar(first.key)) return span(first.key as Node);
  }
  if (isAlias(n) || isScalar(n)) return span(n);
  const s = span(n);
  return s ? [s[0], s[0]] : undefined;
}

/**
 * Offsets for a finding at `path`. `key`: the key of the last segment (for a list item,
 * its identifying value); `value`: its value (the key when the value is empty); `item`:
 * the identifying value of the mapping at `path` (for the root: the `kind` value).
 */
export function locate(doc: Document.Parsed, path: DataPath, at: Anchor): [number, number] {
  const f = walk(doc, path);
  if (f.reached < path.length) {
    // The path leaves the tree (an alias, a wrong type): show the deepest node reached.
    return span(f.last) && !isMap(f.last) && !isSeq(f.last) ? span(f.last)! : (span(f.lastPair?.key as Node) ?? rootSpan(doc));
  }
  if (path.length === 0) return rootSpan(doc);
  if (at === 'item') {
    if (f.pair && isScalar(f.pair.key)) return span(f.pair.key as Node)!;
    return itemSpan(f.node) ?? rootSpan(doc);
  }
  if (at === 'key') {
    if (f.pair) return span(f.pair.key as Node) ?? rootSpan(doc);
    return itemSpan(f.node) ?? rootSpan(doc);
  }
  const v = span(f.node);
  if (v && v[1] > v[0]) {
    if (isMap(f.node) || isSeq(f.node)) return f.pair ? span(f.pair.key as Node)! : (itemSpan(f.node) ?? v);
    return v;
  }
  if (f.pair) return span(f.pair.key as Node) ?? rootSpan(doc);
  return itemSpan(f.node) ?? rootSpan(doc);
}

/** The root of a document: the `kind` value, else its first key, else its start. */
export function rootSpan(doc: Document.Parsed): [number, number] {
  const c = doc.contents as Node | null;
  if (isMap(c)) {
    const kind = c.items.find((it) => isScalar(it.key) && it.key.value === 'kind');
    if (kind && isScalar(kind.value) && kind.value.range && kind.value.range[1] > kind.value.range[0]) return span(kind.value as Node)!;
    const first = c.items[0];
    if (first && first.key) return span(first.key as Node)!;
  }
  const s = span(c);
  return s ? [s[0], s[0]] : [0, 0];
}

/** Source text of the node at `path`, if it is a scalar (for messages such as "quote it"). */
export function sourceOf(doc: Document.Parsed, text: string, path: DataPath): string | undefined {
  const f = walk(doc, path);
  if (f.reached === path.length && isScalar(f.node) && f.node.range) return text.slice(f.node.range[0], f.node.range[1]);
  return undefined;
}

/** Offsets of the whole node at `path` (e.g. a list item's mapping), if it exists. */
export function fullSpan(doc: Document.Parsed, path: DataPath): [number, number] | undefined {
  const f = walk(doc, path);
  return f.reached === path.length ? span(f.node) : undefined;
}
