// Tiny markdown helpers for the report; numbers are rounded here so sections stay uniform.

/**
 * @param {string[]} head
 * @param {Array<Array<string | number>>} rows
 */
export function table(head, rows) {
	const line = cells => `| ${cells.join(' | ')} |`;
	return [line(head), line(head.map(() => '---')), ...rows.map(row => line(row.map(String)))].join('\n');
}

/** @param {number} value @param {number} [digits] */
export function fixed(value, digits = 0) {
	return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** @param {number} bytes */
export function kB(bytes) {
	return `${(bytes / 1000).toFixed(2)} kB`;
}

/** @param {{min: number, median: number, max: number}} summary @param {number} [digits] */
export function range(summary, digits = 0) {
	return `${fixed(summary.min, digits)} / **${fixed(summary.median, digits)}** / ${fixed(summary.max, digits)}`;
}
