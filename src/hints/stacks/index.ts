import type {StackId, StackRenderer} from '../types.js';
import {render as aspnet} from './aspnet.js';
import {render as apache} from './apache.js';
import {render as apiGateway} from './api-gateway.js';
import {render as caddy} from './caddy.js';
import {render as django} from './django.js';
import {render as express} from './express.js';
import {render as fastapi} from './fastapi.js';
import {render as fastify} from './fastify.js';
import {render as flask} from './flask.js';
import {render as go} from './go.js';
import {render as hono} from './hono.js';
import {render as koa} from './koa.js';
import {render as laravel} from './laravel.js';
import {render as nestjs} from './nestjs.js';
import {render as nextjs} from './nextjs.js';
import {render as nginx} from './nginx.js';
import {render as php} from './php.js';
import {render as rails} from './rails.js';
import {render as s3} from './s3.js';
import {render as spring} from './spring.js';

/** A server stack the catalog renders snippets for. */
export interface Stack {
	readonly id: StackId;
	/** Display name, with the package it configures. */
	readonly name: string;
	/**
	`runtime`: a test starts the real framework with the rendered snippet and shows in headless Chromium that the
	failing request passes; `docs`: checked against the official documentation only (no runtime on the test machine).
	*/
	readonly verified: 'runtime' | 'docs';
	/** For `docs` stacks: the official documentation page the snippet was checked against. */
	readonly docs?: string;
	readonly render: StackRenderer;
}

// Order: the order UIs and docs list them in (Node first, then other languages, then servers and cloud).
export const STACKS: {readonly [S in StackId]: Stack} = {
	express: {id: 'express', name: 'Express (cors)', verified: 'runtime', render: express},
	fastify: {id: 'fastify', name: 'Fastify (@fastify/cors)', verified: 'runtime', render: fastify},
	koa: {id: 'koa', name: 'Koa (@koa/cors)', verified: 'runtime', render: koa},
	hono: {id: 'hono', name: 'Hono (hono/cors)', verified: 'runtime', render: hono},
	nestjs: {id: 'nestjs', name: 'NestJS (enableCors)', verified: 'runtime', render: nestjs},
	nextjs: {id: 'nextjs', name: 'Next.js (route handlers, proxy/middleware)', verified: 'runtime', render: nextjs},
	django: {id: 'django', name: 'Django (django-cors-headers)', verified: 'runtime', render: django},
	flask: {id: 'flask', name: 'Flask (flask-cors)', verified: 'runtime', render: flask},
	fastapi: {id: 'fastapi', name: 'FastAPI / Starlette (CORSMiddleware)', verified: 'runtime', render: fastapi},
	php: {id: 'php', name: 'PHP (plain)', verified: 'runtime', render: php},
	laravel: {id: 'laravel', name: 'Laravel (config/cors.php)', verified: 'docs', docs: 'https://laravel.com/docs/routing#cors', render: laravel},
	rails: {id: 'rails', name: 'Rails / Rack (rack-cors)', verified: 'runtime', render: rails},
	aspnet: {id: 'aspnet', name: 'ASP.NET Core (AddCors)', verified: 'docs', docs: 'https://learn.microsoft.com/aspnet/core/security/cors', render: aspnet},
	spring: {id: 'spring', name: 'Spring Boot (CorsConfigurationSource)', verified: 'docs', docs: 'https://docs.spring.io/spring-security/reference/servlet/integrations/cors.html', render: spring},
	go: {id: 'go', name: 'Go (net/http, rs/cors)', verified: 'runtime', render: go},
	nginx: {id: 'nginx', name: 'nginx', verified: 'runtime', render: nginx},
	apache: {id: 'apache', name: 'Apache httpd (mod_headers)', verified: 'runtime', render: apache},
	caddy: {id: 'caddy', name: 'Caddy', verified: 'runtime', render: caddy},
	s3: {id: 's3', name: 'AWS S3 (bucket CORS)', verified: 'docs', docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html', render: s3},
	'api-gateway': {id: 'api-gateway', name: 'AWS API Gateway (HTTP API)', verified: 'docs', docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html', render: apiGateway},
};

/** Every stack id, in display order. */
export const STACK_IDS = Object.keys(STACKS) as StackId[];
