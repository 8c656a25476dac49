// hono + hono/cors on @hono/node-server, with its common mistakes. PAGE_ORIGIN and PORT come from the test.
import {serve} from '@hono/node-server';
import {Hono} from 'hono';
import {cors} from 'hono/cors';

const page = process.env.PAGE_ORIGIN;
const app = new Hono();

app.use('/api/*', cors({origin: page}));
app.get('/api/good', c => c.text('ok'));
// Auth before CORS on /secure: the preflight gets the 401.
app.use('/secure/*', async (c, next) => (c.req.header('authorization') ? next() : c.text('unauthorized', 401)));
app.use('/secure/*', cors({origin: page}));
app.get('/secure/me', c => c.text('ok'));
// A header allow-list without x-api-key.
app.use('/listed/*', cors({origin: page, allowHeaders: ['Content-Type']}));
app.get('/listed/x', c => c.text('ok'));
// Credentials with *.
app.use('/wild/*', cors({origin: '*', credentials: true}));
app.get('/wild/x', c => c.text('ok'));
// A route outside the CORS prefix.
app.get('/v1/x', c => c.text('ok'));

const server = serve({fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1'}, info => console.log(`LISTENING ${info.port}`));
process.on('SIGTERM', () => server.close());
