import {describe, expect, test} from 'vitest';
import {formatReport} from '../../src/server/format';
import {createCorsObserver} from '../../src/server/observer';
import type {CorsReport, ObservedRequest} from '../../src/server/types';

const request = (path = '/items'): ObservedRequest => ({origin: 'https://app.example.com', method: 'GET', path, cookie: false});
const noCors = {status: 200, headers: []};

describe('createCorsObserver', () => {
	test('counts every rejection, reports one per key per interval, then tells how many it held back', () => {
		let time = 0;
		const reports: CorsReport[] = [];
		const observer = createCorsObserver({onReport: report => reports.push(report), now: () => time, rateLimit: {interval: 1000}});
		for (let index = 0; index < 5; index++) {
			observer.inspect(request(), noCors);
		}

		observer.inspect(request('/other'), noCors);
		expect(reports.map(report => report.kind === 'rejected' && `${report.code} ${report.path}`)).toEqual(['ALLOW_ORIGIN_MISSING /items', 'ALLOW_ORIGIN_MISSING /other']);
		time = 1000;
		observer.inspect(request(), noCors);
		expect(reports[2]).toMatchObject({path: '/items', suppressed: 4});
		expect(observer.stats()).toEqual({inspected: 7, rejected: 7, permissive: 0, suppressed: 4, errors: 0, byCode: {ALLOW_ORIGIN_MISSING: 7}});
		observer.reset();
		expect(observer.stats().inspected).toBe(0);
	});

	test('a global cap per interval', () => {
		const reports: CorsReport[] = [];
		const observer = createCorsObserver({onReport: report => reports.push(report), now: () => 0, rateLimit: {max: 3}});
		for (let index = 0; index < 10; index++) {
			observer.inspect(request(`/p${index}`), noCors);
		}

		expect(reports).toHaveLength(3);
		expect(observer.stats().suppressed).toBe(7);
	});

	test('a throwing logger never escapes', () => {
		const observer = createCorsObserver({onReport() {
			throw new Error('logger down');
		}});
		expect(() => observer.inspect(request(), noCors)).not.toThrow();
		expect(observer.stats().errors).toBe(1);
	});

	test('options are validated once with clear TypeErrors', () => {
		expect(() => createCorsObserver({onReport: 'log' as never})).toThrow(/`onReport` must be a function/);
		expect(() => createCorsObserver({trustedOrigins: 'https://a.example' as never})).toThrow(/`trustedOrigins` must be an array/);
		expect(() => createCorsObserver({rateLimit: {interval: -1}})).toThrow(/rateLimit.interval/);
	});

	test('formatReport is one line with the CORS header, never the query', () => {
		const reports: CorsReport[] = [];
		createCorsObserver({onReport: report => reports.push(report)}).inspect(request(), {status: 200, headers: [['Access-Control-Allow-Origin', 'https://www.example.com']]});
		expect(formatReport(reports[0]!)).toBe('cors-doctor: browsers block GET /items from https://app.example.com: ALLOW_ORIGIN_MISMATCH (access-control-allow-origin: "https://www.example.com", expected https://app.example.com; status 200)');
	});
});
