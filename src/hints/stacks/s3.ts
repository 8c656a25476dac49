import {methodsOf} from '../render-util.js';
import type {StackRenderer} from '../types.js';

// S3 CORS rules accept only these methods (docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html).
const S3_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

// Checked against the S3 user guide and the PutBucketCors API reference (not run: no S3 here).
/** AWS S3 bucket CORS: the JSON the console and `aws s3api put-bucket-cors` take. S3 adds Vary: Origin itself. */
export const render: StackRenderer = policy => {
	const methods = methodsOf(policy).filter(method => S3_METHODS.has(method));
	const dropped = methodsOf(policy).filter(method => !S3_METHODS.has(method));
	const rule = {
		AllowedOrigins: [policy.origin],
		AllowedMethods: methods,
		...(policy.headers.length > 0 ? {AllowedHeaders: policy.headers} : {}),
		// ETag lets multipart uploads read each part's tag.
		ExposeHeaders: [...new Set([...policy.exposeHeaders, 'etag'])],
		...(policy.maxAge === undefined ? {} : {MaxAgeSeconds: policy.maxAge}),
	};
	return [{
		stack: 's3',
		language: 'json',
		file: 'cors.json: aws s3api put-bucket-cors --bucket BUCKET --cors-configuration file://cors.json (or the bucket\'s Permissions tab)',
		note: `S3 answers the preflight itself and sends Access-Control-Allow-Credentials: true whenever the origin is not "*". Presigned PUT uploads need this too.${dropped.length > 0 ? ` S3 rules cannot allow ${dropped.join(', ')}.` : ''}`,
		code: JSON.stringify({CORSRules: [rule]}, null, 2),
	}];
};
