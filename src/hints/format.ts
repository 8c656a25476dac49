import type {CodeFixes, Fixes, HeaderLine} from './model.js';

export interface FormatFixesOptions {
	/** ANSI colours (the CLI turns them on for a TTY without NO_COLOR). */
	readonly color?: boolean;
}

const ON: Record<HeaderLine['on'], string> = {
	preflight: 'preflight (OPTIONS)',
	actual: 'actual response',
	every: 'every response',
	page: 'the page',
};

type Paint = (text: string) => string;

/**
Fixes as plain text for a terminal: the header lines, the steps, both paths, each stack's snippet (or why none
applies), what to check first and the security notes; then the same for the other codes in play.

@example
```
console.log(formatFixes(getFixes({code: 'HEADER_NOT_ALLOWED', origin, headers: ['x-api-key']}, {framework: 'express'})));
```
*/
export function formatFixes(fixes: Fixes, options: FormatFixesOptions = {}): string {
	const wrap = (open: number, close: number): Paint => options.color ? text => `\u001B[${open}m${text}\u001B[${close}m` : text => text;
	const paint = {bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), cyan: wrap(36, 39), yellow: wrap(33, 39)};
	const lines = section(fixes, paint);
	if (fixes.placeholders.length > 0) {
		lines.push('', paint.yellow(`placeholders: ${fixes.placeholders.join(', ')} not known; replace the example values (or pass --origin, --method, --header, --credentials).`));
	}

	for (const other of fixes.others) {
		lines.push('', paint.dim('─'.repeat(60)), paint.dim(other.relation === 'alternative' ? 'or, if the cause is:' : 'also failing:'), ...section(other, paint));
	}

	return lines.join('\n');
}

function section(fixes: CodeFixes, paint: Record<'bold' | 'dim' | 'green' | 'cyan' | 'yellow', Paint>): string[] {
	const lines = [paint.bold(`${fixes.code}: ${fixes.title}`), `  checked: ${fixes.checked}`, `  got:     ${fixes.got}`];
	if (fixes.headers.length > 0) {
		lines.push('', paint.cyan('send these header lines:'));
		for (const line of fixes.headers) {
			lines.push(`  ${line.focus ? paint.green(`${line.name}: ${line.value}`) : `${line.name}: ${line.value}`}  ${paint.dim(`(${ON[line.on]})`)}`);
		}
	}

	lines.push('', paint.cyan('steps:'), ...fixes.steps.map((step, index) => `  ${index + 1}. ${step}`));
	lines.push('', paint.cyan('if you own the server:'), ...fixes.ownServer.map(text => `  - ${text}`));
	lines.push(paint.cyan('if you do not:'), ...fixes.notYourServer.map(text => `  - ${text}`));
	for (const stack of fixes.stacks) {
		lines.push('', paint.cyan(`${stack.name}:`));
		if (!stack.applicable) {
			lines.push(`  not applicable: ${stack.reason}`);
			continue;
		}

		for (const snippet of stack.snippets) {
			lines.push(paint.dim(`  // ${snippet.file ?? snippet.language}${stack.verified === 'docs' ? ' (checked against the docs, not run)' : ''}`));
			lines.push(...snippet.code.split('\n').map(line => `  ${line}`));
			if (snippet.note) {
				lines.push(paint.dim(`  note: ${snippet.note}`));
			}
		}
	}

	if (fixes.checkFirst.length > 0) {
		lines.push('', paint.cyan('check first:'), ...fixes.checkFirst.map(note => `  - ${note.text}`));
	}

	lines.push('', paint.cyan('security:'), ...fixes.security.map(note => `  - ${note.text}`));
	if (fixes.uploads.length > 0) {
		lines.push('', paint.cyan('file uploads:'), ...fixes.uploads.map(text => `  - ${text}`));
	}

	lines.push(paint.dim(`docs: ${fixes.docsUrl}`));
	return lines;
}
