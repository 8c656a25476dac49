// koa + @koa/cors, with its common mistakes. PAGE_ORIGIN and PORT come from the test.
import cors from '@koa/cors';
import Koa from 'koa';

const page = process.env.PAGE_ORIGIN;
const app = new Koa();

// Auth before CORS for /private: the preflight gets the 401.
app.use(async (ctx, next) => {
	if (ctx.path.startsWith('/private') && !ctx.get('authorization')) {
		ctx.status = 401;
		ctx.body = 'unauthorized';
		return;
	}
	await next();
});
// A method allow-list without DELETE.
app.use(cors({origin: page, allowMethods: ['GET', 'POST', 'PUT']}));
app.use(async ctx => {
	ctx.body = 'ok';
});

const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`));
