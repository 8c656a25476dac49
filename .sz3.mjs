import {measureImport, distFile} from './bench/lib/bundle-size.js';
const r = await measureImport(`export {corsFetch} from ${JSON.stringify(distFile('index.js'))};`);
console.log('eager gzip', r.gzip, 'lazy', r.lazyGzip);
