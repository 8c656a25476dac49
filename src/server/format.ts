import type {CorsReport} from './types.js';

/**
One line per report, for logs: what the browser will do, the code, and the CORS header at fault. No header value other than
the CORS ones, no query string.

@example
```
formatReport(report);
//=> 'cors-doctor: browsers block GET /items from https://app.example.com: ALLOW_ORIGIN_MISMATCH (access-control-allow-origin: "https://www.example.com", expected https://app.example.com)'
```
*/
export function formatReport(report: CorsReport): string {
	const suppressed = report.suppressed ? ` [+${report.suppressed} like it suppressed]` : '';
	if (report.kind === 'permissive') {
		return `cors-doctor: ${report.severity} ${report.id}: ${report.method} ${report.path} trusted ${report.origin}${report.credentials ? ' with credentials' : ''}. ${report.fix}${suppressed}`;
	}

	const at = report.phase === 'preflight' ? ' (preflight)' : '';
	const header = report.header === undefined ? `${report.seen ?? ''}` : `${report.header}: ${report.seen === null ? 'none' : JSON.stringify(report.seen)}`;
	const param = report.param === undefined ? '' : ` for ${report.param}`;
	return `cors-doctor: browsers block ${report.method} ${report.path} from ${report.origin}${at}: ${report.code}${param} (${header}, expected ${report.expected}; status ${report.status})${suppressed}`;
}
