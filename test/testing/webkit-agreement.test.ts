import {agreementSuite} from './support/agreement';

// The enforcing fetch (engine: 'webkit') and headless webkit agree on every scenario: outcome, error, readable headers, wire.
agreementSuite('webkit');
