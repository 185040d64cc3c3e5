/**
 * Relying parties: registration (admin API), their policy (sector, required level, PAR, enabled)
 * and the registered-client store the authorization server reads.
 */
@NullMarked
package tw.smartgov.identity.client;

import org.jspecify.annotations.NullMarked;
