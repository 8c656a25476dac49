#!/usr/bin/env node
// Compiles every README and JSDoc example against the BUILT package (dist/ and package.json `exports`), under
// `moduleResolution` bundler and node16, so an example that stops compiling fails CI. Run after `tsup`:
//   node scripts/examples.js            compile, print the errors, exit 1 on any
// test/types/examples.test.ts runs the same functions, plus a deliberately broken example that must fail.
import {execFile} from 'node:child_process';
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

export const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * The public entries: `cors-doctor`, `cors-doctor/node`, ... read from package.json `exports`, each with the names its
 * source entry exports (values and types). An entry another helper adds is picked up here without a change.
 * @returns {Array<{specifier: string, names: Set<string>}>}
 */
export function publicEntries() {
	return Object.keys(manifest.exports)
		.filter(key => key !== './package.json')
		.map(key => {
			const source = path.join(root, 'src', key === '.' ? 'index.ts' : `${key.slice(2)}.ts`);
			return {specifier: key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`, names: exportedNames(readFileSync(source, 'utf8'))};
		});
}

/** The names a module exports, by declaration or in `export {…}` lists. */
function exportedNames(source) {
	const names = new Set();
	for (const [, name] of source.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([\w$]+)/gm)) {
		names.add(name);
	}

	for (const [, list] of source.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
		for (const item of list.split(',')) {
			const name = item.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop();
			if (name) {
				names.add(name);
			}
		}
	}

	return names;
}

const walk = directory => readdirSync(directory, {withFileTypes: true}).flatMap(entry =>
	entry.isDirectory() ? walk(path.join(directory, entry.name)) : entry.name.endsWith('.ts') ? [path.join(directory, entry.name)] : []);

/**
 * Every example: fenced `ts`/`js` blocks of the README, and the fenced block after each `@example` in src/ (with the name
 * of the declaration it documents, so a value example such as `{probe: 'reach', …}` is checked against its type).
 * @param {{readme?: string, sources?: Array<{file: string, text: string}>}} [input] defaults to the repository's own files
 * @returns {Array<{origin: string, code: string, documents?: string, file: string}>}
 */
export function collectExamples(input = {}) {
	const readme = input.readme ?? readFileSync(path.join(root, 'README.md'), 'utf8');
	const sources = input.sources ?? walk(path.join(root, 'src')).map(file => ({file, text: readFileSync(file, 'utf8')}));
	const examples = [];
	for (const match of readme.matchAll(/^```(ts|js|typescript)\n([\s\S]*?)^```/gm)) {
		examples.push({origin: `README.md:${lineOf(readme, match.index)}`, code: match[2], file: path.join(root, 'src/index.ts')});
	}

	for (const {file, text} of sources) {
		for (const match of text.matchAll(/@example\s*\n\s*```\w*\n([\s\S]*?)\n\s*```([\s\S]*?)\n(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:static\s+)?(?:function|const|class|interface|type)?\s*([\w$]+)/g)) {
			const code = dedent(match[1]);
			examples.push({origin: `${path.relative(root, file)}:${lineOf(text, match.index)}`, code, documents: match[3], file});
		}
	}

	return examples;
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

function dedent(code) {
	const lines = code.split('\n');
	const indent = Math.min(...lines.filter(line => line.trim()).map(line => /^\t*/.exec(line)[0].length));
	return lines.map(line => line.slice(indent)).join('\n');
}

// What the examples assume exists around them: an app's own helpers and values, typed as an app would type them.
const GLOBALS = `import type {CorsError, Diagnosis} from '${manifest.name}';
import type {CheckResult, RawResponse} from '${manifest.name}/node';
declare global {
	const key: string;
	const url: string;
	const xhr: XMLHttpRequest;
	const response: RawResponse;
	const result: CheckResult;
	/** The error of the README's field list: a header the preflight refused. */
	const error: CorsError<'HEADER_NOT_ALLOWED'>;
	const diagnosis: Diagnosis;
	/** A telemetry sink typed as most are: mutable string arrays. */
	const telemetry: {capture(event: object, options?: {fingerprint?: string[]}): void; track(event: object): void};
	const Sentry: {captureException(error: unknown, context?: {extra?: Record<string, unknown>; fingerprint?: string[]}): void; init(options: object): void};
	const dsn: string;
	/** An app's own objects, as the recipes name them. */
	const app: {use(...handlers: unknown[]): unknown; (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse): void};
	const logger: {warn(...args: unknown[]): void; info(...args: unknown[]): void; error(...args: unknown[]): void};
	const axios: typeof import('axios').default;
	const instance: import('axios').AxiosInstance;
	const axiosRetry: typeof import('axios-retry').default;
	const up: typeof import('up-fetch').up;
	const tracer: import('@opentelemetry/api').Tracer;
	const span: import('@opentelemetry/api').Span;
	const FetchInstrumentation: typeof import('@opentelemetry/instrumentation-fetch').FetchInstrumentation;
	const origins: string[];
	const shape: {url: string; method: string; headers: string[]; credentials: RequestCredentials; pageOrigin: string};
	const report: import('${manifest.name}/server').CorsReport;
	function showToast(message: string): void;
	/** @playwright/test's test(), as a spec sees it (the helper takes its Chromium page). */
	function test(title: string, body: (fixtures: {page: Parameters<typeof import('${manifest.name}/playwright').watchCorsErrors>[0] & {goto(url: string): Promise<unknown>; waitForLoadState(state: string): Promise<void>}}) => Promise<void>): void;
	function showBanner(message: string): void;
	function showCorsBanner(): void;
	function sendReport(event: object): void;
	function logError(error: unknown): void;
}
export {};
`;

/**
 * One module per example: imports for the names it uses (public names through the package's own entries, internal ones
 * from the built file that declares them), then the example; a value example of a type becomes `const x: Type = value`.
 */
function moduleFor(example, entries, internal, index) {
	const code = example.code;
	const declaredHere = new Set([...code.matchAll(/\b(?:const|let|var|function|class)\s+([\w$]+)/g)].map(match => match[1]));
	const imported = new Set([...code.matchAll(/^import\s+(?:type\s+)?(?:\{([^}]*)\}|([\w$]+))/gm)].flatMap(match => (match[1] ?? match[2]).split(',').map(name => name.trim().split(/\s+as\s+/).pop())));
	// Strings first (a URL holds `//`), then comments, then every identifier that is not a property access.
	const bare = code.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, '""').replace(/\/\/.*$/gm, '');
	const valueExample = Boolean(example.documents && /^\s*[{[]/.test(code) && /^[A-Z]/.test(example.documents));
	const used = new Set([...bare.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)/g)].map(match => match[1]));
	if (valueExample) {
		used.add(example.documents);
	}

	const fromNode = /[\\/](node|cli)[\\/]|node\.ts$/.test(example.file);
	const ordered = fromNode ? [...entries].reverse() : entries;
	const imports = new Map();
	for (const name of used) {
		if (declaredHere.has(name) || imported.has(name)) {
			continue;
		}

		const entry = ordered.find(candidate => candidate.names.has(name));
		const specifier = entry?.specifier ?? internal.get(name);
		if (specifier) {
			imports.set(specifier, [...(imports.get(specifier) ?? []), name]);
		}
	}

	const header = [...imports].map(([specifier, names]) => `import {${names.join(', ')}} from '${specifier}';`).join('\n');
	const body = valueExample
		? `const example${index}: ${example.documents} = ${code.trim().replace(/;$/, '')};\nexport {example${index}};`
		: code;
	return `// ${example.origin}\n${header}\n${body}\nexport {};\n`;
}

/** Internal names (exported by a src module but by no public entry) and the built file that declares each. */
function internalNames(entries, projectDirectory) {
	const publicNames = new Set(entries.flatMap(entry => [...entry.names]));
	const internal = new Map();
	for (const file of walk(path.join(root, 'src'))) {
		const dist = path.join(root, 'dist', path.relative(path.join(root, 'src'), file)).replace(/\.ts$/, '.js');
		let relative = path.relative(projectDirectory, dist).replaceAll('\\', '/');
		relative = relative.startsWith('.') ? relative : `./${relative}`;
		for (const name of exportedNames(readFileSync(file, 'utf8'))) {
			if (!publicNames.has(name) && !internal.has(name)) {
				internal.set(name, relative);
			}
		}
	}

	return internal;
}

export const RESOLUTIONS = {
	bundler: {module: 'ESNext', moduleResolution: 'Bundler'},
	node16: {module: 'Node16', moduleResolution: 'Node16'},
};

/**
 * Writes the examples as a TypeScript project under `directory` (inside the repository, so `cors-doctor` resolves to
 * this package by its own name and `exports`, and ky/axios from its node_modules).
 */
export function writeProject(directory, examples) {
	rmSync(directory, {recursive: true, force: true});
	mkdirSync(directory, {recursive: true});
	const entries = publicEntries();
	const internal = internalNames(entries, directory);
	writeFileSync(path.join(directory, 'globals.ts'), GLOBALS);
	const files = examples.map((example, index) => {
		const name = `example-${String(index).padStart(3, '0')}.ts`;
		writeFileSync(path.join(directory, name), moduleFor(example, entries, internal, index));
		return {name, origin: example.origin};
	});
	for (const [resolution, options] of Object.entries(RESOLUTIONS)) {
		writeFileSync(path.join(directory, `tsconfig.${resolution}.json`), JSON.stringify({
			compilerOptions: {
				...options,
				target: 'ES2022',
				lib: ['ES2023', 'DOM', 'DOM.Iterable'],
				types: ['node'],
				typeRoots: [path.join(root, 'node_modules/@types')],
				strict: true,
				noEmit: true,
				// Examples show one call each; a name they declare but do not read again is fine.
				noUnusedLocals: false,
				// Declarations are tsc's own output from checked sources; checking every .d.ts again costs a minute.
				skipLibCheck: true,
			},
			include: ['*.ts'],
		}, null, '\t'));
	}

	return files;
}

/**
 * Type-checks the project with one resolution mode; returns the diagnostics, each mapped to its example's origin.
 * tsc skips the type check of the whole program once any file has a syntax error, so files with syntax errors are
 * reported and then left out, and the rest is checked again: one broken example cannot hide the others' errors.
 * @returns {Promise<string[]>}
 */
export async function compile(directory, resolution, files) {
	const reported = [];
	let remaining = files;
	for (;;) {
		const lines = await runTsc(directory, resolution, remaining);
		// A diagnostic's continuation lines (indented) belong to the file of the line before them.
		let previous;
		const mapped = lines.map(line => {
			const file = /^\s/.test(line) ? previous : remaining.find(candidate => line.startsWith(`${candidate.name}(`) || line.includes(`/${candidate.name}(`));
			previous = file;
			return {line, file};
		});
		const syntax = new Set(mapped.filter(({line, file}) => file && /error TS1\d{3}:/.test(line)).map(({file}) => file));
		const keep = syntax.size === 0 ? mapped : mapped.filter(({file}) => syntax.has(file));
		reported.push(...keep.map(({line, file}) => file ? `${file.origin} [${resolution}] ${line}` : `[${resolution}] ${line}`));
		if (syntax.size === 0) {
			return reported;
		}

		remaining = remaining.filter(file => !syntax.has(file));
	}
}

async function runTsc(directory, resolution, files) {
	const config = path.join(directory, `tsconfig.${resolution}.json`);
	const project = JSON.parse(readFileSync(config, 'utf8'));
	const checked = path.join(directory, `tsconfig.${resolution}.checked.json`);
	writeFileSync(checked, JSON.stringify({...project, include: undefined, files: ['globals.ts', ...files.map(file => file.name)]}, null, '\t'));
	const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
	try {
		await promisify(execFile)(process.execPath, [tsc, '-p', checked, '--pretty', 'false'], {cwd: directory, maxBuffer: 16 * 1024 * 1024});
		return [];
	} catch (error) {
		const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
		if (!output) {
			throw error;
		}

		return output.split('\n').filter(line => line.trim());
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const directory = path.join(root, '.tmp', 'examples');
	const examples = collectExamples();
	const files = writeProject(directory, examples);
	let failed = false;
	for (const resolution of Object.keys(RESOLUTIONS)) {
		const errors = await compile(directory, resolution, files);
		failed ||= errors.length > 0;
		console.log(`examples: ${examples.length} examples, ${resolution}: ${errors.length === 0 ? 'ok' : `${errors.length} errors`}`);
		for (const line of errors) {
			console.log(`  ${line}`);
		}
	}

	process.exitCode = failed ? 1 : 0;
}
