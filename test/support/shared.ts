import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a JSON file from the shared interop data that sits beside the project checkout. */
export function readInterop<T>(name: string): T {
  const path = fileURLToPath(new URL(`../../../shared/interop/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
