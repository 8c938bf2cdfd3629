/**
 * Augment to type the names of the app's APIs, as React Query's `Register` types its errors and meta:
 *
 * ```ts
 * declare module 'faultline' {
 *   interface Register { apiNames: 'pumpfun' | 'billing' }
 * }
 * ```
 *
 * Then `useApiQuery({ api: 'bilings' })` and a `messages` key `'bilings.CARD_DECLINED'` are type errors.
 * Unregistered, any string is accepted (and a name that matches no profile warns in development).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface Register {}

/** A registered API name (`Register['apiNames']`), or any string when the app registered none. */
export type ApiName = Register extends { apiNames: infer Name extends string } ? Name : string;
