import {CODE_INFO, formatHint, redactUrl} from '../index.js';
import type {CorsErrorJSON} from '../index.js';

// Structural stand-ins for Sentry's Event and EventHint: the entry compiles and runs without @sentry/* installed, and
// fits Sentry v8 to v11 alike (their `Event` is assignable to these).

/** The part of a Sentry event cors-doctor reads and writes. */
export interface SentryEventLike {
	exception?: {values?: Array<{type?: string; value?: string}>};
	tags?: {[key: string]: unknown};
	contexts?: {[key: string]: unknown};
	fingerprint?: string[];
	breadcrumbs?: Array<{category?: string; data?: {[key: string]: unknown}}>;
}

/** The part of a Sentry event hint cors-doctor reads. */
export interface SentryHintLike {
	originalException?: unknown;
}

/**
The `cors` context: `toJSON()` flattened to one level, because Sentry normalizes contexts to a depth of 3 and would
show nested evidence as `[Object]`. Evidence and hints become one readable line each.
*/
export const corsContext = (json: CorsErrorJSON): Record<string, unknown> => {
	const {request, evidence, hints, alternatives = [], ...rest} = json;
	const [codeClass, kind] = CODE_INFO[json.code] ?? ['unknown', 'inferred'];
	return {
		...rest,
		fingerprint: json.fingerprint.join(' '),
		class: codeClass,
		kind,
		...request,
		evidence: evidence.map(probe => [
			probe.probe, probe.sent.method, probe.sent.mode, probe.sent.credentials, probe.sent.redirect, probe.sent.header,
			'->', probe.outcome, probe.status, `(${probe.ms} ms)`,
		].filter(part => part !== undefined).join(' ')),
		hints: hints.map(hint => `${formatHint(hint)} (on ${hint.on})`),
		alternatives: alternatives.map(alternative => `${alternative.code}: ${alternative.tellsApart} (check: ${alternative.check})`),
	};
};

/** The tags to search and group on. */
export const corsTags = (json: CorsErrorJSON): Record<string, string> => ({
	'cors.code': json.code,
	'cors.confidence': json.confidence,
	'cors.class': CODE_INFO[json.code]?.[0] ?? 'unknown',
	'cors.target_origin': json.request.targetOrigin,
});

// The engines' opaque fetch failures, as Sentry rewrites them (`enhanceFetchErrorMessages` appends ` (host)`).
const FETCH_FAILURE = /^(?:Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed)(?: \(([^()\s]*)\))?$/;

type ErrorLike = {name?: unknown; message?: unknown; cause?: unknown; __sentry_fetch_url_host__?: unknown};

const hostOf = (name: unknown, message: unknown, fallback?: unknown): string | undefined => {
	const match = name === 'TypeError' && typeof message === 'string' ? FETCH_FAILURE.exec(message) : null;
	if (!match) {
		return undefined;
	}
	const host = match[1] ?? fallback;
	return typeof host === 'string' ? host : '';
};

/**
For an event whose exception is the browser's plain fetch `TypeError` (no `CorsError`: cors-doctor was not in the
request path, or the failure was not classified as CORS), the host it names (`''` when none); `undefined` for every
other event. The `TypeError` may be wrapped (ky's `NetworkError`, ofetch's `FetchError`): the `cause` chain is walked.
*/
export const unclassifiedHost = (event: SentryEventLike, hint: SentryHintLike): string | undefined => {
	const values = event.exception?.values;
	// Sentry lists chained errors first and the thrown one last.
	const top = values?.[values.length - 1];
	const fromEvent = hostOf(top?.type, top?.value);
	if (fromEvent !== undefined) {
		return fromEvent;
	}
	let error = hint.originalException as ErrorLike | undefined;
	for (let depth = 0; depth <= 5 && error != null && typeof error === 'object'; depth++) {
		const host = hostOf(error.name, error.message, error.__sentry_fetch_url_host__);
		if (host !== undefined) {
			return host;
		}
		error = error.cause as ErrorLike | undefined;
	}
	return undefined;
};

// Any absolute URL in free text (a wrapper's message, such as ofetch's `[GET] "https://...?token=..."`).
const URL_IN_TEXT = /\b[a-z][a-z\d+.-]*:\/\/[^\s"'<>`]+/gi;

/** Text with every URL in it redacted (`redactUrl`); an unparsable one becomes `<url>` rather than leak. */
export const scrubText = (text: string): string => text.replace(URL_IN_TEXT, url => redactUrl(url) || '<url>');

const scrubUrl = (url: unknown): unknown => {
	if (typeof url !== 'string') {
		return url;
	}
	try {
		// Breadcrumb URLs may be relative to the page.
		return redactUrl(new URL(url, globalThis.location?.href).href) || '<url>';
	} catch {
		return '<url>';
	}
};

/** The event with redacted URLs in its exception messages and fetch/XHR breadcrumbs. */
export const scrubEvent = <E extends SentryEventLike>(event: E): E => ({
	...event,
	...event.exception?.values && {
		exception: {...event.exception, values: event.exception.values.map(value =>
			typeof value.value === 'string' ? {...value, value: scrubText(value.value)} : value)},
	},
	...event.breadcrumbs && {
		breadcrumbs: event.breadcrumbs.map(crumb => (crumb.category === 'fetch' || crumb.category === 'xhr') && crumb.data
			? {...crumb, data: {...crumb.data, url: scrubUrl(crumb.data.url)}}
			: crumb),
	},
});
