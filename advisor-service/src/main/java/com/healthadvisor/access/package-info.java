/**
 * Who may do what, decided here and nowhere else: the roles (viewer < analyst < admin), one table of every path
 * the service answers with the least role it needs ({@link com.healthadvisor.access.AccessRules}), the two security
 * chains built from it (bearer tokens and API keys for the API, sign-in for the workbench), which rule files an
 * editor may change, the workbench's users and its sign-in throttle.
 */
package com.healthadvisor.access;
