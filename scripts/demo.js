// `npm start`: a deliberately misconfigured API on 127.0.0.1, checked with the built CLI.
// Plain JS and node: built-ins only, so it runs from a fresh build without test dependencies.
import {execFile} from 'node:child_process';
import {createServer} from 'node:http';
import {fileURLToPath} from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const origin = 'http://localhost:5173';

// Each endpoint answers OPTIONS (the preflight) and everything else (the actual request).
const endpoints = {
	'/items': {
		title: 'A well-configured endpoint',
		args: ['--header', 'x-api-key'],
		preflight: {status: 204, headers: {'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Headers': 'x-api-key', Vary: 'Origin'}},
		actual: {status: 200, headers: {'Access-Control-Allow-Origin': origin, Vary: 'Origin'}},
	},
	'/no-cors': {
		title: 'The CORS middleware is missing',
		args: [],
		preflight: {status: 404, headers: {}},
		actual: {status: 200, headers: {}},
	},
	'/header': {
		title: 'The preflight does not allow the x-api-key header',
		args: ['--header', 'x-api-key'],
		preflight: {status: 204, headers: {'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Headers': 'content-type'}},
		actual: {status: 200, headers: {'Access-Control-Allow-Origin': origin}},
	},
	'/session': {
		title: 'Access-Control-Allow-Origin: * with cookies',
		args: ['--credentials'],
		preflight: {status: 204, headers: {'Access-Control-Allow-Origin': '*'}},
		actual: {status: 200, headers: {'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true'}},
	},
};

const server = createServer((request, response) => {
	const endpoint = endpoints[new URL(request.url ?? '/', 'http://localhost').pathname];
	const answer = endpoint ? (request.method === 'OPTIONS' ? endpoint.preflight : endpoint.actual) : {status: 404, headers: {}};
	response.writeHead(answer.status, answer.headers);
	response.end(answer.status === 204 ? undefined : 'demo');
});

await new Promise(resolve => {
	server.listen(0, '127.0.0.1', resolve);
});
const {port} = server.address();

try {
	for (const [path, endpoint] of Object.entries(endpoints)) {
		const args = [cli, 'check', `http://127.0.0.1:${port}${path}`, '--origin', origin, ...endpoint.args];
		console.log(`\n=== ${endpoint.title}`);
		console.log(`$ cors-doctor ${args.slice(1).join(' ')}\n`);
		const {stdout, stderr, code} = await new Promise(resolve => {
			execFile(process.execPath, args, (error, stdout, stderr) => {
				resolve({stdout, stderr, code: error ? error.code : 0});
			});
		});
		process.stdout.write(stdout);
		process.stderr.write(stderr);
		console.log(`(exit code ${code})`);
	}
} finally {
	server.close();
}
