/**
 * Small helpers shared by the directed measures (internal to this folder; not re-exported): option defaults that
 * ignore `undefined`, and the validation of power-iteration options.
 */
import { BridgeworkError } from '../../errors.js';

/** `defaults` overridden by the options that are not undefined (an explicit `undefined` keeps the default). */
export function withDefaults<T extends object>(defaults: Readonly<Required<T>>, options: T | undefined): Required<T> {
  const out = { ...defaults } as Required<T>;
  if (options) {
    for (const key of Object.keys(options) as (keyof T)[]) {
      const v = options[key];
      if (v !== undefined) out[key] = v as Required<T>[keyof T];
    }
  }
  return out;
}

/** Throw a validation error naming the directed module. */
export function invalid(message: string): never {
  throw new BridgeworkError('validation', `graph-core/directed: ${message}`);
}

/** Check `weighted`-style flags. */
export function checkBoolean(name: string, value: unknown): void {
  if (typeof value !== 'boolean') invalid(`${name} must be true or false, not ${JSON.stringify(value)}`);
}

/** Check the options shared by the power iterations (PageRank, eigenvector). */
export function checkIteration(maxIter: number, tol: number): void {
  if (!(Number.isInteger(maxIter) && maxIter >= 1)) invalid(`maxIter must be a positive integer, not ${String(maxIter)}`);
  if (!(tol >= 0 && tol < Infinity)) invalid(`tol must be a finite number ≥ 0, not ${String(tol)}`);
}
