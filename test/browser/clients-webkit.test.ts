import {clientsSuite} from './support/clients-suite';

// axios (both adapters), ofetch, wretch and up-fetch with cors-doctor/clients, built, in webkit. One file per engine.
clientsSuite('webkit');
