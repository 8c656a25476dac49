import type {Probe, ProbeName} from '../errors/types.js';
import type {HeaderReason} from '../rules/headers.js';
import type {FailureContext} from './types.js';

export interface PlannedProbe {
	readonly probe: ProbeName;
	readonly init: RequestInit;
	readonly header?: string;
}

/** What to send, and what the original request itself already answered (its outcome is a probe's when they are the same request). */
export interface ProbePlan {
	readonly send: readonly PlannedProbe[];
	readonly known: readonly Probe[];
	/** Unsafe header names left unprobed (over the cap). */
	readonly unprobed: readonly string[];
}

/** At most 3 header probes (with reach, simple, simple-manual, credentialed and the control: 8 in all); the rest are reported as not probed. */
export const MAX_HEADER_PROBES = 3;

const DUMMY = 'cors-doctor-probe';
const DUMMY_MIME = 'application/x-cors-doctor-probe';

/**
A dummy value that makes `name` CORS-unsafe for the same kind of reason the original's value did, so the probe's preflight
asks for the same header: a safelisted name (Accept, Content-Language, Range...) made unsafe by its value must stay unsafe,
or the probe would send no preflight and prove nothing. Never derived from the real value.
*/
export const dummyValue = (name: string, reason: HeaderReason): string =>
	reason === 'not-safelisted-name' ? DUMMY
		: name === 'content-type' ? DUMMY_MIME
			: name === 'range' ? 'bytes=-1'
				// '(' is a CORS-unsafe byte in every safelisted header; over 128 bytes is unsafe whatever the bytes.
				: reason === 'value-too-long' || reason === 'total-size-over-1024' ? 'a'.repeat(129) : DUMMY + '()';

/**
The probe wave for one failure (pure). Safety rules: only GET or HEAD, never a body, never a real header value, never
credentials the original did not carry; and the credentials it did carry on every probe where they change the answer
(with credentials, `*` in Access-Control-Allow-Headers/-Methods is a literal name).

@example
```
planProbes(readFailure('https://api.example.com/items', {method: 'PUT'}, 'https://app.example.com', new TypeError('Failed to fetch'), Date.now())).send.map(p => p.probe)
// ['reach', 'simple', 'simple-manual', 'control']
```
*/
export const planProbes = (context: FailureContext): ProbePlan => {
	const method = context.method === 'HEAD' ? 'HEAD' : 'GET';
	const credentials = context.credentials === 'include' ? 'include' : 'omit';
	const simple: RequestInit = {method, mode: 'cors', credentials: 'omit'};
	const mirrored: RequestInit = {...simple, credentials};
	const names = context.headers.map(header => header.name);
	const send: PlannedProbe[] = [
		{probe: 'reach', init: {method, mode: 'no-cors', credentials: 'omit'}},
		{probe: 'simple', init: simple},
		{probe: 'simple-manual', init: {...simple, redirect: 'manual'}},
	];
	if (credentials === 'include') {
		send.push({probe: 'credentialed', init: mirrored});
	}
	for (const {name, reason} of context.headers.slice(0, MAX_HEADER_PROBES)) {
		send.push({probe: 'header', header: name, init: {...mirrored, headers: {[name]: dummyValue(name, reason)}}});
	}
	// The control tells "these headers are refused" from "the preflight itself is refused", and with a method-only
	// preflight it is the only way to see whether OPTIONS works at all. It asks for `content-type` (with a
	// non-safelisted value) because nearly every server that answers preflights allows it; a made-up header is
	// refused by the common allow-list setups and would blame the preflight for one missing header.
	if (names.length > 0 || context.methodPreflight) {
		const name = names.includes('content-type') ? 'x-' + DUMMY : 'content-type';
		send.push({probe: 'control', header: name, init: {...mirrored, headers: {[name]: name === 'content-type' ? DUMMY_MIME : DUMMY}}});
	}
	// A GET/HEAD without unsafe headers and without a redirect mode of its own *is* the simple (or credentialed)
	// probe: the original already failed it, so it is evidence, not a request to repeat.
	const same = context.method === method && names.length === 0 && context.redirect === 'follow' && context.mode === 'cors';
	const answered: ProbeName | undefined = same ? (credentials === 'include' ? 'credentialed' : 'simple') : undefined;
	const known: Probe[] = [];
	const planned = send.filter(probe => {
		if (probe.probe !== answered) {
			return true;
		}
		known.push({probe: probe.probe, sent: sentOf(probe), outcome: 'failed', ms: 0, from: 'original'});
		return false;
	});
	return {send: planned, known, unprobed: names.slice(MAX_HEADER_PROBES)};
};

/** The evidence form of a planned probe: what was sent, by name only. */
export const sentOf = ({init, header}: PlannedProbe): Probe['sent'] =>
	({method: init.method!, mode: init.mode!, credentials: init.credentials!, ...(init.redirect && {redirect: init.redirect}), ...(header && {header})});
