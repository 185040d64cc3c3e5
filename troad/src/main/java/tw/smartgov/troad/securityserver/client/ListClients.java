package tw.smartgov.troad.securityserver.client;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfiguration.MemberEntry;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.securityserver.exchange.LocalAnswers;
import tw.smartgov.troad.securityserver.exchange.UpstreamResponse;

/**
 * The {@code listClients} metaservice (PR-MREST): every member and subsystem of the global
 * configuration, answered by the client's own security server without contacting anyone, at
 * {@code GET /listClients} or {@code GET /r1/listClients} (optionally {@code ?xRoadInstance=TW}).
 */
final class ListClients {
    private ListClients() {}

    static boolean handles(String path) {
        return path.equals("/listClients") || path.equals("/r1/listClients");
    }

    static UpstreamResponse answer(String method, GlobalConfiguration conf, @Nullable String query) throws IOException {
        if (!method.equals("GET")) {
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "listClients is called with GET");
        }
        String instance = instance(query);
        if (instance != null && !instance.equals(conf.instance())) {
            throw new XRoadException(
                    XRoadErrorType.BAD_REQUEST, "only the clients of instance " + conf.instance() + " are known here");
        }
        List<Object> members = new ArrayList<>();
        for (MemberEntry member : conf.members()) {
            members.add(entry(member, null));
            member.subsystems().forEach(code -> members.add(entry(member, code)));
        }
        return LocalAnswers.json(Map.of("member", members));
    }

    /** {@code {"id":{member_class, member_code, [subsystem_code,] xroad_instance, object_type}, "name"}}. */
    private static Map<String, Object> entry(MemberEntry member, @Nullable String subsystem) {
        Map<String, String> id = new LinkedHashMap<>();
        id.put("member_class", member.id().memberClass());
        id.put("member_code", member.id().memberCode());
        if (subsystem != null) {
            id.put("subsystem_code", subsystem);
        }
        id.put("xroad_instance", member.id().instance());
        id.put("object_type", subsystem == null ? "MEMBER" : "SUBSYSTEM");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("name", member.name());
        return entry;
    }

    private static @Nullable String instance(@Nullable String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("xRoadInstance=")) {
                return URLDecoder.decode(pair.substring("xRoadInstance=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
