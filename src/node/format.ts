import {docsUrl} from '../errors/docs-url.js';
import type {CheckResult, Exchange, Problem} from './types.js';

export interface FormatOptions {
	/** ANSI colours (the CLI turns them on for a TTY without NO_COLOR). */
	readonly color?: boolean;
}

type Paint = (text: string) => string;

function palette(color: boolean): {red: Paint; green: Paint; yellow: Paint; dim: Paint; bold: Paint; cyan: Paint} {
	const wrap = (open: number, close: number): Paint => color ? text => `\u001B[${open}m${text}\u001B[${close}m` : text => text;
	return {red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39)};
}

/**
The human report: what was sent, what came back (the CORS-relevant headers), each problem in plain words, and the exact lines to add.

@example
```
console.log(formatCheckResult(await checkCors(url, {origin: 'https://app.example.com'}), {color: process.stdout.isTTY}));
```
*/
export function formatCheckResult(result: CheckResult, options: FormatOptions = {}): string {
	const paint = palette(options.color ?? false);
	const lines: string[] = [];
	lines.push(paint.bold(`${result.method} ${result.url}`), `  from origin ${result.origin}${result.credentials ? ', with credentials' : ''}`, '');

	const exchangeLines = (title: string, item: Exchange) => {
		lines.push(`${paint.cyan(title)} ${item.request.method} ${item.url}`);
		for (const [name, value] of item.request.headers) {
			lines.push(paint.dim(`  > ${name}: ${value}`));
		}

		lines.push(`  < ${item.status}`);
		if (item.headers.length === 0) {
			lines.push(paint.dim('  < (no CORS headers)'));
		}

		for (const [name, value] of item.headers) {
			lines.push(`  < ${name}: ${value}`);
		}

		lines.push('');
	};

	if (result.preflight && 'skipped' in result.preflight) {
		lines.push(`${paint.cyan('preflight')} not needed${result.preflight.reasons.length > 0 ? ` (${result.preflight.reasons.join('; ')})` : ''}`, '');
	} else if (result.preflight) {
		exchangeLines('preflight', result.preflight);
	}

	if ('skipped' in result.actual) {
		lines.push(`${paint.cyan('actual')} not sent (${result.method} could change data on the server)`, '');
	} else {
		for (const [hop, item] of result.actual.entries()) {
			exchangeLines(hop === 0 ? 'actual' : `redirect hop ${hop}`, item);
		}
	}

	for (const item of result.redirectPreflights ?? []) {
		exchangeLines('preflight after redirect', item);
	}

	if (result.problems.length === 0) {
		lines.push(paint.green('✔ No CORS problem: a browser on this origin can read the response.'));
	} else {
		lines.push(paint.red(paint.bold(`✖ ${result.problems.length} CORS problem${result.problems.length === 1 ? '' : 's'}`)));
		for (const problem of result.problems) {
			lines.push(...problemLines(problem, paint));
		}
	}

	if (result.notes.length > 0) {
		lines.push('', paint.dim('notes:'));
		for (const note of result.notes) {
			lines.push(paint.dim(`  - ${note}`));
		}
	}

	return lines.join('\n');
}

function problemLines(problem: Problem, paint: ReturnType<typeof palette>): string[] {
	const where = `${problem.phase}${problem.hop ? `, hop ${problem.hop}` : ''}`;
	const lines = ['', `${paint.red(problem.code)} ${paint.dim(`(${where})`)}`, `  ${problem.message}`];
	if (problem.fix.length > 0) {
		lines.push(`  fix: send on ${problem.phase === 'preflight' ? 'the OPTIONS response' : 'the response'}:`);
		for (const line of problem.fix) {
			lines.push(`    ${paint.green(line)}`);
		}
	}

	lines.push(paint.dim(`  docs: ${docsUrl(problem.code)}`));
	return lines;
}
