import {afterEach, expect, test} from 'vitest';
import {createCorsFetch} from '../../src/core/cors-fetch';
import {setReporter} from '../../src/report/global';
import {createReporter} from '../../src/report/reporter';
import {fakeFetch} from '../core/fake-fetch';

afterEach(() => {
	setReporter(undefined);
});

test('every cors-aware fetch calls the page-wide reporter: 20 identical failures give one event', async () => {
	const events: unknown[] = [];
	setReporter(createReporter({send: event => events.push(event), windowMs: 60_000}));
	const fetch = createCorsFetch({fetch: fakeFetch({}).fetch, pageOrigin: 'https://app.example.com'});
	await Promise.allSettled(Array.from({length: 20}, () => fetch('https://api.example.com/items?secret=1')));
	await new Promise(resolve => setTimeout(resolve, 10));
	expect(events).toHaveLength(1);
	expect(events[0]).toMatchObject({error: {code: 'ORIGIN_NOT_ALLOWED'}, suppressed: 0});
	expect(JSON.stringify(events)).not.toContain('secret');
});
