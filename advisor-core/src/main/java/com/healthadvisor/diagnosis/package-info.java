/**
 * Diagnosis: runs a snapshot's metric facts through the active rule set and turns the findings into
 * ranked diagnoses with words, evidence, impact and actions, plus the overall health verdict.
 */
package com.healthadvisor.diagnosis;

import com.healthadvisor.Diagnosis;