#!/usr/bin/env node
// `npm start` (after the build): serves the CORS lab on loopback. `--port <n>` (default 4310; 0 = any free port), `--open`.
// The lab's server is TypeScript next to the test support it reuses: esbuild compiles it on the fly into
// node_modules/.cache (as scripts/accuracy.js does), so no loader is needed.
import {spawn} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import process from 'node:process';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let values;
try {
	({values} = parseArgs({options: {port: {type: 'string'}, open: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}}}));
} catch (error) {
	console.error(`lab: ${error.message}`);
	process.exit(2);
}

if (values.help) {
	console.log('Usage: npm start [-- --port <n>] [-- --open]\n  --port <n>  lab page port (default 4310; a busy default is replaced by a free port; 0 = any free port)\n  --open      open the lab in the default browser');
	process.exit(0);
}

const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65_536)) {
	console.error(`lab: invalid --port "${values.port}": give a port number (0 = any free port).`);
	process.exit(2);
}

const outfile = join(root, 'node_modules/.cache/cors-doctor/lab-server.mjs');
mkdirSync(dirname(outfile), {recursive: true});
await build({entryPoints: [join(root, 'lab/server.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', outfile, logLevel: 'error'});
const {startLab, LabPortError} = await import(pathToFileURL(outfile).href);

let lab;
try {
	lab = await startLab({root, port, strictPort: port !== undefined, log: line => console.log(`lab: ${line}`)});
} catch (error) {
	console.error(`lab: ${error instanceof LabPortError ? error.message : error.stack}`);
	process.exit(1);
}

console.log(`\ncors-doctor lab: ${lab.url}\n  scenario API on ${lab.server.api}, a third origin on ${lab.server.third} (loopback only, works offline)\n  Ctrl-C stops it.\n`);
if (values.open) {
	const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
	spawn(opener, [lab.url], {stdio: 'ignore', detached: true}).on('error', () => console.log(`lab: could not run ${opener}; open ${lab.url} yourself.`)).unref();
}

let stopping = false;
const stop = async signal => {
	if (stopping) {
		process.exit(130);
	}

	stopping = true;
	console.log(`\nlab: ${signal}: stopping the servers`);
	await lab.close();
	process.exit(0);
};

process.on('SIGINT', stop);
process.on('SIGTERM', stop);
