package tw.smartgov.troad.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A subsystem of a member: one information system, e.g. {@code TW/GOV/MOI/household}. */
public record SubsystemId(MemberId member, String subsystemCode) implements ClientId {
    public SubsystemId {
        IdentifierParts.check(subsystemCode, "subsystem code");
    }

    @JsonCreator
    public static SubsystemId parse(String encoded) {
        var parts = IdentifierParts.split(encoded, 4, 4, "subsystem identifier");
        return new MemberId(parts.get(0), parts.get(1), parts.get(2)).subsystem(parts.get(3));
    }

    public ServiceId service(String code) {
        return new ServiceId(this, code);
    }

    @Override
    @JsonValue
    public String encoded() {
        return member.encoded() + "/" + IdentifierParts.encode(subsystemCode);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
