// Runs a server in a worker thread, so in the Node bench the server's event loop does not share
// (and steal) the client's: the client side is what is measured.
import {Worker} from 'node:worker_threads';

const source = `
import {parentPort, workerData} from 'node:worker_threads';
const module = await import(workerData.module);
const server = await module[workerData.start]();
parentPort.postMessage({origin: server.origin});
parentPort.on('message', async () => { await server.close(); process.exit(0); });
`;

/**
 * @param {URL} module file that exports the start function
 * @param {string} start name of an export returning {origin, close}
 * @returns {Promise<{origin: string, close: () => Promise<void>}>}
 */
export async function startInWorker(module, start) {
	const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
		workerData: {module: module.href, start},
	});
	const {origin} = await new Promise((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
	});
	return {
		origin,
		async close() {
			const exited = new Promise(resolve => worker.once('exit', resolve));
			worker.postMessage('close');
			await exited;
		},
	};
}
