package tw.smartgov.identity;

import java.util.Optional;

/**
 * How sure SmartGov is that the person signed in is who the account says, modelled on the three
 * levels of eIDAS (low, substantial, high). Each level is an {@code acr} value in ID tokens and in
 * {@code acr_values} requests; a service accepting a level accepts every higher one.
 *
 * <table>
 *   <caption>levels, their acr values and what reaches them</caption>
 *   <tr><th>level</th><th>acr</th><th>sign-in</th></tr>
 *   <tr><td>LOW</td><td>{@code urn:smartgov:loa:low}</td><td>verified e-mail and a passkey (no certificate)</td></tr>
 *   <tr><td>SUBSTANTIAL</td><td>{@code urn:smartgov:loa:substantial}</td><td>a passkey bound after a certificate sign-in</td></tr>
 *   <tr><td>HIGH</td><td>{@code urn:smartgov:loa:high}</td><td>the citizen certificate: a signed challenge</td></tr>
 * </table>
 */
public enum LevelOfAssurance {
    LOW("urn:smartgov:loa:low"),
    SUBSTANTIAL("urn:smartgov:loa:substantial"),
    HIGH("urn:smartgov:loa:high");

    private final String acr;

    LevelOfAssurance(String acr) {
        this.acr = acr;
    }

    /** The {@code acr} claim value of this level. */
    public String acr() {
        return acr;
    }

    /** True if a sign-in at this level satisfies a service that requires {@code required}. */
    public boolean satisfies(LevelOfAssurance required) {
        return compareTo(required) >= 0;
    }

    /** The level whose {@code acr} value is {@code acr}, if it is one of ours. */
    public static Optional<LevelOfAssurance> fromAcr(String acr) {
        for (LevelOfAssurance level : values()) {
            if (level.acr.equals(acr)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
