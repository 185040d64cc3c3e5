package tw.smartgov.troad.securityserver.peers;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.trust.TrustException;

/**
 * Accepts a peer only if its certificate chains to a CA of the global configuration, fits
 * TLS_PEER, is not revoked AND is pinned: as a client, by the server entry whose address we
 * dialled; as a server, by any registered security server (the handler then checks which one).
 * Replaces host name verification, which pinning makes redundant.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private final PeerTrust trust;

    PinningTrustManager(PeerTrust trust) {
        this.trust = trust;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        validate(chain);
        if (trust.serverByTls(chain[0]).isEmpty()) {
            throw new CertificateException("the peer's TLS certificate is not pinned in the global configuration");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        validate(chain);
        String host = engine.getPeerHost();
        List<SecurityServerEntry> dialled = host == null ? List.of() : trust.serversAt(host, engine.getPeerPort());
        String fingerprint = PeerTrust.sha256Hex(chain[0]);
        if (dialled.stream().noneMatch(s -> s.tlsCertificateSha256().equalsIgnoreCase(fingerprint))) {
            throw new CertificateException(
                    "the TLS certificate of " + host + ":" + engine.getPeerPort() + " is not the one pinned for it");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("only SSLEngine connections are supported");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("only SSLEngine connections are supported");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private void validate(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer sent no certificate");
        }
        try {
            trust.validateTls(List.of(chain));
        } catch (TrustException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }
}
