// The happy path's one write to what a page learns about target origins: a CORS response was read. Kept apart from
// memory.ts (which owns every other read and write, and reads this log) so the eager corsFetch bundle stays small.

/** Per `pageOrigin targetOrigin`: the last success time, and the `METHOD credentials` pairs that succeeded. */
export type SuccessLog = Map<string, {time: number; readonly methods: Set<string>}>;

export const noteSuccess = (log: SuccessLog, scope: string, method: string, credentials: RequestCredentials): void => {
	let entry = log.get(scope);
	if (!entry) {
		log.set(scope, entry = {time: 0, methods: new Set()});
	}
	entry.time = Date.now();
	entry.methods.add(method + (credentials === 'include' ? ' include' : ' omit'));
};

let shared: SuccessLog | undefined;

/** The default `corsFetch`'s log, which `diagnose()` reads too. */
export const sharedLog = (): SuccessLog => shared ??= new Map();
