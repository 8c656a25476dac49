import {context, trace} from '@opentelemetry/api';
import {AsyncLocalStorageContextManager} from '@opentelemetry/context-async-hooks';
import {BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan} from '@opentelemetry/sdk-trace-base';

// Everything here is a secret that must never appear in an exported span.
export const SECRETS = ['QUERY-SECRET', 'FRAGMENT-SECRET', 'alice', 'pa55word', 'HEADER-SECRET', 'BODY-SECRET', 'token='];
export const SECRET_URL = 'https://alice:pa55word@api.example.com/items?token=QUERY-SECRET#FRAGMENT-SECRET';

/** The real SDK with an in-memory exporter, registered globally (so `trace.getActiveSpan()` sees its spans). */
export const setUpTracing = () => {
	const exporter = new InMemorySpanExporter();
	const provider = new BasicTracerProvider({spanProcessors: [new SimpleSpanProcessor(exporter)]});
	const contextManager = new AsyncLocalStorageContextManager().enable();
	context.setGlobalContextManager(contextManager);
	trace.setGlobalTracerProvider(provider);
	return {
		exporter,
		provider,
		tracer: provider.getTracer('cors-doctor-test'),
		async shutDown() {
			await provider.shutdown();
			contextManager.disable();
			trace.disable();
			context.disable();
		},
	};
};

/** What an exporter would ship of a span (the OTLP-relevant fields), as JSON. */
export const serialize = (span: ReadableSpan): string => JSON.stringify({
	name: span.name, kind: span.kind, attributes: span.attributes, status: span.status, events: span.events, links: span.links,
});

export const finished = (exporter: InMemorySpanExporter, name?: string): ReadableSpan[] =>
	exporter.getFinishedSpans().filter(span => name === undefined || span.name === name);
