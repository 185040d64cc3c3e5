package tw.smartgov.troad.securityserver.exchange;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.securityserver.peers.PeerTrust;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.BatchSignature;
import tw.smartgov.trust.signature.BatchSigner;
import tw.smartgov.trust.signature.BatchingSigner;
import tw.smartgov.trust.signature.BatchingSigner.Expectation;
import tw.smartgov.trust.signature.JwsSigner;
import tw.smartgov.trust.signature.SignaturePacing;

/**
 * Signs message digests in Merkle batches and verifies a peer's signatures against its pin.
 * Publishes counters {@code troad.signature.batches} and {@code troad.signature.messages} (tag
 * {@code server}): their ratio is the mean batch size, each batch costing one signature here and
 * one verification at the peer.
 */
public final class MessageSigning implements AutoCloseable {
    private final BatchingSigner signer;
    private final List<X509Certificate> chain;
    private final Duration timeout;
    private final Deadlines deadlines;
    private final MeterRegistry meters;
    private final List<Meter> counters;

    public MessageSigning(
            SigningIdentity identity,
            SignaturePacing pacing,
            String name,
            Duration timeout,
            Deadlines deadlines,
            MeterRegistry meters) {
        // the chain (~1 KB) would be most of every signature: peers find it in the global configuration
        // nonces computed ahead: a lone message, at a moderate rate, is signed on the exchange's
        // critical path, and twice per exchange (request and response)
        var jws = new JwsSigner(identity, JwsSigner.SignerReference.THUMBPRINT, JwsSigner.Nonces.COMPUTED_AHEAD);
        this.chain = jws.chain();
        this.signer = new BatchingSigner(new BatchSigner(jws), pacing, name);
        this.timeout = timeout;
        this.deadlines = deadlines;
        this.meters = meters;
        // removed on close: a server restarted on renewed certificates registers its own
        this.counters = List.of(
                FunctionCounter.builder("troad.signature.batches", signer, BatchingSigner::signedBatches)
                        .description("message signatures made, one per batch of messages")
                        .tag("server", name)
                        .register(meters),
                FunctionCounter.builder("troad.signature.messages", signer, BatchingSigner::signedMessages)
                        .description("messages signed")
                        .tag("server", name)
                        .register(meters));
    }

    /** This server's signing chain, leaf first, without the root, which its signatures name. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Announces a message this server will sign soon, so that batches being signed meanwhile may
     * wait for it; sign it with {@link #sign(Expectation, byte[], XRoadErrorType)} or close it.
     */
    public Expectation expect() {
        return signer.expect();
    }

    /** The encoded batch signature over {@code digest}, the message announced by {@code expected}. */
    public String sign(Expectation expected, byte[] digest, XRoadErrorType onFailure) {
        try {
            return deadlines.bound(expected.sign(digest), timeout).get().encoded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XRoadException(onFailure, "interrupted while signing");
        } catch (ExecutionException e) {
            throw new XRoadException(onFailure, "the message could not be signed", null, e);
        }
    }

    /**
     * Verifies {@code encoded} over {@code digest} and that the signer's certificate is the pinned one.
     *
     * @throws XRoadException {@code onFailure} with the reason
     */
    public static void verify(
            PeerTrust trust, byte[] digest, String encoded, String pinnedSha256, XRoadErrorType onFailure) {
        try {
            X509Certificate signer = trust.verifier().verify(digest, BatchSignature.parse(encoded));
            if (!PeerTrust.sha256Hex(signer).equalsIgnoreCase(pinnedSha256)) {
                throw new XRoadException(onFailure, "the message was signed by a certificate that is not pinned");
            }
        } catch (TrustException e) {
            throw new XRoadException(onFailure, "the message signature is not valid", e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        signer.close();
        counters.forEach(meters::remove);
    }
}
