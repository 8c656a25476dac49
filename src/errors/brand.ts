// A global-registry symbol, so two copies of the library in one page recognise each other's errors. Its own module so
// `isCorsError` can check it without pulling the CorsError class (and its texts) into an eager bundle.
export const BRAND: unique symbol = Symbol.for('cors-doctor.CorsError') as never;

export const isBranded = (value: unknown): boolean => (value as {[BRAND]?: unknown} | null | undefined)?.[BRAND] === true;
