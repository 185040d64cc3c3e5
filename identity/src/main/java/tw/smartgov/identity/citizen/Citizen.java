package tw.smartgov.identity.citizen;

import java.util.UUID;
import tw.smartgov.identity.NationalId;

/**
 * A person in the register.
 *
 * @param id the account id: the principal of every sign-in, never shown to relying parties (they
 *     get a pairwise subject derived from it)
 * @param nationalId released only under the {@code national_id} scope, after the citizen saw it
 * @param name the name as registered
 */
public record Citizen(UUID id, NationalId nationalId, String name) {
    /** No personal data: safe for logs. */
    @Override
    public String toString() {
        return "Citizen[" + id + "]";
    }
}
