/**
 * A deep copy of JSON data (plain objects, arrays, strings, numbers, booleans, null). Much cheaper
 * than structuredClone for the small flat records the simulator stores, which matters because the
 * in-memory Store copies every value in and out.
 */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // defineProperty, so a key named "__proto__" stays data and never becomes the prototype.
    const item = cloneJson((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
}
