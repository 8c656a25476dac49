/**
A URL without userinfo, query or fragment: what telemetry may see. Unparsable input gives `''` rather than leaking it.

@example
```
redactUrl('https://user:pw@api.example.com/items?token=s3cret#top') // 'https://api.example.com/items'
```
*/
export const redactUrl = (url: string): string => {
	try {
		const u = new URL(url);
		return u.protocol + '//' + u.host + u.pathname;
	} catch {
		return '';
	}
};
