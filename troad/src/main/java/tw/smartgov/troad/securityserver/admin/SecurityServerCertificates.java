package tw.smartgov.troad.securityserver.admin;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The security server's own certificates, for its health. Provided as a bean by the runtime
 * wiring; optional (health then says the certificates are unknown).
 */
public interface SecurityServerCertificates {
    /** The TLS certificate of the provider port (mutual TLS). */
    Optional<X509Certificate> tls();

    /** The certificate of the message-signing key. */
    Optional<X509Certificate> signing();
}
