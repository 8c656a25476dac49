// The lab page: plain JS over the BUILT library (/dist/index.js), as an app would use it. No framework, no network
// beyond this machine. Each run shows the browser's CorsError next to what the Node checker says (POST /api/check).
const library = import('/dist/index.js');
const lab = await (await fetch('/api/lab')).json();
const hints = lab.hints ? await import(lab.hints).catch(() => null) : null;
// Without a list from the hints entry, offer the stacks its catalog documents.
const STACKS = hints?.STACK_IDS ?? ['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs', 'django', 'flask', 'fastapi', 'php', 'laravel', 'rails', 'aspnet', 'spring', 'go', 'nginx', 'apache', 'caddy'];
let framework = STACKS.includes('express') ? 'express' : STACKS[0];

/** Builds an element; strings become text nodes (never HTML). */
function h(tag, attributes = {}, ...children) {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value !== undefined && value !== null && value !== false) {
			element.setAttribute(name, value === true ? '' : String(value));
		}
	}

	element.append(...children.flat().filter(child => child !== undefined && child !== null && child !== false));
	return element;
}

const groups = document.querySelector('#groups');
groups.replaceChildren(...lab.classes.map(({id, title}) => {
	const entries = lab.cases.filter(entry => entry.class === id);
	return h('fieldset', {}, h('legend', {}, title), h('ul', {},
		entries.map(entry => h('li', {}, Object.assign(h('button', {type: 'button', 'data-run': entry.id, title: entry.description}, entry.id), {
			onclick: () => runCase(entry),
		})))));
}));

document.querySelector('#run-all').addEventListener('click', async event => {
	event.target.disabled = true;
	try {
		for (const entry of lab.cases) {
			await runCase(entry);
		}
	} finally {
		event.target.disabled = false;
	}
});

/** Sends one request through corsFetch and asks the Node checker about the same one. */
async function diagnose(url, init, options = {}, timeout = 0) {
	const cd = await library;
	const corsFetch = cd.createCorsFetch(options);
	const started = performance.now();
	let browser;
	try {
		const response = await corsFetch(url, {...init, cache: 'no-store', ...(timeout ? {signal: AbortSignal.timeout(timeout)} : {})});
		await response.arrayBuffer();
		browser = {kind: 'success', status: response.status, type: response.type};
	} catch (error) {
		const cors = cd.getCorsError(error);
		browser = cors ? {kind: 'cors', error: cors} : {kind: 'error', name: error?.name, message: error?.message};
	}

	browser.ms = Math.round(performance.now() - started);
	const outcome = browser.kind === 'cors' ? {kind: 'cors', code: browser.error.code} : browser.kind === 'success' ? {kind: 'success'} : {kind: 'error', name: browser.name};
	const node = await (await fetch('/api/check', {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({url, method: init.method ?? 'GET', headers: Object.entries(init.headers ?? {}), credentials: init.credentials === 'include', browser: outcome}),
	})).json();
	return {browser, node, formatHint: cd.formatHint};
}

const result = document.querySelector('#result');

async function runCase(entry) {
	result.dataset.state = 'running';
	result.dataset.case = entry.id;
	result.replaceChildren(h('p', {}, `Running ${entry.id}…`));
	const run = await diagnose(entry.url, entry.init, entry.options, entry.timeout);
	show(entry.id, entry.description, entry.url, entry.init, run);
}

