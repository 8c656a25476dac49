import {formatReport} from './format.js';
import {inspectExchange} from './inspect.js';
import {createLimiter} from './limit.js';
import type {CorsObserverOptions, CorsObserverStats, CorsReport, ObservedRequest} from './types.js';
import type {RawResponse} from '../rules/types.js';

/** The framework-neutral core the adapters feed: inspect, count, rate-limit, report. */
export interface CorsObserver {
	/** Inspect one CORS exchange. Never throws. */
	inspect(request: ObservedRequest, response: RawResponse): void;
	/** A copy of the running totals. */
	stats(): CorsObserverStats;
	reset(): void;
}

function positive(name: string, value: unknown, fallback: number): number {
	const result = value ?? fallback;
	if (typeof result !== 'number' || !(result >= 0) || !Number.isFinite(result)) {
		throw new TypeError(`cors-doctor/server: \`${name}\` must be a non-negative number.`);
	}

	return result;
}

const emptyStats = (): CorsObserverStats => ({inspected: 0, rejected: 0, permissive: 0, suppressed: 0, errors: 0, byCode: {}});

/**
Creates the observer behind every adapter. Options are validated once, here.

@example
```
import {createCorsObserver} from 'cors-doctor/server';

const observer = createCorsObserver({onReport: report => logger.warn(report)});
observer.inspect({origin: 'https://app.example.com', method: 'GET', path: '/items', cookie: false}, {status: 200, headers: []});
observer.stats().byCode; //=> {ALLOW_ORIGIN_MISSING: 1}
```
*/
export function createCorsObserver(options: CorsObserverOptions = {}): CorsObserver {
	if (typeof options !== 'object' || options === null) {
		throw new TypeError('cors-doctor/server: options must be an object.');
	}

	if (options.onReport !== undefined && typeof options.onReport !== 'function') {
		throw new TypeError('cors-doctor/server: `onReport` must be a function.');
	}

	if (options.trustedOrigins !== undefined && (!Array.isArray(options.trustedOrigins) || options.trustedOrigins.some(origin => typeof origin !== 'string'))) {
		throw new TypeError('cors-doctor/server: `trustedOrigins` must be an array of origins, e.g. [\'https://app.example.com\'].');
	}

	const onReport = options.onReport ?? ((report: CorsReport) => {
		console.warn(formatReport(report));
	});
	const inspectOptions = {assumeCredentials: options.assumeCredentials === true, ...(options.trustedOrigins ? {trustedOrigins: options.trustedOrigins} : {})};
	const admit = createLimiter(positive('rateLimit.interval', options.rateLimit?.interval, 60_000), positive('rateLimit.max', options.rateLimit?.max, 100), options.now ?? Date.now);
	let stats = emptyStats();
	return {
		inspect(request, response) {
			try {
				stats.inspected++;
				for (const report of inspectExchange(request, response, inspectOptions)) {
					if (report.kind === 'rejected') {
						stats.rejected++;
						stats.byCode[report.code] = (stats.byCode[report.code] ?? 0) + 1;
					} else {
						stats.permissive++;
					}

					const admission = admit([report.kind, report.kind === 'rejected' ? `${report.code}|${report.phase}` : report.id, report.method, report.path, report.origin].join('|'));
					if (admission) {
						onReport(admission.suppressed > 0 ? {...report, suppressed: admission.suppressed} : report);
					} else {
						stats.suppressed++;
					}
				}
			} catch {
				// Observing must never break the response: a throwing logger is counted, not rethrown.
				stats.errors++;
			}
		},
		stats: () => ({...stats, byCode: {...stats.byCode}}),
		reset() {
			stats = emptyStats();
		},
	};
}
