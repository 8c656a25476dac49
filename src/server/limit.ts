/** A report the limiter let through, with how many like it it held back since the last one. */
export interface Admission {
	readonly suppressed: number;
}

const MAX_KEYS = 1000;

/**
Rate limit for reports: one per key per `interval`, at most `max` per interval overall. A broken endpoint hit a thousand times a
second must not flood the log, and the first report of each distinct problem must still get through.
*/
export function createLimiter(interval: number, max: number, now: () => number): (key: string) => Admission | undefined {
	const keys = new Map<string, {until: number; suppressed: number}>();
	let windowEnd = 0;
	let count = 0;
	return key => {
		const time = now();
		if (time >= windowEnd) {
			windowEnd = time + interval;
			count = 0;
		}

		const entry = keys.get(key);
		if ((entry && time < entry.until) || count >= max) {
			if (entry) {
				entry.suppressed++;
			}

			return undefined;
		}

		if (keys.size >= MAX_KEYS && !entry) {
			// Bounded memory: forgetting old keys only means a repeat may be reported once more.
			keys.clear();
		}

		keys.set(key, {until: time + interval, suppressed: 0});
		count++;
		return {suppressed: entry?.suppressed ?? 0};
	};
}
