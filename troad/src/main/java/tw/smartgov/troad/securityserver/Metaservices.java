package tw.smartgov.troad.securityserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.identifier.InvalidIdentifierException;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/**
 * The provider side's X-Road REST metaservices (PR-MREST), answered from the local configuration:
 * {@code listMethods}, {@code allowedMethods} (only services the caller holds a grant for) and
 * {@code getOpenAPI?serviceCode=}. They need no access right themselves, as in X-Road.
 */
final class Metaservices implements ProviderAnswer {
    static final Set<String> CODES = Set.of("listMethods", "allowedMethods", "getOpenAPI");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProvidedServices services;
    private final AccessRights rights;

    Metaservices(ProvidedServices services, AccessRights rights) {
        this.services = services;
        this.rights = rights;
    }

    /** True for {@code /r1/{provider}/listMethods} and its siblings (nothing below them). */
    static boolean isMetaservice(ServicePath target) {
        return CODES.contains(target.service().serviceCode()) && target.rest().isEmpty();
    }

    @Override
    public Upstream answer(ProviderExchange.Incoming incoming, SpooledBody body) throws IOException {
        if (!incoming.method().equals("GET")) {
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "metaservices are called with GET");
        }
        ServiceId called = incoming.target().service();
        SubsystemId provider = called.provider();
        return switch (called.serviceCode()) {
            case "listMethods" -> json(serviceList(services.servicesOf(provider)));
            case "allowedMethods" ->
                json(serviceList(services.servicesOf(provider).stream()
                        .filter(d -> rights.allowsAny(incoming.client(), d.service()))
                        .toList()));
            default -> openApi(provider, incoming.target().query());
        };
    }

    private Upstream openApi(SubsystemId provider, @Nullable String query) throws IOException {
        String code = serviceCode(query);
        ServiceId service;
        try {
            service = provider.service(code);
        } catch (InvalidIdentifierException e) {
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "serviceCode is malformed: " + e.getMessage());
        }
        ServiceDescription description = services.description(service)
                .orElseThrow(() -> new XRoadException(
                        XRoadErrorType.UNKNOWN_SERVICE, "the service " + service + " is not provided here"));
        if (description.openApi() == null) {
            throw new XRoadException(
                    XRoadErrorType.UNKNOWN_SERVICE, "the service " + service + " has no OpenAPI description");
        }
        String text = description.openApi();
        boolean json = text.stripLeading().startsWith("{");
        return response(text.getBytes(StandardCharsets.UTF_8), json ? "application/json" : "application/yaml");
    }

    private static String serviceCode(@Nullable String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("serviceCode=")) {
                    String value = URLDecoder.decode(pair.substring("serviceCode=".length()), StandardCharsets.UTF_8);
                    if (!value.isBlank()) {
                        return value;
                    }
                }
            }
        }
        throw new XRoadException(XRoadErrorType.BAD_REQUEST, "getOpenAPI needs the query parameter serviceCode");
    }

    /** {@code {"service":[{member_class, member_code, subsystem_code, xroad_instance, service_code, ...}]}}. */
    private static Map<String, Object> serviceList(List<ServiceDescription> descriptions) {
        return Map.of(
                "service", descriptions.stream().map(Metaservices::serviceEntry).toList());
    }

    private static Map<String, String> serviceEntry(ServiceDescription d) {
        SubsystemId provider = d.service().provider();
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("member_class", provider.member().memberClass());
        entry.put("member_code", provider.member().memberCode());
        entry.put("subsystem_code", provider.subsystemCode());
        entry.put("xroad_instance", provider.member().instance());
        entry.put("service_code", d.service().serviceCode());
        entry.put("object_type", "SERVICE");
        entry.put("service_type", d.serviceType());
        return entry;
    }

    static Upstream json(Object value) throws IOException {
        return response(JSON.writeValueAsBytes(value), "application/json");
    }

    private static Upstream response(byte[] bytes, String contentType) throws IOException {
        var headers = HttpFields.build();
        headers.put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
        return new Upstream(
                200,
                headers,
                SpooledBody.read(
                        new ByteArrayInputStream(bytes), Long.MAX_VALUE, XRoadErrorType.SERVER_PROXY_INTERNAL));
    }
}
