export type CheckInputErrorCode = 'INVALID_URL' | 'UNSUPPORTED_SCHEME' | 'INVALID_ORIGIN' | 'FORBIDDEN_METHOD' | 'INVALID_METHOD' | 'INVALID_HEADER_NAME' | 'FORBIDDEN_HEADER' | 'INVALID_OPTION';

/**
The input to `checkCors` cannot describe a browser request (the browser itself would throw before sending).
The message is one line, fit for a CLI.
*/
export class CheckInputError extends TypeError {
	override name = 'CheckInputError' as const;
	readonly code: CheckInputErrorCode;

	constructor(code: CheckInputErrorCode, message: string) {
		super(message);
		this.code = code;
	}
}
