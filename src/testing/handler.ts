/** A plain request handler: the server side of the testing fetch. */
export type RequestHandlerFunction = (request: Request) => Response | Promise<Response>;

/**
An msw handler list (`[http.get(...), ...]`). Typed loosely so that importing `cors-doctor/testing` does not need msw's
types; the list is handed to msw's own `getResponse`.
*/
export type MswHandlers = readonly unknown[];

/** What answers the requests the testing fetch lets through. */
export type CorsTestHandler = RequestHandlerFunction | MswHandlers;

// A route the msw list does not know answers like a server without that route: 404 and no CORS headers. That is also
// what makes the usual "forgot the OPTIONS route" bug visible as a CORS failure.
const notFound = () => new Response('not found', {status: 404, headers: {'Content-Type': 'text/plain'}});

/** One function for both handler kinds; msw is imported on first use only (it is an optional peer dependency). */
export function toHandlerFunction(handler: CorsTestHandler): RequestHandlerFunction {
	if (typeof handler === 'function') {
		return handler;
	}

	if (!Array.isArray(handler)) {
		throw new TypeError('The `handler` option must be a function `(request) => Response` or an msw handler list');
	}

	let msw: Promise<{getResponse: (handlers: never[], request: Request) => Promise<Response | undefined>}> | undefined;
	return async request => {
		msw ??= import('msw') as never;
		const {getResponse} = await msw;
		return (await getResponse(handler as never[], request)) ?? notFound();
	};
}
