import {agreementSuite} from './support/agreement';

// The enforcing fetch (engine: 'chromium') and headless chromium agree on every scenario: outcome, error, readable headers, wire.
agreementSuite('chromium');
