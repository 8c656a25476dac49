import {methodsOf, quotedList} from '../render-util.js';
import type {StackRenderer} from '../types.js';

// Checked against learn.microsoft.com/aspnet/core/security/cors (not run: no .NET runtime on the test machine).
/** ASP.NET Core: a named policy and `UseCors` after `UseRouting`, before authentication and authorization. */
export const render: StackRenderer = policy => [{
	stack: 'aspnet',
	language: 'csharp',
	file: 'Program.cs',
	note: 'UseCors must come after UseRouting and before UseAuthentication/UseAuthorization, so preflights are answered before auth. WithOrigins values have no trailing slash.',
	code: [
		'builder.Services.AddCors(options =>',
		'{',
		'    options.AddPolicy("frontend", policy => policy',
		`        .WithOrigins(${quotedList([policy.origin])})`,
		`        .WithMethods(${quotedList(methodsOf(policy))})`,
		...(policy.headers.length > 0 ? [`        .WithHeaders(${quotedList(policy.headers)})`] : []),
		...(policy.exposeHeaders.length > 0 ? [`        .WithExposedHeaders(${quotedList(policy.exposeHeaders)})`] : []),
		...(policy.credentials ? ['        .AllowCredentials()'] : []),
		...(policy.maxAge === undefined ? [] : [`        .SetPreflightMaxAge(TimeSpan.FromSeconds(${policy.maxAge}))`]),
		'    );',
		'});',
		'',
		'var app = builder.Build();',
		'app.UseRouting();',
		'app.UseCors("frontend");',
		'app.UseAuthentication();',
		'app.UseAuthorization();',
	].join('\n'),
}];
