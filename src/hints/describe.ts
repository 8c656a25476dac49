import {CATALOG} from './catalog.js';
import {factsOf} from './facts.js';
import {getFixes} from './get-fixes.js';
import type {FixInput, HeaderLine} from './model.js';

export interface DescribeOptions {
	/**
	`developer` (default): the full sentence, with the request and the header lines that fix it, for logs and consoles.
	`user`: one short, neutral sentence for the app's end users: no URL, origin, header name or value.
	*/
	readonly audience?: 'developer' | 'user';
}

const ON: Record<HeaderLine['on'], string> = {
	preflight: 'the preflight (OPTIONS) response',
	actual: 'the response',
	every: 'every response (preflight and actual, errors included)',
	page: 'the page\'s own response',
};

/**
A sentence about a CORS failure, for a developer or for the app's end user.

The user sentence is fixed per code and never contains request details, so it is safe to show in a UI; the developer
sentence names the request and the exact fix. Lives in `cors-doctor/hints`, so the core bundle does not carry it.

@example
```
import {describe} from 'cors-doctor/hints';

try {
	await corsFetch(url);
} catch (error) {
	if (isCorsError(error)) {
		showToast(describe(error, {audience: 'user'}));
		console.error(describe(error));
	}
}
```
*/
export function describe(error: FixInput, options: DescribeOptions = {}): string {
	const audience = options.audience ?? 'developer';
	if (audience !== 'developer' && audience !== 'user') {
		throw new TypeError('The `audience` option must be \'developer\' or \'user\'');
	}

	if (audience === 'user') {
		// Only the code is read: nothing from the request can reach the sentence.
		return CATALOG[factsOf(error).code].user;
	}

	const fixes = getFixes(error, {framework: []});
	const focus = fixes.headers.filter(line => line.focus);
	const byResponse = new Map<HeaderLine['on'], string[]>();
	for (const line of focus) {
		byResponse.set(line.on, [...byResponse.get(line.on) ?? [], `\`${line.name}: ${line.value}\``]);
	}

	const fix = byResponse.size > 0
		? `Fix: send ${[...byResponse].map(([on, lines]) => `${lines.join(' and ')} on ${ON[on]}`).join('; ')}.`
		: `Fix: ${fixes.steps[0] ?? 'see the docs.'}`;
	return `${fixes.title} (${fixes.code}). ${fixes.got} ${fix} Docs: ${fixes.docsUrl}`;
}
