package tw.smartgov.app.demo;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.securityserver.LoopbackPorts;
import tw.smartgov.troad.securityserver.SecurityServerNode;
import tw.smartgov.troad.securityserver.SecurityServerNodes;
import tw.smartgov.troad.securityserver.config.AccessGrant;
import tw.smartgov.troad.securityserver.config.ManagedAccessRights;
import tw.smartgov.troad.securityserver.config.ManagedProvidedServices;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.troad.securityserver.config.ServiceDescription;

/**
 * T-Road in {@code smartgov dev}: registers the demo members, their subsystems and services with
 * this node's central server (through its management API), starts each member's security server
 * (which registers itself with a one-time token, like a real one), and the agencies' backends.
 */
@Component
@Profile("dev")
class TRoadDemo {
    private static final Logger log = LoggerFactory.getLogger(TRoadDemo.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Agency(String member, String name, List<String> subsystems, int offset) {}

    record Service(String id, String document, String backendPath) {}

    static final List<Agency> AGENCIES = List.of(
            new Agency("TW/GOV/NDC", "國家發展委員會 National Development Council", List.of("mydata", "portal"), 1),
            new Agency("TW/GOV/MOI", "內政部 Ministry of the Interior", List.of("household"), 2),
            new Agency("TW/GOV/MOF", "財政部 Ministry of Finance", List.of("tax"), 3),
            new Agency("TW/GOV/BLI", "勞動部勞工保險局 Bureau of Labor Insurance", List.of("insurance"), 4));
    static final List<Service> SERVICES = List.of(
            new Service("TW/GOV/MOI/household/person-record", "person-record.json", "/moi/household"),
            new Service("TW/GOV/MOF/tax/income-record", "income-record.json", "/mof/tax"),
            new Service("TW/GOV/BLI/insurance/insurance-record", "insurance-record.json", "/bli/insurance"));
    static final SubsystemId MYDATA = SubsystemId.parse("TW/GOV/NDC/mydata");

    private final SecurityServerNodes securityServers;
    private final ManagedAccessRights rights;
    private final ManagedProvidedServices services;
    private final String adminPassword;
    private final int portBase;
    private final int configuredPort;
    private final List<SecurityServerNode> nodes = new ArrayList<>();
    private @Nullable DemoBackends backends;

    TRoadDemo(
            SecurityServerNodes securityServers,
            ManagedAccessRights rights,
            ManagedProvidedServices services,
            @Value("${smartgov.admin.password}") String adminPassword,
            @Value("${smartgov.demo.troad-port-base:-1}") int portBase,
            @Value("${server.port:8080}") int configuredPort) {
        this.securityServers = securityServers;
        this.rights = rights;
        this.services = services;
        this.adminPassword = adminPassword;
        this.portBase = portBase;
        this.configuredPort = configuredPort;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void start(ApplicationReadyEvent event) throws IOException {
        int port = java.util.Objects.requireNonNull(
                        ((WebServerApplicationContext) event.getApplicationContext()).getWebServer(),
                        "a ready web application has a web server")
                .getPort();
        String central = "http://127.0.0.1:" + port;
        var admin = new AdminApi(central, adminPassword);
        registerAgencies(admin);
        var started = new DemoBackends();
        backends = started;
        for (Service service : SERVICES) {
            ServiceId id = ServiceId.parse(service.id());
            rights.grant(AccessGrant.whole(MYDATA, id));
            // the backends listen on a new port at every start
            services.put(new ServiceDescription(id, started.base(service.backendPath()), resource(service.document())));
        }
        // a random web port (0, as in tests) lies in the ephemeral range, where the ports after it
        // may be taken by any outgoing connection meanwhile: then every node takes free ports
        int base = portBase >= 0 ? portBase : configuredPort == 0 ? 0 : port;
        for (Agency agency : AGENCIES) {
            try {
                nodes.add(startNode(agency, base, URI.create(central), admin));
            } catch (RuntimeException e) {
                log.error("the demo security server of {} did not start: {}", agency.member(), e.getMessage(), e);
                return;
            }
        }
        // members registered after a node started are in the configuration it has not polled yet
        nodes.forEach(SecurityServerNode::refreshConfiguration);
        System.out.printf(
                """
                T-Road demo: security servers of NDC, MOI, MOF and BLI are up. NDC's accepts calls at %s, e.g.
                  curl -H 'X-Road-Client: TW/GOV/NDC/mydata' %s/r1/TW/GOV/MOI/household/person-record/persons/%s
                """,
                nodes.getFirst().clientUri(),
                nodes.getFirst().clientUri(),
                SyntheticCitizens.all().getFirst().nationalId());
    }

    private void registerAgencies(AdminApi admin) {
        for (Agency agency : AGENCIES) {
            admin.postJson(
                    "/admin/troad/members", "{\"id\":\"" + agency.member() + "\",\"name\":\"" + agency.name() + "\"}");
            for (String subsystem : agency.subsystems()) {
                admin.postJson("/admin/troad/subsystems", "{\"id\":\"" + agency.member() + "/" + subsystem + "\"}");
            }
        }
        for (Service service : SERVICES) {
            admin.put("/admin/troad/services/" + service.id(), resource(service.document()), "application/json");
        }
    }

    /** Starts the agency's security server as the security-server role would, registering it first if needed. */
    private SecurityServerNode startNode(Agency agency, int base, URI central, AdminApi admin) {
        MemberId member = MemberId.parse(agency.member());
        List<SubsystemId> clients =
                agency.subsystems().stream().map(member::subsystem).toList();
        int clientPort = base == 0 ? LoopbackPorts.free() : base + agency.offset();
        int providerPort = base == 0 ? LoopbackPorts.free() : base + 10 + agency.offset();
        var settings = SecurityServerSettings.builder(member)
                .clients(clients)
                .clientPort(clientPort)
                .providerPort(providerPort)
                .publicHost("127.0.0.1")
                .centralUrl(central)
                .build();
        var node = securityServers.create(settings);
        if (!node.isRegistered()) {
            node = securityServers.create(
                    settings.withRegistrationToken(registrationToken(admin, agency, clients, providerPort)));
        }
        node.start();
        log.info("demo security server {} up: client port {}", settings.serverId(), node.clientPort());
        return node;
    }

    private static String registrationToken(
            AdminApi admin, Agency agency, List<SubsystemId> clients, int providerPort) {
        String issued = admin.postJson(
                        "/admin/troad/security-servers/tokens",
                        "{\"owner\":\"" + agency.member()
                                + "\",\"code\":\"ss1\",\"address\":\"https://127.0.0.1:" + providerPort
                                + "\",\"clients\":["
                                + String.join(
                                        ",",
                                        clients.stream()
                                                .map(c -> "\"" + c.encoded() + "\"")
                                                .toList()) + "]}")
                .body();
        return JSON.readTree(issued).get("token").asString();
    }

    List<SecurityServerNode> nodes() {
        return List.copyOf(nodes);
    }

    @PreDestroy
    void stop() {
        nodes.forEach(SecurityServerNode::close);
        if (backends != null) {
            backends.close();
        }
    }

    private static String resource(String name) {
        try (InputStream in = TRoadDemo.class.getResourceAsStream("/demo/openapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
