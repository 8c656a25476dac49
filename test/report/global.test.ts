import {afterEach, expect, test, vi} from 'vitest';
import {getReporter, setReporter} from '../../src/report/global';

afterEach(() => {
	setReporter(undefined);
});

test('registers, replaces and removes the page-wide reporter', () => {
	const first = vi.fn();
	const second = vi.fn();
	expect(getReporter()).toBeUndefined();
	setReporter(first);
	expect(getReporter()).toBe(first);
	setReporter(second);
	expect(getReporter()).toBe(second);
	setReporter(undefined);
	expect(getReporter()).toBeUndefined();
});

test('a second copy of the library sees the same reporter (a registry symbol on globalThis)', async () => {
	const reporter = vi.fn();
	setReporter(reporter);
	vi.resetModules();
	const copy = await import('../../src/report/global?copy' as string) as typeof import('../../src/report/global');
	expect(copy.getReporter()).toBe(reporter);
});

test('rejects what is not a function', () => {
	expect(() => setReporter('nope' as never)).toThrow(new TypeError('The reporter must be a function or undefined'));
});
