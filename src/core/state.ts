/** One probe wave shared by every concurrent failure with the same signature. */
export interface Wave<T> {
	readonly promise: Promise<T>;
	readonly controller: AbortController;
	waiters: number;
}

/** Per-instance memory that keeps diagnosis bounded: dedupe, a short verdict cache, a per-origin rate limit. */
export interface State<T> {
	/** Target origins that answered a CORS request successfully (evidence for ERROR_RESPONSE_WITHOUT_CORS). */
	readonly seen: Set<string>;
	readonly cache: Map<string, readonly [expires: number, value: T]>;
	readonly waves: Map<string, Wave<T>>;
	/** Start times of recent waves, per origin. */
	readonly starts: Map<string, number[]>;
}

export const createState = <T>(): State<T> => ({seen: new Set(), cache: new Map(), waves: new Map(), starts: new Map()});
