import {describe, expectTypeOf, test} from 'vitest';
import type {CorsCode} from '../../src/codes';
import {CorsError, type CorsErrorOf} from '../../src/errors/CorsError';
import {getCorsError, isCorsError} from '../../src/errors/is-cors-error';
import type {Alternative, CorsErrorFields, CorsErrorJSON, UndeterminedReason} from '../../src/errors/types';
import type {CheckJSON} from '../../src/node/json';
import type {EngineNote, SpecFailure} from '../../src/rules/types';

// Checked by `tsc --noEmit` (npm test): expectTypeOf is a no-op at run time, a wrong type is a compile error.
const request = {method: 'GET', url: 'https://api.example.com/x', pageOrigin: 'https://app.example.com', targetOrigin: 'https://api.example.com', mode: 'cors', credentials: 'omit', preflight: false, triggers: []} as const;
const caught: unknown = new CorsError({code: 'UNDETERMINED', confidence: 'possible', request, reason: 'timeout'});

describe('types that narrow', () => {
	test('isCorsError is a type guard', () => {
		if (isCorsError(caught)) {
			expectTypeOf(caught).toEqualTypeOf<CorsErrorOf>();
			expectTypeOf(caught.hints).not.toBeAny();
			expectTypeOf(caught.code).toEqualTypeOf<CorsCode>();
			// Narrowing on `code` narrows the per-code fields, as zod's issue union does.
			if (caught.code === 'UNDETERMINED') {
				expectTypeOf(caught.reason).toEqualTypeOf<UndeterminedReason>();
				expectTypeOf(caught.names).toEqualTypeOf<readonly []>();
			}
		}
	});

	test('with a code, isCorsError and getCorsError narrow to that code', () => {
		if (isCorsError(caught, 'HEADER_NOT_ALLOWED')) {
			expectTypeOf(caught).toEqualTypeOf<CorsError<'HEADER_NOT_ALLOWED'>>();
			expectTypeOf(caught.names).toEqualTypeOf<readonly [string, ...string[]]>();
			expectTypeOf(caught.reason).toEqualTypeOf<undefined>();
		}

		expectTypeOf(getCorsError(caught, 'METHOD_NOT_ALLOWED')).toEqualTypeOf<CorsError<'METHOD_NOT_ALLOWED'> | undefined>();
		expectTypeOf(getCorsError(caught, 'UNDETERMINED')!.reason).toEqualTypeOf<UndeterminedReason>();
		expectTypeOf(getCorsError(caught)).toEqualTypeOf<CorsErrorOf | undefined>();
		// @ts-expect-error not a code
		isCorsError(caught, 'NOT_A_CODE');
	});

	test('toJSON is typed per code and lists exactly the declared fields', () => {
		const error = new CorsError({code: 'UNDETERMINED', confidence: 'possible', request, reason: 'timeout'});
		expectTypeOf(error.toJSON()).toEqualTypeOf<CorsErrorJSON<'UNDETERMINED'>>();
		expectTypeOf(error.toJSON().schemaVersion).toEqualTypeOf<2>();
		expectTypeOf<keyof CorsErrorJSON>().toEqualTypeOf<keyof CorsErrorFields | 'schemaVersion' | 'name' | 'message'>();
		expectTypeOf(error.alternatives).toEqualTypeOf<readonly Alternative[]>();
		expectTypeOf(error.mayHaveRun).toEqualTypeOf<boolean>();
	});

	test('a spec failure\'s detail and an engine note\'s code narrow on their discriminant', () => {
		const failure = {} as SpecFailure;
		if (failure.code === 'ALLOW_ORIGIN_MULTIPLE') {
			expectTypeOf(failure.detail).toEqualTypeOf<'duplicate-lines' | 'list' | undefined>();
		}

		if (failure.code === 'WILDCARD_ORIGIN_WITH_CREDENTIALS') {
			expectTypeOf(failure.detail).toEqualTypeOf<undefined>();
		}

		const note = {} as EngineNote;
		if (note.behaviour === 'code') {
			expectTypeOf(note.code).toEqualTypeOf<CorsCode>();
		}
	});

	test('CheckJSON.codes are codes', () => {
		expectTypeOf<CheckJSON['codes']>().toEqualTypeOf<readonly CorsCode[]>();
	});
});
