package tw.smartgov.troad.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A member of a T-Road instance: an agency or company, e.g. {@code TW/GOV/MOI}. */
public record MemberId(String instance, String memberClass, String memberCode) implements ClientId {
    public MemberId {
        IdentifierParts.check(instance, "instance");
        IdentifierParts.check(memberClass, "member class");
        IdentifierParts.check(memberCode, "member code");
    }

    @JsonCreator
    public static MemberId parse(String encoded) {
        var parts = IdentifierParts.split(encoded, 3, 3, "member identifier");
        return new MemberId(parts.get(0), parts.get(1), parts.get(2));
    }

    @Override
    public MemberId member() {
        return this;
    }

    public SubsystemId subsystem(String code) {
        return new SubsystemId(this, code);
    }

    @Override
    @JsonValue
    public String encoded() {
        return IdentifierParts.encode(instance) + "/" + IdentifierParts.encode(memberClass) + "/"
                + IdentifierParts.encode(memberCode);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
