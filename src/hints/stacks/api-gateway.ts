import {methodsOf} from '../render-util.js';
import type {StackRenderer} from '../types.js';

// Checked against docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html (not run: no AWS here).
/** AWS API Gateway HTTP APIs: the built-in CORS configuration, which answers preflights without an OPTIONS route. */
export const render: StackRenderer = policy => [{
	stack: 'api-gateway',
	language: 'json',
	file: 'cors.json: aws apigatewayv2 update-api --api-id API_ID --cors-configuration file://cors.json',
	note: 'With a CORS configuration, API Gateway answers preflights itself and ignores CORS headers from the integration, so remove them from the backend (one layer only). REST APIs instead need an OPTIONS method and the headers on Gateway Responses (DEFAULT_4XX/5XX).',
	code: JSON.stringify({
		AllowOrigins: [policy.origin],
		AllowMethods: methodsOf(policy),
		...(policy.headers.length > 0 ? {AllowHeaders: policy.headers} : {}),
		...(policy.exposeHeaders.length > 0 ? {ExposeHeaders: policy.exposeHeaders} : {}),
		...(policy.credentials ? {AllowCredentials: true} : {}),
		...(policy.maxAge === undefined ? {} : {MaxAge: policy.maxAge}),
	}, null, 2),
}];
