package tw.smartgov.trust.timestamp;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * An RFC 3161 time-stamping authority signing with one {@link SigningIdentity}.
 *
 * <p>Contract of {@link #respond(byte[])}: it never throws for bad input. A request that cannot be
 * parsed is answered with status {@code rejection} / {@code badDataFormat}; a message imprint
 * that is not SHA-256, SHA-384 or SHA-512 with {@code rejection} / {@code badAlg}; a requested
 * policy other than {@link #policy()} with {@code unacceptedPolicy}; any request extension with
 * {@code unacceptedExtension}. A granted token echoes the request's nonce, embeds the TSA's
 * certificate chain only when the request sets {@code certReq}, states an accuracy, and carries a
 * serial number unique to this instance. Thread-safe.
 */
public final class TimeStampAuthority {
    /**
     * Default TSA policy: a UUID-based OID under {@code 2.25} (ITU-T X.667), which anyone may use
     * without registration. It is a placeholder until SmartGov registers an IANA private
     * enterprise number and publishes a TSA policy under {@code 1.3.6.1.4.1.<PEN>}.
     */
    public static final String DEFAULT_POLICY = "2.25.179584010857611021945390654324431412437";

    /** Default stated accuracy: genTime comes from the host clock, kept within a second by NTP. */
    public static final Duration DEFAULT_ACCURACY = Duration.ofSeconds(1);

    private final SigningIdentity identity;
    private final ASN1ObjectIdentifier policy;
    private final Duration accuracy;
    private final SerialNumbers serials = new SerialNumbers(new SecureRandom());
    private final Clock clock;

    /** A TSA with {@link #DEFAULT_POLICY} and {@link #DEFAULT_ACCURACY}. */
    public TimeStampAuthority(SigningIdentity identity) {
        this(identity, DEFAULT_POLICY, DEFAULT_ACCURACY, Clock.systemUTC());
    }

    /**
     * @param identity key and chain; the certificate must carry the critical extended key usage
     *     id-kp-timeStamping (and nothing else), else {@link IllegalArgumentException}
     * @param policy the TSA policy OID (dotted) stated in every token; requests naming another
     *     policy are rejected
     * @param accuracy the accuracy stated in every token, whole milliseconds, at least 1 ms
     * @param clock source of genTime (tests fix it; production uses the system UTC clock)
     */
    public TimeStampAuthority(SigningIdentity identity, String policy, Duration accuracy, Clock clock) {
        TsaCertificates.requireTimeStampingUsage(identity.certificate());
        this.identity = identity;
        this.policy = new ASN1ObjectIdentifier(policy);
        this.accuracy = accuracy;
        this.clock = clock;
        generator(); // fails now, not at the first request, when the key or accuracy is unusable
    }

    // Bouncy Castle's generators keep per-response state (the failInfo bits accumulate) and wrap a
    // java.security.Signature, so each response gets fresh ones.
    private TimeStampResponseGenerator generator() {
        var tokens = TokenGenerators.create(identity, policy, accuracy);
        return new TimeStampResponseGenerator(tokens, HashAlgorithms.ACCEPTED, Set.of(policy), Set.of());
    }

    /**
     * Answers one DER {@code TimeStampReq} with a DER {@code TimeStampResp} (granted or rejected).
     */
    public byte[] respond(byte[] derTimeStampReq) {
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(derTimeStampReq);
        } catch (IOException | RuntimeException e) {
            return fail(PKIFailureInfo.badDataFormat, "the request is not a DER TimeStampReq");
        }
        try {
            return generator()
                    .generate(request, serials.next(), Date.from(clock.instant()))
                    .getEncoded();
        } catch (TSPException | IOException e) {
            return fail(PKIFailureInfo.systemFailure, "the TSA could not sign");
        }
    }

    /** The policy OID stated in every token, dotted. */
    public String policy() {
        return policy.getId();
    }

    /** The TSA's certificate (what a verifier needs when tokens were requested without certReq). */
    public X509Certificate certificate() {
        return identity.certificate();
    }

    /** The root of the TSA's chain, the trust anchor a verifier of this TSA's tokens needs. */
    public X509Certificate trustAnchor() {
        return identity.chain().getLast();
    }

    private byte[] fail(int failInfo, String reason) {
        try {
            return generator()
                    .generateFailResponse(PKIStatus.REJECTION, failInfo, reason)
                    .getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("cannot encode a failure response", e);
        }
    }
}