function show(id, description, url, init, {browser, node, formatHint}) {
	const error = browser.kind === 'cors' ? browser.error : undefined;
	const codes = node.outcome.kind === 'result' ? node.outcome.codes : [];
	const agree = node.agreement?.agree;
	Object.assign(result.dataset, {
		case: id,
		state: 'done',
		kind: browser.kind,
		code: error?.code ?? '',
		confidence: error?.confidence ?? '',
		node: node.outcome.kind === 'result' ? (node.outcome.ok ? 'ok' : codes.join(' ')) : node.outcome.kind === 'network' ? `network:${node.outcome.code}` : 'refused',
		agree: String(agree ?? null),
	});
	const headerNames = Object.keys(init.headers ?? {});
	result.replaceChildren(
		h('h3', {}, id),
		description ? h('p', {class: 'muted'}, description) : null,
		h('p', {}, h('strong', {}, 'Request: '), h('code', {}, `${init.method ?? 'GET'} ${url}`),
			headerNames.length > 0 ? ` with headers ${headerNames.join(', ')}` : '', `, credentials: ${init.credentials ?? 'same-origin'}`, init.mode ? `, mode: ${init.mode}` : ''),
		h('div', {class: 'cols'},
			h('div', {}, h('h3', {}, 'In the browser (corsFetch)'), browserView(browser, formatHint)),
			h('div', {}, h('h3', {}, 'From Node (cors-doctor check)'), nodeView(node))),
		h('p', {}, h('strong', {}, 'Agree: '), h('span', {class: agree === true ? 'good' : agree === false ? 'bad' : 'muted'}, agree === true ? 'yes' : agree === false ? 'no' : 'not comparable'),
			` — ${node.agreement?.why ?? ''}`),
	);
	summarize(id, browser, node);
}

function browserView(browser, formatHint) {
	if (browser.kind === 'success') {
		return h('p', {}, h('span', {class: 'good'}, 'No error'), `: status ${browser.status} (${browser.type}) in ${browser.ms} ms.`);
	}

	if (browser.kind === 'error') {
		return h('p', {}, h('span', {class: 'bad'}, `${browser.name}: ${browser.message}`), ' — not CORS, so cors-doctor leaves the platform error alone.');
	}

	const error = browser.error;
	const alternatives = Array.isArray(error.alternatives) ? error.alternatives : [];
	return h('div', {},
		h('p', {}, h('span', {class: 'bad'}, error.code), ` — confidence: ${error.confidence}`, error.source ? `, from the ${error.source}` : '', error.names?.length ? `, about ${error.names.join(', ')}` : ''),
		h('p', {}, error.message),
		alternatives.length > 0 ? h('p', {}, 'Alternatives: ', alternatives.map(entry => typeof entry === 'string' ? entry : `${entry.code}${entry.tellApart ?? entry.how ? ` (${entry.tellApart ?? entry.how})` : ''}`).join('; ')) : null,
		timeline(error.evidence ?? []),
		error.hints?.length ? h('div', {}, h('h3', {}, 'Fix'), h('pre', {}, error.hints.map(hint => `${formatHint(hint)}    (on the ${hint.on} response)`).join('\n'))) : null,
		fixView(error),
		h('p', {}, h('a', {href: error.docsUrl}, `About ${error.code}`)),
	);
}

/** The probes as a small timeline: what was sent, what came back, how long it took. */
function timeline(evidence) {
	if (evidence.length === 0) {
		return h('p', {class: 'muted'}, 'No probes: static facts decided.');
	}

	const longest = Math.max(1, ...evidence.map(probe => probe.ms));
	return h('table', {}, h('caption', {}, 'Evidence: the probes, in parallel'),
		h('thead', {}, h('tr', {}, ['Probe', 'Sent', 'Outcome', 'Time'].map(label => h('th', {scope: 'col'}, label)))),
		h('tbody', {}, evidence.map(probe => h('tr', {},
			h('td', {}, probe.probe),
			h('td', {}, h('code', {}, [probe.sent.method, probe.sent.mode, `credentials ${probe.sent.credentials}`, probe.sent.redirect ? `redirect ${probe.sent.redirect}` : '', probe.sent.header ? `+ ${probe.sent.header}` : ''].filter(Boolean).join(' '))),
			h('td', {class: probe.outcome === 'ok' || probe.outcome === 'opaque' || probe.outcome === 'opaqueredirect' ? 'good' : 'bad'}, probe.outcome, probe.status ? ` ${probe.status}` : ''),
			h('td', {}, h('span', {class: 'bar', style: `width:${Math.round((probe.ms / longest) * 4)}rem`, 'aria-hidden': 'true'}), ` ${probe.ms} ms`)))));
}

