/**
 * Database drivers are optional: loaded only when a store that needs one is opened, with an error
 * that names the package to install when it is missing. The OpenID Connect front loads
 * oidc-provider the same way.
 */
import { InvalidStateError } from '../core/errors.js';

/** Imports `name`'s default export (or the module), or throws an InvalidStateError saying how to install it. */
export async function loadDriver<T>(name: string, version: string, purpose: string): Promise<T> {
  const module = await loadModule<{ default?: T }>(name, version, purpose);
  return (module.default ?? module) as T;
}

/** Imports the module `name` with all its exports, or throws an InvalidStateError saying how to install it. */
export async function loadModule<T>(name: string, version: string, purpose: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    const missing =
      (error as NodeJS.ErrnoException)?.code === 'ERR_MODULE_NOT_FOUND' ||
      (error as NodeJS.ErrnoException)?.code === 'MODULE_NOT_FOUND';
    if (missing)
      throw new InvalidStateError(
        `${purpose} needs the package "${name}": install it with npm install ${name}@${version}`,
      );
    throw new InvalidStateError(`${purpose} could not load "${name}": ${(error as Error)?.message ?? String(error)}`);
  }
}
