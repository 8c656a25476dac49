import {afterAll, beforeAll, describe, test} from 'vitest';
import {render as renderDjango} from '../../../src/hints/stacks/django';
import {render as renderFastapi} from '../../../src/hints/stacks/fastapi';
import {render as renderFlask} from '../../../src/hints/stacks/flask';
import {type Harness, prepareFixture, proveSnippet, requireRuntime, startHarness, startRuntime, withFixture} from './support';

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

describe('fastapi + Starlette CORSMiddleware on uvicorn (python3-fastapi, python3-uvicorn)', () => {
	test('the failing credentialed PUT passes in Chromium with the snippet, 500s included; the credential-less snippet grants less', async () => {
		await proveSnippet(harness!, policy => renderFastapi(policy)[0]!.code, async (code, port) => {
			const fixture = prepareFixture('fastapi', {file: 'main.py', port, snippet: code});
			return withFixture(fixture, async () => startRuntime(PYTHON, ['-m', 'uvicorn', 'main:app', '--app-dir', fixture.dir, '--host', '127.0.0.1', '--port', String(port), '--log-level', 'warning'], {
				port,
				env: {PYTHONDONTWRITEBYTECODE: '1'},
			}));
		});
	}, 120_000);
});
