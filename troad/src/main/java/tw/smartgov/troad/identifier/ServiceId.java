package tw.smartgov.troad.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A service of a provider subsystem, e.g. {@code TW/GOV/MOI/household/person-record}. */
public record ServiceId(SubsystemId provider, String serviceCode) {
    public ServiceId {
        IdentifierParts.check(serviceCode, "service code");
    }

    @JsonCreator
    public static ServiceId parse(String encoded) {
        var parts = IdentifierParts.split(encoded, 5, 5, "service identifier");
        return new MemberId(parts.get(0), parts.get(1), parts.get(2))
                .subsystem(parts.get(3))
                .service(parts.get(4));
    }

    @JsonValue
    public String encoded() {
        return provider.encoded() + "/" + IdentifierParts.encode(serviceCode);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
