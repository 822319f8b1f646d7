/**
 * The metric snapshot a user submits: its records, and the strict reader that refuses bad input as a
 * whole with one message per bad field, each naming the field as a JSON pointer and the bad value.
 */
package com.healthadvisor.snapshot;
