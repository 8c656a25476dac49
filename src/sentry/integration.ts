import {getCorsError} from '../index.js';
import {corsContext, corsTags, scrubEvent, unclassifiedHost, type SentryEventLike, type SentryHintLike} from './event.js';

/**
Options of `corsDoctorIntegration`.

@example
```
corsDoctorIntegration({unclassified: false});
```
*/
export interface CorsDoctorIntegrationOptions {
	/**
	Tag and group the browser's plain `TypeError` fetch failures (`Failed to fetch (host)`, `NetworkError when attempting
	to fetch resource. (host)`, `Load failed (host)`) as `cors.unclassified`, one group per host. Default `true`.
	*/
	readonly unclassified?: boolean;
	/** On the events it touches, redact URLs in exception messages and fetch/XHR breadcrumbs with `redactUrl`. Default `true`. */
	readonly redact?: boolean;
}

/** A Sentry integration (v8 and later) named `CorsDoctor`: a `preprocessEvent` and a `processEvent` hook. */
export interface CorsDoctorIntegration {
	readonly name: 'CorsDoctor';
	/** Sets fingerprint, tags and context (and redacts exception messages) before any event processor runs. */
	preprocessEvent(event: SentryEventLike, hint: SentryHintLike): void;
	/** Redacts fetch/XHR breadcrumbs, which Sentry only adds to the event after `preprocessEvent`. */
	processEvent<E extends SentryEventLike>(event: E, hint: SentryHintLike): E;
}

/** The fields cors-doctor sets on an event, or `undefined` when the event is not a fetch failure it recognises. */
const fieldsFor = (event: SentryEventLike, hint: SentryHintLike, unclassified: boolean): SentryEventLike | undefined => {
	const error = getCorsError(hint?.originalException);
	if (error) {
		const json = error.toJSON();
		return {
			fingerprint: [...json.fingerprint],
			tags: {...event.tags, ...corsTags(json)},
			contexts: {...event.contexts, cors: corsContext(json)},
		};
	}
	const host = unclassified ? unclassifiedHost(event, hint ?? {}) : undefined;
	return host === undefined ? undefined : {
		fingerprint: ['cors-doctor', 'unclassified-fetch-failure', host || '<unknown host>'],
		tags: {...event.tags, 'cors.unclassified': 'true', ...host && {'cors.target_host': host}},
	};
};

/**
A Sentry integration that makes CORS failures groupable. For an event whose exception is (or wraps, through `cause`) a
`CorsError`, it sets the fingerprint to `error.fingerprint`, the tags `cors.code`, `cors.confidence`, `cors.class` and
`cors.target_origin`, and a `cors` context from `error.toJSON()`. Events of the browser's plain fetch `TypeError`
get the tag `cors.unclassified` and one group per host. On those events it also redacts URLs in exception messages
(a wrapper's, such as ofetch's) and in fetch/XHR breadcrumbs.

@example
```
import * as Sentry from '@sentry/browser';
import {corsDoctorIntegration} from 'cors-doctor/sentry';

Sentry.init({dsn: '...', integrations: [corsDoctorIntegration()]});
```
*/
export const corsDoctorIntegration = (options: CorsDoctorIntegrationOptions = {}): CorsDoctorIntegration => {
	if (typeof options !== 'object' || options === null) {
		throw new TypeError('The options must be an object');
	}
	const {unclassified = true, redact = true} = options;
	return {
		name: 'CorsDoctor',
		// Before the event processors, because Sentry's Dedupe compares the first exception (our `cause`, the same
		// "Failed to fetch (host)" for every CORS failure) and the fingerprint: without ours set by then, a CORS error
		// right after a different one is dropped as a duplicate.
		preprocessEvent(event, hint) {
			try {
				const fields = fieldsFor(event, hint, unclassified);
				if (fields) {
					Object.assign(event, fields, redact && event.exception ? {exception: scrubEvent({exception: event.exception}).exception} : {});
				}
			} catch {}
		},
		processEvent(event, hint) {
			try {
				if (redact && fieldsFor(event, hint, unclassified)) {
					return scrubEvent(event);
				}
			} catch {}
			// Reporting must never lose the event: anything unexpected leaves it as Sentry built it.
			return event;
		},
	};
};
