import {agreementSuite} from './support/agreement';

// The enforcing fetch (engine: 'firefox') and headless firefox agree on every scenario: outcome, error, readable headers, wire.
agreementSuite('firefox');
