export type CheckNetworkErrorCode = 'UNREACHABLE' | 'TIMEOUT';

/** Why no response arrived: refused, DNS, reset after connecting, timeout, or anything else. */
export type NetworkFailureKind = 'refused' | 'dns' | 'reset' | 'timeout' | 'other';

/** No HTTP response at all: the CORS configuration could not be checked. The original error is in `cause`. */
export class CheckNetworkError extends Error {
	override name = 'CheckNetworkError' as const;
	readonly code: CheckNetworkErrorCode;
	readonly kind: NetworkFailureKind;
	readonly url: string;

	constructor(kind: NetworkFailureKind, url: string, message: string, options?: {cause?: unknown}) {
		super(message, options);
		this.kind = kind;
		this.code = kind === 'timeout' ? 'TIMEOUT' : 'UNREACHABLE';
		this.url = url;
	}
}
