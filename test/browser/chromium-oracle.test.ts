import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {CorsCode} from '../../src/codes';
import {checkCors, chromiumReasonToCode} from '../../src/node';
import {type ScenarioServer, startScenarioServer} from '../support/scenario-server';
import {type Scenario, scenarios} from '../support/scenarios';
import {type BrowserSession, type CdpCorsError, launch} from './support';

/**
Chromium's own reason is the oracle: for every scenario the Node checker has an answer for, the CDP
`corsErrorStatus.corsError`, mapped with `chromiumReasonToCode`, must be the first code `checkCors` reports.
Where Chromium 156 departs from the spec the checker follows, the departure is listed here (and in
docs/testing-browsers.md) with what Chromium does instead; nothing else may differ.
*/
type ChromiumOutcome = CorsCode | 'passes' | 'network-error';

/**
How a deviation is explained:
- `engine`: Chromium departs from the spec; the scenario's `expect.engines` note must say so.
- `order`: the response breaks several rules and Chromium names another of them first; its code must be in the checker's list.
- `network`: Chromium sees a network failure, not a CORS one (CDP `errorText`, no `corsErrorStatus`).
- `refined`: the checker names the cause more precisely than Chromium's reason; its finding's engine note gives Chromium's code.
*/
interface Deviation {
	readonly kind: 'engine' | 'order' | 'network' | 'refined';
	readonly chromium: ChromiumOutcome;
	readonly why: string;
}

const nonOkPreflightWithoutAcao: Deviation = {
	kind: 'order',
	chromium: 'ALLOW_ORIGIN_MISSING',
	why: 'Chromium checks ACAO before the status (PreflightMissingAllowOriginHeader); the checker leads with PREFLIGHT_STATUS. PreflightInvalidStatus only appears when the non-2xx preflight carries ACAO.',
};

const DEVIATIONS: Readonly<Record<string, Deviation>> = {
	'authorization-wildcard': {
		kind: 'engine',
		chromium: 'passes',
		why: 'Chromium 156 lets `Access-Control-Allow-Headers: *` cover Authorization (it only raises a deprecation issue); the spec does not.',
	},
	'preflight-401-without-cors': nonOkPreflightWithoutAcao,
	'preflight-404-without-cors': nonOkPreflightWithoutAcao,
	'preflight-405-without-cors': nonOkPreflightWithoutAcao,
	'redirect-tainted-origin': {
		kind: 'refined',
		chromium: 'ALLOW_ORIGIN_MISMATCH',
		why: 'After api -> third -> api the origin is `null`; Chromium reports a plain AllowOriginMismatch, the checker names the redirect taint (REDIRECT_TAINTED_ORIGIN).',
	},
	'preflight-socket-destroyed': {
		kind: 'network',
		chromium: 'network-error',
		why: 'A reset preflight is a plain network failure in CDP (errorText, no corsErrorStatus); the checker names it PREFLIGHT_NETWORK_ERROR.',
	},
};

const checked = scenarios.filter((entry): entry is Scenario & {expect: {checker: readonly CorsCode[]}} => entry.expect.checker !== undefined);

interface PageOutcome {
	ok: boolean;
	status?: number;
	error?: string;
}

// Runs the scenario's request the way an app would: its method (case kept), its header names with dummy
// values, its credentials mode; `no-store` so no earlier response is reused.
const runRequest = `async ({url, method, headers, credentials}) => {
	try {
		const response = await fetch(url, {method, headers, credentials, cache: 'no-store'});
		await response.arrayBuffer();
		return {ok: true, status: response.status};
	} catch (error) {
		return {ok: false, error: error.name + ': ' + error.message};
	}
}`;

let server: ScenarioServer | undefined;
let session: BrowserSession | undefined;
let started = 0;

beforeAll(async () => {
	started = Date.now();
	server = await startScenarioServer();
	session = await launch('chromium');
	await session.goto(`${server.page}/`);
});

afterAll(async () => {
	// Each close runs even when the other throws: a leaked Chromium would eat the CI box.
	await Promise.allSettled([session?.close(), server?.close()]);
	console.info(`[chromium-oracle] ${checked.length} scenarios: ${Date.now() - started} ms (launch + tests + close)`);
});

async function corsErrorsFor(url: string, expectOne: boolean): Promise<CdpCorsError[]> {
	// CDP events and the page's rejection travel separately: poll briefly for a failure, settle briefly for a success.
	const deadline = Date.now() + (expectOne ? 2000 : 100);
	for (;;) {
		const found = session!.cdpCorsErrors!().filter(entry => entry.url === url);
		if ((expectOne && found.length > 0) || Date.now() >= deadline) {
			return found;
		}

		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

describe('Chromium agrees with checkCors', () => {
	test('the deviation list names only scenarios the checker covers', () => {
		for (const name of Object.keys(DEVIATIONS)) {
			expect(checked.map(entry => entry.name)).toContain(name);
		}
	});

	test.each(checked.map(entry => [entry.name, entry] as const))('%s', async (name, entry) => {
		const url = server!.url(name);
		const headers = entry.request.headers ?? {};
		const result = await checkCors(url, {
			origin: server!.page,
			method: entry.request.method,
			headers: Object.keys(headers),
			credentials: entry.request.credentials === 'include',
		});
		const checkerFirst: ChromiumOutcome = result.problems[0]?.code ?? 'passes';
		// The table and the checker agree first, so a disagreement below is Chromium's and not the table's.
		expect(result.problems.map(problem => problem.code)).toEqual(entry.expect.checker);

		session!.clearCdp!();
		const outcome = await session!.evaluate<PageOutcome>(runRequest, {
			url,
			method: entry.request.method,
			headers,
			credentials: entry.request.credentials ?? 'same-origin',
		});
		const errors = await corsErrorsFor(url, !outcome.ok);
		expect(errors.length).toBeLessThanOrEqual(1);
		const reason = errors[0]?.corsError ?? null;
		expect(reason).toBe(entry.expect.chromium);
		expect(outcome.ok).toBe(entry.expect.browserOk);
		if (!outcome.ok) {
			expect(outcome.error).toBe('TypeError: Failed to fetch');
		}

		let chromium: ChromiumOutcome;
		if (reason !== null) {
			const code = chromiumReasonToCode(reason);
			if (code === undefined) {
				throw new Error(`chromiumReasonToCode does not map Chromium's reason "${reason}"`);
			}

			chromium = code;
		} else if (outcome.ok) {
			chromium = 'passes';
		} else {
			// Not a CORS failure: CDP must show the network error it was.
			expect(session!.cdpFailures!().some(entry => entry.url === url && entry.errorText?.startsWith('net::ERR_'))).toBe(true);
			chromium = 'network-error';
		}

		const deviation = DEVIATIONS[name];
		if (deviation) {
			expect(chromium).toBe(deviation.chromium);
			expect(chromium).not.toBe(checkerFirst);
			if (deviation.kind === 'engine') {
				// An engine that departs from the spec must say so in the shared table too, where the classifier reads it.
				expect(entry.expect.engines).toMatch(/Chromium/);
			} else if (deviation.kind === 'order') {
				expect(entry.expect.checker).toContain(chromium);
			} else if (deviation.kind === 'refined') {
				expect(result.problems[0]!.engines).toContainEqual(expect.objectContaining({engine: 'chromium', code: chromium}));
			} else {
				expect(chromium).toBe('network-error');
			}
		} else {
			expect(chromium).toBe(checkerFirst);
		}
	});
});
