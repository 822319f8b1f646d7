/**
 * The rule set of a running service: vetted (compiled, checked, run against the fixtures) before it is
 * swapped in atomically, edited through the API with history kept, and reloaded when files change on disk.
 */
package com.healthadvisor.live;
