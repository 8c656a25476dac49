// Starts an HTTP server on a free loopback port and returns its origin plus a close() that
// also drops keep-alive sockets (otherwise close() waits for clients to hang up).
import http from 'node:http';

/**
 * @param {http.RequestListener} handler
 * @returns {Promise<{origin: string, port: number, close: () => Promise<void>}>}
 */
export async function listen(handler) {
	const server = http.createServer({keepAliveTimeout: 60_000}, handler);
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		origin: `http://127.0.0.1:${port}`,
		port,
		close: () => new Promise(resolve => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}
