/** The advisor's JSON mappers, one configuration each, named by use ({@link com.healthadvisor.json.Json}). */
package com.healthadvisor.json;
