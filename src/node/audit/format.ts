import type {FormatOptions} from '../format.js';
import {SEVERITIES, type AuditExchange, type AuditResult, type Severity} from './types.js';

/** The versioned `--json` shape of an audit (documented in docs/security.md). */
export interface AuditJSON extends AuditResult {
	readonly schemaVersion: 1;
	/** The finding ids, most severe first. */
	readonly ids: readonly string[];
}

/**
The stable JSON form of an audit result.

@example
```
JSON.stringify(toAuditJSON(await auditCors(url, {origins})));
```
*/
export function toAuditJSON(result: AuditResult): AuditJSON {
	return {schemaVersion: 1, ...result, ids: result.findings.map(finding => finding.id)};
}

/** Whether any finding is at or above `failOn` (the CLI exits 1 then). */
export function failsAt(result: AuditResult, failOn: Severity): boolean {
	const threshold = SEVERITIES.indexOf(failOn);
	return result.findings.some(finding => SEVERITIES.indexOf(finding.severity) >= threshold);
}

function requestLine(exchange: AuditExchange): string {
	const {request} = exchange;
	const acr = request.accessControlRequestMethod === undefined ? '' : `, Access-Control-Request-Method: ${request.accessControlRequestMethod}, Access-Control-Request-Headers: ${request.accessControlRequestHeaders ?? ''}`;
	return `${request.method} Origin: ${request.origin}${acr}${request.credentials ? ' (with a cookie)' : ''}`;
}

/**
The human report: each finding with its severity, why it matters, the evidence (request sent, CORS headers received) and the fix.

@example
```
console.log(formatAuditResult(await auditCors(url, {origins: ['https://app.example.com']})));
```
*/
export function formatAuditResult(result: AuditResult, options: FormatOptions = {}): string {
	const wrap = (open: number, close: number) => (text: string) => (options.color ? `\u001B[${open}m${text}\u001B[${close}m` : text);
	const bold = wrap(1, 22);
	const dim = wrap(2, 22);
	const colour: Record<Severity, (text: string) => string> = {critical: wrap(31, 39), high: wrap(31, 39), medium: wrap(33, 39), low: wrap(36, 39)};
	const lines = [bold(`audit ${result.url}`), `  trusted: ${result.trusted.join(', ')}; ${result.requests} requests (OPTIONS and GET/HEAD only)`, ''];
	for (const finding of result.findings) {
		lines.push(`${colour[finding.severity](finding.severity.toUpperCase())} ${bold(finding.id)}: ${finding.message}`);
		for (const exchange of finding.evidence) {
			lines.push(dim(`  > ${requestLine(exchange)}`), `  < ${exchange.status}${exchange.headers.length === 0 ? ' (no CORS headers)' : ''}`);
			for (const [name, value] of exchange.headers) {
				lines.push(`  < ${name}: ${value}`);
			}
		}

		lines.push(`  fix: ${finding.fix}`, '');
	}

	for (const note of result.notes) {
		lines.push(dim(`note: ${note}`));
	}

	lines.push(result.ok ? wrap(32, 39)('No permissive CORS pattern found.') : `${result.findings.length} permissive pattern${result.findings.length === 1 ? '' : 's'} found.`);
	return lines.join('\n');
}
