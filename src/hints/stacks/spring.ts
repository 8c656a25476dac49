import {methodsOf, quotedList} from '../render-util.js';
import type {StackRenderer} from '../types.js';

// Checked against docs.spring.io/spring-security/reference/servlet/integrations/cors.html (not run: no JVM stack here).
/** Spring Boot with Spring Security: a `UrlBasedCorsConfigurationSource` bean and `http.cors(...)`, so CORS runs before auth. */
export const render: StackRenderer = policy => [{
	stack: 'spring',
	language: 'java',
	file: 'SecurityConfig.java (a @Configuration class)',
	note: 'Spring Security picks up the UrlBasedCorsConfigurationSource bean with http.cors(Customizer.withDefaults()) and answers preflights before authentication. Without Spring Security, the same bean works through a CorsFilter.',
	code: [
		'@Bean',
		'UrlBasedCorsConfigurationSource corsConfigurationSource() {',
		'    CorsConfiguration configuration = new CorsConfiguration();',
		`    configuration.setAllowedOrigins(List.of(${quotedList([policy.origin])}));`,
		`    configuration.setAllowedMethods(List.of(${quotedList(methodsOf(policy))}));`,
		...(policy.headers.length > 0 ? [`    configuration.setAllowedHeaders(List.of(${quotedList(policy.headers)}));`] : []),
		...(policy.exposeHeaders.length > 0 ? [`    configuration.setExposedHeaders(List.of(${quotedList(policy.exposeHeaders)}));`] : []),
		...(policy.credentials ? ['    configuration.setAllowCredentials(true);'] : []),
		...(policy.maxAge === undefined ? [] : [`    configuration.setMaxAge(${policy.maxAge}L);`]),
		'    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
		'    source.registerCorsConfiguration("/**", configuration);',
		'    return source;',
		'}',
		'',
		'@Bean',
		'SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {',
		'    http.cors(Customizer.withDefaults()); // then your authorizeHttpRequests(...) etc.',
		'    return http.build();',
		'}',
	].join('\n'),
}];
