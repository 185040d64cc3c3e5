package tw.smartgov.troad.securityserver.provider;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.InvalidIdentifierException;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.securityserver.config.AccessRights;
import tw.smartgov.troad.securityserver.config.ProvidedServices;
import tw.smartgov.troad.securityserver.config.ServiceDescription;
import tw.smartgov.troad.securityserver.exchange.LocalAnswers;
import tw.smartgov.troad.securityserver.exchange.ServicePath;
import tw.smartgov.troad.securityserver.exchange.SpooledBody;
import tw.smartgov.troad.securityserver.exchange.TRoadRequest;
import tw.smartgov.troad.securityserver.exchange.UpstreamResponse;

/**
 * The provider side's X-Road REST metaservices (PR-MREST), answered from the local configuration:
 * {@code listMethods}, {@code allowedMethods} (only services the caller holds a grant for) and
 * {@code getOpenAPI?serviceCode=}. They need no access right themselves, as in X-Road.
 */
final class Metaservices implements ProviderAnswer {
    static final Set<String> CODES = Set.of("listMethods", "allowedMethods", "getOpenAPI");

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
    public UpstreamResponse answer(TRoadRequest request, SpooledBody body) throws IOException {
        if (!request.method().equals("GET")) {
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "metaservices are called with GET");
        }
        ServiceId called = request.target().service();
        SubsystemId provider = called.provider();
        return switch (called.serviceCode()) {
            case "listMethods" -> LocalAnswers.json(serviceList(services.servicesOf(provider)));
            case "allowedMethods" ->
                LocalAnswers.json(serviceList(services.servicesOf(provider).stream()
                        .filter(d -> rights.allowsAny(request.client(), d.service()))
                        .toList()));
            default -> openApi(provider, request.target().query());
        };
    }

    private UpstreamResponse openApi(SubsystemId provider, @Nullable String query) throws IOException {
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
        return LocalAnswers.of(text.getBytes(StandardCharsets.UTF_8), json ? "application/json" : "application/yaml");
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
}
