import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {freePort} from '../../browser/support/processes';
import {render as renderDjango} from '../../../src/hints/stacks/django';
import {render as renderFastapi} from '../../../src/hints/stacks/fastapi';
import {render as renderFlask} from '../../../src/hints/stacks/flask';
import {type Harness, policyFor, prepareFixture, proveSnippet, requireRuntime, startHarness, startRuntime, withFixture} from './support';

// Debian's interpreter, not whatever `python3` is first on PATH (a pyenv shim does not see Debian's packages).
const PYTHON = '/usr/bin/python3';

let harness: Harness | undefined;

beforeAll(async () => {
	requireRuntime(PYTHON, 'python3');
	harness = await startHarness();
});

afterAll(async () => {
	await harness?.close();
});

describe('flask + flask-cors (python3-flask, python3-flask-cors)', () => {
	test('the failing credentialed PUT passes in Chromium with the snippet, 500s included; the credential-less snippet grants less', async () => {
		await proveSnippet(harness!, policy => renderFlask(policy)[0]!.code, async (code, port) => {
			const fixture = prepareFixture('flask', {file: 'app.py', port, snippet: code});
			return withFixture(fixture, async () => startRuntime(PYTHON, [`${fixture.dir}/app.py`, String(port)], {port}));
		});
	}, 120_000);
});

describe('django + django-cors-headers (python3-django, python3-django-cors-headers)', () => {
	test('the failing credentialed PUT passes in Chromium with the snippet, 500s included; the credential-less snippet grants less', async () => {
		await proveSnippet(harness!, policy => renderDjango(policy)[0]!.code, async (code, port) => {
			const fixture = prepareFixture('django', {file: 'settings.py', port, snippet: code});
			return withFixture(fixture, async () => startRuntime(PYTHON, ['-m', 'django', 'runserver', `127.0.0.1:${port}`, '--noreload'], {
				port,
				env: {DJANGO_SETTINGS_MODULE: 'settings', PYTHONPATH: fixture.dir, PYTHONDONTWRITEBYTECODE: '1'},
			}));
		});
	}, 120_000);
});

async function startFastapi(code: string | undefined, port: number) {
	const fixture = prepareFixture('fastapi', {file: 'main.py', port, snippet: code});
	return withFixture(fixture, async () => startRuntime(PYTHON, ['-m', 'uvicorn', 'main:app', '--app-dir', fixture.dir, '--host', '127.0.0.1', '--port', String(port), '--log-level', 'warning'], {
		port,
		env: {PYTHONDONTWRITEBYTECODE: '1'},
	}));
}

describe('fastapi + Starlette CORSMiddleware on uvicorn (python3-fastapi, python3-uvicorn)', () => {
	test('the failing credentialed PUT passes in Chromium with the snippet, 500s included; the credential-less snippet grants less', async () => {
		await proveSnippet(harness!, policy => renderFastapi(policy)[0]!.code, startFastapi);
	}, 120_000);

	// Why the snippet wraps the app instead of the documented app.add_middleware(): if Starlette ever moves CORS outside
	// ServerErrorMiddleware this fails, and the snippet can go back to the idiom.
	test('app.add_middleware(CORSMiddleware) leaves the 500 of an unhandled exception without CORS headers', async () => {
		const options = renderFastapi(policyFor(harness!.origin))[0]!.code.split('\n').filter(line => line.startsWith('    allow') || line.startsWith('    expose') || line.startsWith('    max_age'));
		const idiom = ['from starlette.middleware.cors import CORSMiddleware', 'app.add_middleware(', '    CORSMiddleware,', ...options, ')'].join('\n');
		const runtime = await startFastapi(idiom, await freePort());
		try {
			const {outcome} = await harness!.run(runtime.url);
			expect(outcome.put).toEqual({status: 200, totalCount: '3', body: {items: []}});
			expect(outcome.boom).toEqual({error: 'TypeError: Failed to fetch'});
		} finally {
			await runtime.stop();
		}
	}, 120_000);
});
