import {describe, expect, test} from 'vitest';
import {readFailure} from '../../src/core/context';
import {busy, createMemory, recall, remember, spend, touch, type Finding} from '../../src/core/memory';
import {noteSuccess} from '../../src/core/successes';

const PAGE = 'https://app.example.com';
const failure = (path: string, init: RequestInit = {}) => readFailure(`https://api.example.com${path}`, init, PAGE, undefined, 0);
const cors = (code: 'ORIGIN_NOT_ALLOWED' | 'UNDETERMINED' = 'ORIGIN_NOT_ALLOWED'): Finding =>
	({verdict: {kind: 'cors', code, confidence: 'likely', alternatives: [], mayHaveRun: true}, evidence: [{probe: 'reach', sent: {method: 'GET', mode: 'no-cors', credentials: 'omit'}, outcome: 'opaque', ms: 1}]});
const network: Finding = {verdict: {kind: 'network', reason: 'unreachable'}, evidence: []};

describe('memory: what a page learns about an origin', () => {
	test('a CORS verdict is cached per key, and offered to the same shape on another URL', () => {
		const memory = createMemory(new Map());
		remember(memory, failure('/a'), cors(), 100);
		expect(recall(memory, failure('/a'), 30_000, 60, 200).cached).toBeDefined();
		expect(recall(memory, failure('/b'), 30_000, 60, 200)).toMatchObject({sameShape: cors(), reachable: 100});
		// Another shape (another method) learns nothing from it.
		expect(recall(memory, failure('/b', {method: 'PUT'}), 30_000, 60, 200).sameShape).toBeUndefined();
	});

	test('verdicts expire, UNDETERMINED is never cached, a network verdict retires its own and makes the others confirm', () => {
		const memory = createMemory(new Map());
		remember(memory, failure('/a'), cors(), 100);
		expect(recall(memory, failure('/a'), 1000, 60, 1200).cached).toBeUndefined();
		remember(memory, failure('/u'), cors('UNDETERMINED'), 2000);
		expect(recall(memory, failure('/u'), 30_000, 60, 2001).cached).toBeUndefined();
		remember(memory, failure('/a'), cors(), 3000);
		remember(memory, failure('/b'), cors(), 3000);
		remember(memory, failure('/b'), network, 3001);
		expect(recall(memory, failure('/b'), 30_000, 60, 3002).cached).toBeUndefined();
		// /a keeps its verdict, but the origin counts as silent: reusing it takes a reach probe first.
		expect(recall(memory, failure('/a'), 30_000, 60, 3002)).toMatchObject({reachable: 0, cached: cors()});
	});

	test('a success is remembered per method and makes the origin one that grants CORS (cached verdicts are recomputed with it)', () => {
		const log = new Map();
		const memory = createMemory(log);
		remember(memory, failure('/a'), cors(), 100);
		noteSuccess(log, `${PAGE} https://api.example.com`, 'PUT', 'same-origin');
		const after = recall(memory, failure('/a'), 30_000, 60, 200);
		expect(after.cached).toBeDefined();
		expect(after.grantsCors).toBe(true);
		expect(recall(memory, failure('/x', {method: 'PUT'}), 30_000, 60, 200).methodSucceeded).toBe(true);
		expect(recall(memory, failure('/x', {method: 'PUT', credentials: 'include'}), 30_000, 60, 200).methodSucceeded).toBe(false);
	});

	test('the probe budget is per page and target origin, over a sliding minute', () => {
		const memory = createMemory(new Map());
		expect(spend(memory, failure('/a'), 5, 6, 0)).toBe(true);
		expect(spend(memory, failure('/a'), 2, 6, 1)).toBe(false);
		expect(spend(memory, readFailure('https://other.example.com/', {}, PAGE, undefined, 0), 5, 6, 1)).toBe(true);
		expect(recall(memory, failure('/a'), 30_000, 6, 2).budgetLeft).toBe(1);
		expect(spend(memory, failure('/a'), 6, 6, 60_001)).toBe(true);
	});

	test('busy: the page\'s own requests to the origin settled lately', () => {
		const memory = createMemory(new Map());
		expect(busy(memory, failure('/a'), 1000, 5000)).toBe(false);
		touch(memory, failure('/a'), 4500);
		expect(busy(memory, failure('/a'), 1000, 5000)).toBe(true);
	});
});
