import {clientsSuite} from './support/clients-suite';

// axios (both adapters), ofetch, wretch and up-fetch with cors-doctor/clients, built, in chromium. One file per engine.
clientsSuite('chromium');
