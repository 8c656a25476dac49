// Kept apart from console.ts so the classifier can ask "is this a development build?" without loading the printer.

/**
Whether the app runs as a development build, from what its bundler says: `import.meta.env.DEV` (Vite and friends), else
`process.env.NODE_ENV` (webpack, Parcel, Rollup replace it). Where neither says anything (plain ESM in a browser) it is
`false`: the console stays quiet unless asked. Both expressions are written out literally so bundlers can replace them
and drop the printing code from production builds.
*/
export const isDevelopment = (): boolean => {
	let dev: unknown;
	try {
		dev = (import.meta as ImportMeta & {env?: {DEV?: unknown}}).env?.DEV;
	} catch {}

	let nodeEnv: unknown;
	try {
		nodeEnv = process.env.NODE_ENV;
	} catch {}

	return developmentFrom(dev, nodeEnv);
};

/** The decision of `isDevelopment`, pure: `import.meta.env.DEV` wins when it is a boolean, then `NODE_ENV`. */
export const developmentFrom = (dev: unknown, nodeEnv: unknown): boolean =>
	typeof dev === 'boolean' ? dev : typeof nodeEnv === 'string' ? nodeEnv !== 'production' : false;
