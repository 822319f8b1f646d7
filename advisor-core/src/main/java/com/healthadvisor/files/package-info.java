/** Files only their owner may read: the company memory's database and the rule history. */
package com.healthadvisor.files;