/** The framework-specific fix, when the hints entry is built (getFixes(error, {framework})). */
function fixView(error) {
	if (typeof hints?.getFixes !== 'function') {
		return h('p', {class: 'muted'}, 'Per-framework fixes appear here once the cors-doctor/hints entry is built.');
	}

	const output = h('div', {});
	const render = () => {
		let fixes;
		try {
			fixes = hints.getFixes(error, {framework});
		} catch (failure) {
			output.replaceChildren(h('p', {class: 'muted'}, `No fix for ${framework}: ${failure.message}`));
			return;
		}

		const list = Array.isArray(fixes) ? fixes : fixes?.snippets ?? (fixes ? [fixes] : []);
		output.replaceChildren(...list.length === 0 ? [h('p', {class: 'muted'}, `No fix for ${framework}.`)] : list.map(fix => typeof fix === 'string' ? h('pre', {}, fix)
			: h('div', {}, fix.file ? h('p', {}, `In ${fix.file}:`) : null, h('pre', {}, fix.code ?? JSON.stringify(fix, null, 2)), fix.note ? h('p', {class: 'muted'}, fix.note) : null)));
	};

	const select = h('select', {id: 'framework'}, STACKS.map(stack => h('option', {value: stack, selected: stack === framework}, stack)));
	select.addEventListener('change', () => {
		framework = select.value;
		render();
	});
	render();
	return h('div', {}, h('label', {for: 'framework'}, 'Fix for '), select, output);
}

function nodeView(node) {
	const {outcome} = node;
	return h('div', {},
		h('pre', {}, `$ ${node.command}`),
		outcome.kind === 'refused' ? h('p', {class: 'muted'}, outcome.message)
			: outcome.kind === 'network' ? h('p', {class: 'bad'}, `Network error: ${outcome.code}`)
				: outcome.ok ? h('p', {class: 'good'}, 'No CORS problem.')
					: h('ul', {}, node.problems.map(problem => h('li', {}, h('span', {class: 'bad'}, problem.code), ` (${problem.phase}): ${problem.message}`,
						problem.fix.length ? h('pre', {}, problem.fix.join('\n')) : null))));
}

const summary = document.querySelector('#summary tbody');
function summarize(id, browser, node) {
	const row = h('tr', {'data-row': id},
		h('th', {scope: 'row'}, id),
		h('td', {}, browser.kind === 'cors' ? browser.error.code : browser.kind === 'success' ? 'success' : `${browser.name} (not CORS)`),
		h('td', {}, browser.kind === 'cors' ? browser.error.confidence : ''),
		h('td', {}, node.outcome.kind === 'result' ? (node.outcome.ok ? 'ok' : node.outcome.codes.join(', ')) : node.outcome.kind === 'network' ? node.outcome.code : 'n/a'),
		h('td', {}, node.agreement?.agree === true ? 'yes' : node.agreement?.agree === false ? 'no' : '—'));
	const existing = summary.querySelector(`tr[data-row="${CSS.escape(id)}"]`);
	if (existing) {
		existing.replaceWith(row);
	} else {
		summary.append(row);
	}
}

/** Only this machine: the lab must never become a way to send requests elsewhere. */
function isLoopback(value) {
	try {
		const {protocol, hostname} = new URL(value);
		const host = hostname.replace(/^\[|\]$/g, '');
		return (protocol === 'http:' || protocol === 'https:') && (host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host));
	} catch {
		return false;
	}
}

document.querySelector('#own').addEventListener('submit', async event => {
	event.preventDefault();
	const form = new FormData(event.target);
	const message = document.querySelector('#own-error');
	const url = String(form.get('url')).trim();
	if (!isLoopback(url)) {
		message.textContent = 'Only URLs on this machine: 127.0.0.1, localhost or [::1].';
		return;
	}

	const headers = {};
	for (const line of String(form.get('headers')).split('\n')) {
		const colon = line.indexOf(':');
		if (line.trim() === '') {
			continue;
		}

		if (colon < 1) {
			message.textContent = `Not a header line: "${line}" (write name: value).`;
			return;
		}

		headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
	}

	message.textContent = '';
	const init = {method: String(form.get('method')), headers, credentials: String(form.get('credentials'))};
	result.dataset.state = 'running';
	result.dataset.case = 'own';
	show('own request', '', url, init, await diagnose(url, init));
});
