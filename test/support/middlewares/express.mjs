// express + cors, configured the ways people misconfigure them. PAGE_ORIGIN and PORT come from the test.
import cors from 'cors';
import express from 'express';

const page = process.env.PAGE_ORIGIN;
const app = express();

// Good: one CORS policy for the route, credentials allowed.
app.get('/good', cors({origin: page, credentials: true}), (request, response) => response.send('ok'));
// Route-level CORS on the PUT handler only: express answers the OPTIONS preflight itself (Allow: PUT), without CORS.
app.put('/route-level', cors({origin: page}), (request, response) => response.send('ok'));
// Auth before CORS: a preflight never carries Authorization, so it gets the 401, without CORS.
app.use('/auth', (request, response, next) => (request.headers.authorization ? next() : response.status(401).send('unauthorized')));
app.use('/auth', cors({origin: page}));
app.get('/auth/me', (request, response) => response.send('ok'));
// A method allow-list without PUT.
app.use('/methods', cors({origin: page, methods: ['GET', 'POST']}));
app.put('/methods', (request, response) => response.send('ok'));
// A header allow-list without x-api-key.
app.use('/headers', cors({origin: page, allowedHeaders: ['Content-Type']}));
app.get('/headers', (request, response) => response.send('ok'));
// Credentials with *: cors sends Access-Control-Allow-Origin: * and Access-Control-Allow-Credentials: true.
app.use('/wildcard', cors({origin: '*', credentials: true}));
app.get('/wildcard', (request, response) => response.send('ok'));
// Credentials with * in the allow-lists: with credentials, * is a literal header or method name.
app.use('/star-headers', cors({origin: page, credentials: true, allowedHeaders: '*'}));
app.get('/star-headers', (request, response) => response.send('ok'));
app.use('/star-methods', cors({origin: page, credentials: true, methods: '*'}));
app.put('/star-methods', (request, response) => response.send('ok'));
// An error before the CORS middleware runs: express's error handler answers 500 without CORS.
app.get('/error', (request, response, next) => next(new Error('boom')), cors({origin: page}), (request, response) => response.send('ok'));
// A DELETE-only route: OPTIONS gets express's automatic Allow answer, GET a 404, neither with CORS.
app.delete('/only-delete/:id', cors({origin: page}), (request, response) => response.send('deleted'));
// The preflight allows DELETE, and the DELETE runs, then fails with a 500 that lacks CORS (its handler skips the middleware).
app.options('/ran/:id', cors({origin: page, methods: ['DELETE']}));
app.delete('/ran/:id', (request, response) => response.status(500).send('failed after running'));

const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`));
