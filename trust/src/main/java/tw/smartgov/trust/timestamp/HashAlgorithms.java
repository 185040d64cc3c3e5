package tw.smartgov.trust.timestamp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/** The message-imprint hash algorithms SmartGov accepts: SHA-2 only, since SHA-1 and MD5 are broken. */
final class HashAlgorithms {
    private static final Map<String, ASN1ObjectIdentifier> BY_NAME = Map.of(
            "SHA-256", NISTObjectIdentifiers.id_sha256,
            "SHA-384", NISTObjectIdentifiers.id_sha384,
            "SHA-512", NISTObjectIdentifiers.id_sha512);

    static final Set<ASN1ObjectIdentifier> ACCEPTED = Set.copyOf(BY_NAME.values());

    private HashAlgorithms() {}

    /** @param name {@code SHA-256}, {@code SHA-384} or {@code SHA-512} (also without the dash) */
    static ASN1ObjectIdentifier oid(String name) {
        String normalized = name.toUpperCase(Locale.ROOT).replace("SHA-", "SHA").replace("SHA", "SHA-");
        ASN1ObjectIdentifier oid = BY_NAME.get(normalized);
        if (oid == null) {
            throw new TrustException(
                    TrustError.INVALID_ARGUMENT, "unsupported hash algorithm " + name + "; use one of " + names());
        }
        return oid;
    }

    static String name(ASN1ObjectIdentifier oid) {
        return BY_NAME.entrySet().stream()
                .filter(e -> e.getValue().equals(oid))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new TrustException(
                        TrustError.TIMESTAMP_INVALID, "the message imprint uses unsupported hash algorithm " + oid));
    }

    static byte[] digest(String name, byte[] data) {
        try {
            return MessageDigest.getInstance(name(oid(name))).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + name, e);
        }
    }

    static int length(String name) {
        return switch (name(oid(name))) {
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            default -> 64;
        };
    }

    private static String names() {
        return String.join(", ", BY_NAME.keySet().stream().sorted().toList());
    }
}
