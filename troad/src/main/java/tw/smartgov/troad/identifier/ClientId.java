package tw.smartgov.troad.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Who calls a service: a member ({@code TW/GOV/MOI}) or one of its subsystems ({@code
 * TW/GOV/MOI/household}), as carried in the {@code X-Road-Client} header.
 */
public sealed interface ClientId permits MemberId, SubsystemId {
    MemberId member();

    /** The percent-encoded form, parts joined by '/'. */
    String encoded();

    /** Parses {@code INSTANCE/CLASS/MEMBER} or {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM}. */
    @JsonCreator
    static ClientId parse(String encoded) {
        var parts = IdentifierParts.split(encoded, 3, 4, "client identifier");
        var member = new MemberId(parts.get(0), parts.get(1), parts.get(2));
        return parts.size() == 3 ? member : new SubsystemId(member, parts.get(3));
    }
}
