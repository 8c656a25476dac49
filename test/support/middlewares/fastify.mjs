// fastify + @fastify/cors, with its common mistakes. PAGE_ORIGIN and PORT come from the test.
import cors from '@fastify/cors';
import Fastify from 'fastify';

const page = process.env.PAGE_ORIGIN;
const app = Fastify();

// CORS registered inside a plugin: encapsulation limits it to that plugin's routes.
await app.register(async api => {
	// The default methods (GET, HEAD, POST) leave PUT out.
	await api.register(cors, {origin: page});
	api.get('/scoped', async () => 'ok');
	api.put('/scoped', async () => 'ok');
});
// Outside the plugin: no CORS at all.
app.get('/outside', async () => 'ok');

await app.listen({port: Number(process.env.PORT), host: '127.0.0.1'});
console.log(`LISTENING ${app.server.address().port}`);
