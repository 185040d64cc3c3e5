/**
 * Management of one security server: access rights, provided services and monitoring as a JSON
 * API and a page under {@code /admin/troad/security-server}, and its health indicator. Active in
 * the {@code security-server} and {@code dev} profiles.
 */
@NullMarked
package tw.smartgov.troad.securityserver.admin;

import org.jspecify.annotations.NullMarked;
