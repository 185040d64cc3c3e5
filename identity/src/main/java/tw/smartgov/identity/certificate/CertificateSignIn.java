package tw.smartgov.identity.certificate;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.identity.citizen.CitizenRegister;
import tw.smartgov.identity.signin.SignInMethod;
import tw.smartgov.identity.signin.SignedIn;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.signature.JwsVerifier;
import tw.smartgov.trust.signature.VerifiedJws;

/**
 * Checks a card's response to the session's challenge: the signature against the certificate's
 * key, the challenge (single use, unexpired), the chain up to SmartGov's root with validity and
 * revocation (the CA's current CRL) now, and that identity issued the card to a registered citizen.
 */
@Component
class CertificateSignIn {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SignInChallenges challenges;
    private final CertificateValidator validator;
    private final JwsVerifier signatures;
    private final CitizenCards cards;
    private final CitizenRegister register;

    CertificateSignIn(
            SignInChallenges challenges, CertificateValidator validator, CitizenCards cards, CitizenRegister register) {
        this.challenges = challenges;
        this.validator = validator;
        this.signatures = new JwsVerifier(validator, CertificateProfile.SIGNING);
        this.cards = cards;
        this.register = register;
    }

    /**
     * @throws CertificateSignInException why the response is refused; the challenge is used up
     *     either way
     */
    SignedIn verify(HttpSession session, String response) {
        VerifiedJws jws;
        String challenge;
        try {
            jws = signature(response.strip());
            challenge = challengeIn(jws);
        } catch (CertificateSignInException e) {
            challenges.discard(session);
            throw e;
        }
        challenges.consume(session, challenge);
        Instant now = Instant.now();
        try {
            validator.validate(jws.chain(), CertificateProfile.SIGNING, now);
        } catch (TrustException e) {
            throw new CertificateSignInException(
                    switch (e.error()) {
                        case CERTIFICATE_EXPIRED -> CertificateSignInError.CERTIFICATE_EXPIRED;
                        case CERTIFICATE_NOT_YET_VALID -> CertificateSignInError.CERTIFICATE_NOT_YET_VALID;
                        case CERTIFICATE_REVOKED -> CertificateSignInError.CERTIFICATE_REVOKED;
                        default -> CertificateSignInError.CERTIFICATE_UNTRUSTED;
                    });
        }
        UUID account = cards.holder(jws.signer().getSerialNumber())
                .filter(id -> register.find(id).isPresent())
                .orElseThrow(() -> new CertificateSignInException(CertificateSignInError.UNKNOWN_CARD));
        return new SignedIn(account, SignInMethod.CERTIFICATE.level(), List.of(SignInMethod.CERTIFICATE), now);
    }

    private VerifiedJws signature(String response) {
        try {
            return signatures.verifySignatureOnly(response);
        } catch (TrustException e) {
            throw new CertificateSignInException(
                    switch (e.error()) {
                        case SIGNATURE_INVALID -> CertificateSignInError.SIGNATURE_INVALID;
                        default -> CertificateSignInError.MALFORMED_RESPONSE;
                    });
        } catch (RuntimeException e) {
            throw new CertificateSignInException(CertificateSignInError.MALFORMED_RESPONSE);
        }
    }

    private static String challengeIn(VerifiedJws jws) {
        try {
            JsonNode payload = JSON.readTree(jws.payload());
            if (!CardResponse.TYPE.equals(jws.type())
                    || !CardResponse.PURPOSE.equals(payload.path("purpose").asString(""))) {
                throw new CertificateSignInException(CertificateSignInError.MALFORMED_RESPONSE);
            }
            return payload.path("challenge").asString("");
        } catch (tools.jackson.core.JacksonException e) {
            throw new CertificateSignInException(CertificateSignInError.MALFORMED_RESPONSE);
        }
    }
}
