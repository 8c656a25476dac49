// Shared test support: the scenario server, the scenario table, and the checker/CLI arguments for a scenario.
export {startScenarioServer, type LoggedRequest, type PageHandler, type PageRequest, type ScenarioServer, type ScenarioServerOptions, type ServerOrigin, type StaticFile} from './scenario-server';
export {scenario, scenarios, type Scenario, type ScenarioOrigin, type ScenarioResponse} from './scenarios';
export {checkArgumentsFor, cliArgumentsFor} from './check-options';
