// The remediation entry (`cors-doctor/hints`): the catalog, the stack renderers and the people-facing messages. Kept
// out of the browser core on purpose: `corsFetch` never imports it, so an app pays for it only when it imports it.
export {getFixes} from './hints/get-fixes.js';
export {describe} from './hints/describe.js';
export {formatFixes} from './hints/format.js';
export type {FormatFixesOptions} from './hints/format.js';
export type {DescribeOptions} from './hints/describe.js';
export {STACKS, STACK_IDS} from './hints/stacks/index.js';
export type {Stack} from './hints/stacks/index.js';
export type {CodeFixes, CorsErrorLike, FixFacts, FixInput, Fixes, GetFixesOptions, HeaderLine, Note, StackFix} from './hints/model.js';
export type {CorsPolicy, Snippet, StackId, StackRenderer} from './hints/types.js';
