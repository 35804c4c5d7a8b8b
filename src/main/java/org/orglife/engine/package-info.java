/**
 * The engine adapter: everything that plugs into the embedded Camunda engine and its REST API, and the
 * one package that may use the engine's and the webapps' internals ({@code org.camunda.bpm.engine.impl},
 * {@code org.camunda.bpm.webapp.impl}). Engine plugins ({@link org.orglife.engine.TaskForms} for every
 * user task's form, {@link org.orglife.engine.CallerLimits} for what a person may not ask of the engine,
 * the history level, grant checks, the queries' flag reads ({@link org.orglife.engine.QueryFlagReads}), node
 * names, refusal logging, {@link org.orglife.engine.TownshipTenants}
 * for townships as tenants), the guards in front of the engine REST
 * APIs (expressions, encodings, completions with variables, the webapps' plugin APIs), their Chinese
 * error answers, and the few engine services the features use ({@link org.orglife.engine.EngineContext},
 * {@link org.orglife.engine.AsSystem}, {@link org.orglife.engine.EngineQueries},
 * {@link org.orglife.engine.FormPrefill}). May use: {@code errors}.
 */
package org.orglife.engine;
