import type { ApiError } from './api-error.js';

/** The mark every ApiError carries, shared by every copy of faultline in a page (`Symbol.for`). */
export const BRAND = Symbol.for('faultline.ApiError');

/**
 * Whether a value is an ApiError, also one made by another bundled copy of faultline: a check of
 * the brand alone, so that importing it does not bring the class, its redaction or its `toJSON`.
 */
export function isApiError(value: unknown): value is ApiError {
  try {
    // Reading the brand of null or undefined throws, as any read of a Proxy can (its `get` trap);
    // a primitive has no brand.
    return (value as { [BRAND]?: unknown })[BRAND] === true;
  } catch {
    return false;
  }
}
