import type {CorsPolicy, Snippet, StackRenderer} from '../types.js';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

// JSON string literals are valid Go interpreted string literals for the ASCII tokens a policy holds.
const quote = (value: string): string => JSON.stringify(value);
const strings = (values: readonly string[]): string => `[]string{${values.map(value => quote(value)).join(', ')}}`;

/**
Two alternatives for Go: a `net/http` wrapper with no dependency, and `rs/cors`. Both set the headers before the
wrapped handler runs, so `http.Error` responses keep them, and answer preflights without calling it.
*/
export const render: StackRenderer = policy => {
	if (policy.origin === '*' && policy.credentials) {
		throw new TypeError('A credentialed request cannot be granted with `*`: give the page origin.');
	}

	const methods = [...SAFELISTED_METHODS, ...policy.methods.filter(method => !SAFELISTED_METHODS.includes(method))];
	return [netHttp(policy, methods), rsCors(policy, methods)];
};

function netHttp(policy: CorsPolicy, methods: readonly string[]): Snippet {
	const set = (name: string, value: string): string => `h.Set(${quote(name)}, ${quote(value)})`;
	const always = [set('Access-Control-Allow-Origin', policy.origin)];
	if (policy.credentials) {
		always.push(set('Access-Control-Allow-Credentials', 'true'));
	}

	if (policy.exposeHeaders.length > 0) {
		always.push(set('Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')));
	}

	const preflight = [set('Access-Control-Allow-Methods', methods.join(', '))];
	if (policy.headers.length > 0) {
		preflight.push(set('Access-Control-Allow-Headers', policy.headers.join(', ')));
	}

	if (policy.maxAge !== undefined) {
		preflight.push(set('Access-Control-Max-Age', String(policy.maxAge)));
	}

	return {
		stack: 'go',
		language: 'go',
		file: 'main.go',
		code: [
			'// withCORS wraps the whole handler: http.ListenAndServe(addr, withCORS(mux)).',
			'func withCORS(next http.Handler) http.Handler {',
			'\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
			'\t\th := w.Header()',
			...always.map(line => `\t\t${line}`),
			'\t\tif r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {',
			...preflight.map(line => `\t\t\t${line}`),
			'\t\t\tw.WriteHeader(http.StatusNoContent)',
			'\t\t\treturn',
			'\t\t}',
			'\t\tnext.ServeHTTP(w, r)',
			'\t})',
			'}',
			'',
		].join('\n'),
		note: 'net/http only, no dependency: add the function to main.go and serve withCORS(mux) instead of mux.',
	};
}

function rsCors(policy: CorsPolicy, methods: readonly string[]): Snippet {
	const fields: Array<[string, string]> = [
		['AllowedOrigins', strings([policy.origin])],
		['AllowedMethods', strings(methods)],
		['AllowedHeaders', strings(policy.headers)],
	];
	if (policy.exposeHeaders.length > 0) {
		fields.push(['ExposedHeaders', strings(policy.exposeHeaders)]);
	}

	if (policy.credentials) {
		fields.push(['AllowCredentials', 'true']);
	}

	if (policy.maxAge !== undefined) {
		fields.push(['MaxAge', String(policy.maxAge)]);
	}

	// Aligned the way gofmt aligns a composite literal, so the pasted code needs no reformatting.
	const width = Math.max(...fields.map(([key]) => key.length)) + 1;
	const options = fields.map(([key, value]) => `${`${key}:`.padEnd(width)} ${value},`);

	return {
		stack: 'go',
		language: 'go',
		file: 'main.go',
		code: [
			'import "github.com/rs/cors"',
			'',
			'// withCORS wraps the whole handler: http.ListenAndServe(addr, withCORS(mux)).',
			'func withCORS(next http.Handler) http.Handler {',
			'\treturn cors.New(cors.Options{',
			...options.map(option => `\t\t${option}`),
			'\t}).Handler(next)',
			'}',
			'',
		].join('\n'),
		note: 'Alternatively with rs/cors (go get github.com/rs/cors): add this after the imports of main.go and serve withCORS(mux).',
	};
}
