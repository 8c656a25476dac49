import {describe, expect, it} from 'vitest';
import {addressSpace, isMixedContent, isPotentiallyTrustworthy, originOf, type AddressSpace} from '../../src/rules';

describe('originOf', () => {
	it.each([
		['https://Example.COM:443/a?b#c', 'https://example.com'],
		['http://example.com:8080/', 'http://example.com:8080'],
		['http://[::1]:3000/x', 'http://[::1]:3000'],
		['file:///etc/hosts', 'null'],
		['data:text/plain,x', 'null'],
		['blob:https://a.example/1234', 'https://a.example'],
	])('%s -> %s', (url, origin) => {
		expect(originOf(url)).toBe(origin);
		expect(originOf(new URL(url))).toBe(origin);
	});

	it('throws a TypeError for an invalid URL', () => {
		expect(() => originOf('not a url')).toThrow(TypeError);
	});
});

describe('isPotentiallyTrustworthy', () => {
	it.each<[string, boolean]>([
		['https://example.com/', true],
		['wss://example.com/', true],
		['http://localhost:3000/', true],
		['http://LOCALHOST/', true],
		['http://api.localhost/', true],
		['http://localhost./', true],
		['http://127.0.0.1/', true],
		['http://127.255.0.9/', true],
		['http://127.1/', true],
		['http://[::1]:8080/', true],
		['file:///x', true],
		['data:text/plain,x', true],
		['about:blank', true],
		['http://example.com/', false],
		['ws://example.com/', false],
		['http://128.0.0.1/', false],
		['http://192.168.1.2/', false],
		['http://[::2]/', false],
		['http://localhost.example.com/', false],
		['http://notlocalhost/', false],
		['ftp://example.com/', false],
	])('%s -> %s', (url, trustworthy) => {
		expect(isPotentiallyTrustworthy(url)).toBe(trustworthy);
	});
});

describe('addressSpace', () => {
	it.each<[string, AddressSpace]>([
		['127.0.0.1', 'loopback'],
		['127.8.9.10', 'loopback'],
		['127.1', 'loopback'],
		['::1', 'loopback'],
		['[::1]', 'loopback'],
		['[::1]:8080', 'loopback'],
		['localhost', 'loopback'],
		['localhost:3000', 'loopback'],
		['app.localhost', 'loopback'],
		['10.0.0.1', 'local'],
		['10.255.255.255', 'local'],
		['172.16.0.1', 'local'],
		['172.31.255.255', 'local'],
		['172.15.0.1', 'public'],
		['172.32.0.1', 'public'],
		['192.168.0.1', 'local'],
		['192.169.0.1', 'public'],
		['169.254.1.1', 'local'],
		['100.64.0.1', 'local'],
		['100.127.255.255', 'local'],
		['100.63.255.255', 'public'],
		['100.128.0.0', 'public'],
		['fc00::1', 'local'],
		['[fd12:3456::1]', 'local'],
		['fe80::1', 'local'],
		['[fe80::1%eth0]', 'local'],
		['febf::1', 'local'],
		['fec0::1', 'public'],
		['::ffff:127.0.0.1', 'loopback'],
		['[::ffff:192.168.1.1]', 'local'],
		['::ffff:8.8.8.8', 'public'],
		['2001:4860::8888', 'public'],
		['8.8.8.8', 'public'],
		['printer.local', 'local'],
		['PRINTER.LOCAL.', 'local'],
		['example.com', 'public'],
		['localdomain', 'public'],
	])('%s -> %s', (host, space) => {
		expect(addressSpace(host)).toBe(space);
	});
});

describe('isMixedContent', () => {
	it.each<[string, string, boolean]>([
		['https://app.example/', 'http://api.example/', true],
		['https://app.example/', 'ws://api.example/', true],
		['https://app.example/', 'https://api.example/', false],
		['https://app.example/', 'http://localhost:8080/', false],
		['https://app.example/', 'http://127.0.0.1/', false],
		['https://app.example/', 'http://[::1]/', false],
		['https://app.example/', '/relative', false],
		['https://app.example/', '//api.example/x', false],
		['http://app.example/', 'http://api.example/', false],
		['http://localhost/', 'http://api.example/', false],
	])('%s -> %s: %s', (page, target, mixed) => {
		expect(isMixedContent(page, target)).toBe(mixed);
	});
});
