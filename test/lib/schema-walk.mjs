// One walker over a JSON schema for the tests that hold every schema to its promise: every
// property has a description, and every object that lists properties says whether others are
// allowed (additionalProperties). Goes into items, then, anyOf, allOf and definitions; the
// branches of then / anyOf / allOf add constraints to an object declared elsewhere, so they need
// not close it themselves.

/** Where `schema` falls short, as paths like `.goals[items].owner` or `#role (additionalProperties unset)`; [] when it does not. */
export function undescribed(schema) {
  const missing = [];
  const walk = (s, at) => {
    if (!s || typeof s !== 'object') return;
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      if (!v.description) missing.push(`${at}.${k}`);
      walk(v, `${at}.${k}`);
    }
    for (const key of ['items', 'then']) if (s[key]) walk(s[key], `${at}[${key}]`);
    for (const key of ['anyOf', 'allOf']) (s[key] ?? []).forEach((x, i) => walk(x, `${at}<${key}${i}>`));
    if (s.definitions) for (const [k, v] of Object.entries(s.definitions)) walk(v, `#${k}`);
    if (s.properties && s.additionalProperties === undefined && !at.includes('[then]') && !at.includes('<')) missing.push(`${at} (additionalProperties unset)`);
  };
  walk(schema, '');
  return missing;
}
