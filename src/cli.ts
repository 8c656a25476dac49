#!/usr/bin/env node
import process from 'node:process';
import {runCli} from './cli/run.js';
import {packageVersion} from './cli/version.js';

process.exitCode = await runCli(process.argv.slice(2), {
	stdout: text => process.stdout.write(text),
	stderr: text => process.stderr.write(text),
	env: process.env,
	isTTY: process.stdout.isTTY === true,
	version: packageVersion,
});
