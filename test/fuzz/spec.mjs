// Large repro inputs are stored as a recipe instead of a file:
// { parts: ['literal text', { repeat: 'a: 1\n', times: 20000 }, …] }.
export const fromSpec = (spec) => spec.parts.map((p) => (typeof p === 'string' ? p : p.repeat.repeat(p.times))).join('');
