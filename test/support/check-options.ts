import type {CheckCorsOptions} from '../../src/node/types';
import type {ScenarioServer} from './scenario-server';
import type {Scenario} from './scenarios';

/**
The `checkCors` arguments that ask about a scenario as the page would: the page origin, the scenario's
method, header names (values only where a safelist rule needs them) and credentials.

@example
```
const {url, options} = checkArgumentsFor(scenario('header-not-allowed'), server);
await checkCors(url, options);
```
*/
export function checkArgumentsFor(entry: Scenario, server: ScenarioServer, overrides: Partial<CheckCorsOptions> = {}): {url: string; options: CheckCorsOptions} {
	return {
		url: server.url(entry.name),
		options: {
			origin: server.page,
			method: entry.request.method,
			headers: Object.keys(entry.request.headers ?? {}),
			credentials: entry.request.credentials === 'include',
			timeout: 2000,
			...overrides,
		},
	};
}

/** The same question as `cors-doctor check` arguments. */
export function cliArgumentsFor(entry: Scenario, server: ScenarioServer): string[] {
	const args = ['check', server.url(entry.name), '--origin', server.page, '--method', entry.request.method, '--timeout', '2000'];
	for (const name of Object.keys(entry.request.headers ?? {})) {
		args.push('--header', name);
	}

	if (entry.request.credentials === 'include') {
		args.push('--credentials');
	}

	return args;
}
