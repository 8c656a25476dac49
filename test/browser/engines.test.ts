import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {type ScenarioServer, startScenarioServer} from '../support/scenario-server';
import {type Scenario, scenarios} from '../support/scenarios';
import {type BrowserSession, ENGINES, type Engine, FETCH_TIMEOUT_ERROR, FETCH_TYPE_ERROR, launch} from './support';

/**
Every scenario in all three engines: does the page's fetch resolve or reject as the table says, with the
engine's exact message, and what does the classifier's reach probe (same URL, `mode: 'no-cors'`) see?
These are the facts the browser classifier is built on, checked where it will run.
*/

interface Outcome {
	ok: boolean;
	type?: string;
	status?: number;
	error?: string;
}

const HANG_TIMEOUT_MS = 300;

// `timeout` is set only for the endpoint that never answers, so every other failure is the browser's own.
const runRequest = `async ({url, init, timeout}) => {
	try {
		const signal = timeout ? AbortSignal.timeout(timeout) : undefined;
		const response = await fetch(url, {...init, signal, cache: 'no-store'});
		await response.arrayBuffer();
		return {ok: true, type: response.type, status: response.status};
	} catch (error) {
		return {ok: false, error: error.name + ': ' + error.message};
	}
}`;

function init(entry: Scenario): RequestInit {
	return {method: entry.request.method, headers: entry.request.headers ?? {}, credentials: entry.request.credentials ?? 'same-origin'};
}

// The reach probe fails when the actual route gives no response, and where an engine refuses the redirect itself.
const REACH_FAILS_IN: Readonly<Record<string, readonly Engine[]>> = {
	// Chromium refuses to follow a Location with user:password@ in every mode, no-cors included; Firefox and
	// WebKit follow it and give an opaque response. So in Chromium the reach probe cannot tell this from a network failure.
	'redirect-userinfo': ['chromium'],
};
const unreachable = (entry: Scenario, engine: Engine) =>
	Boolean(entry.options.actual?.destroy ?? entry.options.actual?.hang) || (REACH_FAILS_IN[entry.name]?.includes(engine) ?? false);

let server: ScenarioServer | undefined;

beforeAll(async () => {
	server = await startScenarioServer();
});

afterAll(async () => {
	await server?.close();
});

describe.each(ENGINES)('%s', engine => {
	let session: BrowserSession | undefined;
	let started = 0;

	beforeAll(async () => {
		started = Date.now();
		session = await launch(engine);
		await session.goto(`${server!.page}/`);
	});

	afterAll(async () => {
		await session?.close();
		console.info(`[engines] ${engine}: ${scenarios.length} scenarios in ${Date.now() - started} ms (launch + tests + close)`);
	});

	test.each(scenarios.map(entry => [entry.name, entry] as const))('%s', async (name, entry) => {
		const hangs = entry.options.actual?.hang === true;
		const cors = await session!.evaluate<Outcome>(runRequest, {url: server!.url(name), init: init(entry), timeout: hangs ? HANG_TIMEOUT_MS : 0});
		expect(cors.ok).toBe(entry.expect.browserOk);
		if (cors.ok) {
			expect(cors.type).toBe('cors');
		} else {
			// A timeout is the caller's own abort, never a CORS candidate; everything else is the engine's one TypeError.
			expect(cors.error).toBe(hangs ? FETCH_TIMEOUT_ERROR[engine] : FETCH_TYPE_ERROR[engine]);
		}

		const reach = await session!.evaluate<Outcome>(runRequest, {
			url: server!.url(name),
			init: {mode: 'no-cors', credentials: 'omit'},
			timeout: hangs ? HANG_TIMEOUT_MS : 0,
		});
		if (unreachable(entry, engine)) {
			expect(reach).toEqual({ok: false, error: hangs ? FETCH_TIMEOUT_ERROR[engine] : FETCH_TYPE_ERROR[engine]});
		} else {
			expect(reach).toEqual({ok: true, type: 'opaque', status: 0});
		}
	});

	test('a refused connection fails even in no-cors mode, with the same TypeError', async () => {
		for (const mode of ['cors', 'no-cors']) {
			const outcome = await session!.evaluate<Outcome>(runRequest, {url: server!.refusedUrl, init: {mode}, timeout: 0});
			expect(outcome).toEqual({ok: false, error: FETCH_TYPE_ERROR[engine]});
		}
	});
});
