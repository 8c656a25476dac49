#!/usr/bin/env node
console.log('cors-doctor');
