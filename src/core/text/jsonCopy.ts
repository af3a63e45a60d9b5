/**
 * A deep copy of JSON-shaped data (settings, presets): what a value looks like after Office stores
 * it and reads it back. (structuredClone is missing in some hosts, jsdom among them.)
 */
export function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
