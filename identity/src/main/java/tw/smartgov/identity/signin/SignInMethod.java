package tw.smartgov.identity.signin;

import java.util.List;
import tw.smartgov.identity.LevelOfAssurance;

/**
 * The ways to sign in, each with the Spring Security factor it records and its {@code amr} values
 * (RFC 8176).
 */
public enum SignInMethod {
    /**
     * A challenge signed with the key of a citizen certificate. The demo's cards are PKCS#12 files,
     * a software key ({@code swk}); a smart card would be {@code hwk}, {@code sc} and {@code pin}.
     */
    CERTIFICATE("FACTOR_X509", LevelOfAssurance.HIGH, List.of("pop", "swk")),
    /** A passkey (WebAuthn) bound to the account after a certificate sign-in (not yet built). */
    PASSKEY("FACTOR_WEBAUTHN", LevelOfAssurance.SUBSTANTIAL, List.of("pop", "hwk", "user"));

    private final String factor;
    private final LevelOfAssurance level;
    private final List<String> amr;

    SignInMethod(String factor, LevelOfAssurance level, List<String> amr) {
        this.factor = factor;
        this.level = level;
        this.amr = amr;
    }

    /** The authority of Spring Security's {@code FactorGrantedAuthority} for this method. */
    public String factor() {
        return factor;
    }

    /** The highest level this method reaches (an account may reach less: a passkey without certificate is LOW). */
    public LevelOfAssurance level() {
        return level;
    }

    public List<String> amr() {
        return amr;
    }
}
