package tw.smartgov.troad.securityserver;

import java.net.URI;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.LoggerFactory;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.protocol.XRoadHeaders;

/**
 * The client side: takes a call of one of the owner's information systems, signs it, sends it over
 * mutual TLS to the provider's security server, verifies the signed response and its request hash,
 * logs both and only then releases the response.
 */
final class ClientProxy extends ProxyHandler {
    private final Gateway gateway;

    ClientProxy(Gateway gateway) {
        super(
                LoggerFactory.getLogger(ClientProxy.class),
                new ExchangeMetrics(gateway.settings().meterRegistry(), "client"),
                XRoadErrorType.CLIENT_PROXY_INTERNAL);
        this.gateway = gateway;
    }

    @Override
    void serve(Request request, Response response, Exchange exchange) throws Exception {
        if (ListClients.handles(request.getHttpURI().getPath())) {
            var conf = gateway.configuration().current();
            try (Upstream answer = ListClients.answer(
                    request.getMethod(), conf, request.getHttpURI().getQuery())) {
                exchange.responseSize = answer.body().size();
                send(response, answer.status(), HttpFields.build(answer.headers()), answer.body());
            }
            return;
        }
        String xRoadId = xRoadId(request.getHeaders());
        exchange.xRoadId = xRoadId;
        SubsystemId client = clientOf(request.getHeaders());
        exchange.client = client;
        var target = ServicePath.parse(
                request.getHttpURI().getPath(), request.getHttpURI().getQuery());
        exchange.service = target.service();
        GlobalConfiguration conf = gateway.configuration().current();
        checkClient(conf, client);
        List<SecurityServerEntry> providers = providerServers(conf, target.service());
        var outgoing = new OutgoingRequest(
                request.getMethod(),
                target,
                client,
                xRoadId,
                RequestIds.next(),
                HeaderPart.passed(request.getHeaders()),
                gateway.now());
        exchange.begin();
        try (var signature = gateway.signing().expect();
                SpooledBody body = requestBody(request, gateway.settings().maxBodySize())) {
            exchange.ended(Exchange.Phase.RECEIVE);
            exchange.requestSize = body.size();
            new ClientExchange(gateway, outgoing, providers, body, signature, exchange).run(response);
        }
    }

    private static String xRoadId(HttpFields headers) {
        String given = headers.get(XRoadHeaders.ID);
        if (given == null || given.isBlank()) {
            return RequestIds.next();
        }
        if (given.length() > 255) {
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "X-Road-Id is longer than 255 characters");
        }
        return given;
    }

    private void checkClient(GlobalConfiguration conf, SubsystemId client) {
        if (!gateway.settings().clients().contains(client)) {
            throw new XRoadException(
                    XRoadErrorType.INVALID_CLIENT, "the client " + client + " is not served by this security server");
        }
        if (!conf.isRegistered(client)) {
            throw new XRoadException(
                    XRoadErrorType.INVALID_CLIENT,
                    "the client " + client + " is not registered in the global configuration");
        }
    }

    private static List<SecurityServerEntry> providerServers(GlobalConfiguration conf, ServiceId service) {
        SubsystemId provider = service.provider();
        if (conf.member(provider.member()).isEmpty()) {
            throw new XRoadException(XRoadErrorType.UNKNOWN_MEMBER, "the member " + provider.member() + " is unknown");
        }
        if (!conf.isRegistered(provider)) {
            throw new XRoadException(XRoadErrorType.UNKNOWN_SUBSYSTEM, "the subsystem " + provider + " is unknown");
        }
        List<SecurityServerEntry> servers = conf.serversOf(provider);
        if (servers.isEmpty()) {
            throw new XRoadException(
                    XRoadErrorType.UNKNOWN_SUBSYSTEM, "no security server provides the services of " + provider);
        }
        return servers;
    }

    /** The request as it is sent on, with what is signed about it. */
    record OutgoingRequest(
            String method,
            ServicePath target,
            SubsystemId client,
            String xRoadId,
            String requestId,
            List<HttpField> passed,
            java.time.Instant receivedAt) {

        String headerPart() {
            return HeaderPart.request(
                    method, target.service(), target.pathAndQuery(), client, xRoadId, requestId, passed);
        }

        URI uriAt(SecurityServerEntry server) {
            try {
                return URI.create(stripTrailingSlash(server.address()) + "/r1/"
                        + target.service().encoded() + target.pathAndQuery());
            } catch (IllegalArgumentException e) {
                throw new XRoadException(XRoadErrorType.BAD_REQUEST, "the path or query is not a valid URI");
            }
        }
    }
}
