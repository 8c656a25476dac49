import {afterAll, beforeAll, expect, test} from 'vitest';
import {createClient, createCorsFetch, getCorsError, isCorsError} from '../../src/index';
import {createCorsEnforcingFetch} from '../../src/testing';
import {CLASSIFIER_CASES, expectationFor, outcomeLabel, outcomeMatches, type ObservedOutcome} from '../browser/support/classifier-expectations';
import {requestFor} from '../browser/support/classifier-runner';
import {type ScenarioServer, startScenarioServer} from '../support/scenario-server';

/**
cors-doctor's own classifier, in plain Node, on top of the enforcing fetch (which forwards to the real scenario server): for
every classifier case the real-browser suite runs, it must reach the verdict the suite expects from Chromium. Not
imitated, so not run here: CSP (no document, no securitypolicyviolation event).
*/
const cases = CLASSIFIER_CASES.filter(entry => !entry.csp);

let server: ScenarioServer | undefined;

beforeAll(async () => {
	server = await startScenarioServer();
});

afterAll(async () => {
	await server?.close();
});

const forward = async (request: Request) => fetch(request.url, {method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: request.signal, duplex: 'half'} as RequestInit);

test.each(cases.map(entry => [entry.name, entry] as const))('%s', async (_name, entry) => {
	const {url, init} = requestFor(entry, server!);
	const pageOrigin = entry.options?.pageOrigin ?? server!.page;
	const enforcing = createCorsEnforcingFetch({pageOrigin, handler: forward});
	const options = {...entry.options, pageOrigin, fetch: enforcing};
	let outcome: ObservedOutcome;
	try {
		const corsFetch = createCorsFetch(options);
		if (entry.warmup) {
			const warm = requestFor({name: entry.warmup, expect: {success: true}}, server!);
			await (await corsFetch(warm.url, warm.init)).arrayBuffer();
		}

		if (entry.via === 'client') {
			await createClient({...options, retry: 0}).get(url, init).json();
		} else {
			const signal = entry.timeout ? AbortSignal.timeout(entry.timeout) : undefined;
			await (await corsFetch(url, {...init, ...(signal ? {signal} : {})})).arrayBuffer();
		}

		outcome = {kind: 'success'};
	} catch (error) {
		outcome = isCorsError(error) ? {kind: 'cors', code: getCorsError(error)!.code, names: [...getCorsError(error)!.names]} : {kind: 'error'};
	}

	const expected = expectationFor(entry, 'chromium');
	expect(outcomeMatches(expected, outcome), `expected ${outcomeLabel(expected)}, got ${JSON.stringify(outcome)}`).toBe(true);
});
