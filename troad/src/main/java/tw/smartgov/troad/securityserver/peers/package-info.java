/** Trust in other security servers: certificates pinned by the global configuration for mutual TLS 1.3 and message signatures, and the pooled connections to them. */
@NullMarked
package tw.smartgov.troad.securityserver.peers;

import org.jspecify.annotations.NullMarked;
