package tw.smartgov.troad.securityserver.peers;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import tw.smartgov.trust.keys.SigningIdentity;

/** Jetty TLS contexts between security servers: TLS 1.3 only, our TLS identity, pinning trust. */
public final class TlsContexts {
    private static final String TLS_13 = "TLSv1.3";
    private static final int NO_TICKETS = (int) java.time.Duration.ofDays(8).toSeconds();

    private TlsContexts() {}

    public static SslContextFactory.Server server(SigningIdentity identity, PeerTrust trust) {
        var factory = new SslContextFactory.Server() {
            @Override
            protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls) {
                return new TrustManager[] {new PinningTrustManager(trust)};
            }

            @Override
            protected SSLContext getSSLContextInstance() throws NoSuchAlgorithmException {
                return withoutResumption(super.getSSLContextInstance());
            }
        };
        factory.setNeedClientAuth(true);
        configure(factory, identity);
        return factory;
    }

    public static SslContextFactory.Client client(SigningIdentity identity, PeerTrust trust) {
        var factory = new SslContextFactory.Client() {
            @Override
            protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls) {
                return new TrustManager[] {new PinningTrustManager(trust)};
            }

            @Override
            protected SSLContext getSSLContextInstance() throws NoSuchAlgorithmException {
                return withoutResumption(super.getSSLContextInstance());
            }
        };
        factory.setEndpointIdentificationAlgorithm(null); // pinning replaces host name checks
        configure(factory, identity);
        return factory;
    }

    private static void configure(SslContextFactory factory, SigningIdentity identity) {
        // the key store lives only in memory; its password only satisfies the KeyStore API
        String password = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        factory.setKeyStore(keyStore(identity, password.toCharArray()));
        factory.setKeyStorePassword(password);
        factory.setKeyManagerPassword(password);
        factory.setIncludeProtocols(TLS_13);
    }

    /**
     * No TLS 1.3 session resumption: a resumed session skips the trust manager, so a peer whose
     * certificate was revoked or has expired since would get in on a new connection. With a session
     * lifetime above the 7-day ticket maximum (RFC 8446 4.6.1) the JDK sends no session tickets and
     * discards those it receives, so every connection is a full handshake.
     */
    private static SSLContext withoutResumption(SSLContext context) {
        context.getServerSessionContext().setSessionTimeout(NO_TICKETS);
        context.getClientSessionContext().setSessionTimeout(NO_TICKETS);
        return context;
    }

    private static KeyStore keyStore(SigningIdentity identity, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "tls", identity.privateKey(), password, identity.chain().toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the TLS identity in a key store", e);
        }
    }
}
