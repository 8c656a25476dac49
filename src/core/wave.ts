import type {State, Wave} from './state.js';

// The operations on a State, loaded with the diagnosis (state.ts itself stays in the eager corsFetch bundle).

export const cached = <T>(state: State<T>, key: string): T | undefined => {
	const hit = state.cache.get(key);
	if (hit && hit[0] > Date.now()) {
		return hit[1];
	}
	state.cache.delete(key);
	return undefined;
};

/** Records a wave for `origin` and says whether it is within `limit` waves per minute. */
export const allowWave = (state: State<unknown>, origin: string, limit: number): boolean => {
	const now = Date.now();
	const recent = (state.starts.get(origin) ?? []).filter(time => time > now - 60_000);
	const ok = recent.length < limit;
	if (ok) {
		recent.push(now);
	}
	state.starts.set(origin, recent);
	return ok;
};

/**
Joins (or starts) the wave for `key`. Each caller's `signal` rejects only that caller with its reason; the wave itself is
aborted when its last waiter has gone, so one impatient caller never cancels the others' diagnosis.
*/
export const joinWave = <T>(state: State<T>, key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal | null): Promise<T> => {
	let wave = state.waves.get(key);
	if (!wave) {
		const controller = new AbortController();
		const created: Wave<T> = wave = {controller, waiters: 0, promise: start(controller.signal)};
		state.waves.set(key, created);
		const done = () => state.waves.get(key) === created && state.waves.delete(key);
		created.promise.then(done, done);
	}
	const current = wave;
	current.waiters++;
	if (!signal) {
		return current.promise;
	}
	return new Promise<T>((resolve, reject) => {
		const leave = () => {
			if (--current.waiters === 0) {
				current.controller.abort(signal.reason);
			}
			reject(signal.reason);
		};
		if (signal.aborted) {
			leave();
			return;
		}
		signal.addEventListener('abort', leave, {once: true});
		current.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
	});
};
