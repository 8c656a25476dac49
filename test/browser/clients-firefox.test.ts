import {clientsSuite} from './support/clients-suite';

// axios (both adapters), ofetch, wretch and up-fetch with cors-doctor/clients, built, in firefox. One file per engine.
clientsSuite('firefox');
