package tw.smartgov.troad.securityserver.client;

import java.util.List;
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
import tw.smartgov.troad.securityserver.exchange.ExchangeMetrics;
import tw.smartgov.troad.securityserver.exchange.ExchangeTrace;
import tw.smartgov.troad.securityserver.exchange.Gateway;
import tw.smartgov.troad.securityserver.exchange.HeaderPart;
import tw.smartgov.troad.securityserver.exchange.ProxyHandler;
import tw.smartgov.troad.securityserver.exchange.RequestIds;
import tw.smartgov.troad.securityserver.exchange.Responses;
import tw.smartgov.troad.securityserver.exchange.ServicePath;
import tw.smartgov.troad.securityserver.exchange.SpooledBody;
import tw.smartgov.troad.securityserver.exchange.TRoadHeaders;
import tw.smartgov.troad.securityserver.exchange.TRoadRequest;
import tw.smartgov.troad.securityserver.exchange.UpstreamResponse;

/**
 * The client port: takes a call of one of the owner's information systems ({@code /r1/{service
 * id}[/path]} with {@code X-Road-Client}), checks the caller and the service's provider against
 * the global configuration, reads the body, and hands the request to a {@link ClientExchange}.
 * {@code listClients} is answered here ({@link ListClients}).
 */
public final class ClientProxy extends ProxyHandler {
    private final Gateway gateway;

    public ClientProxy(Gateway gateway) {
        super(
                LoggerFactory.getLogger(ClientProxy.class),
                new ExchangeMetrics(gateway.meters(), "client"),
                XRoadErrorType.CLIENT_PROXY_INTERNAL);
        this.gateway = gateway;
    }

    @Override
    protected void serve(Request request, Response response, ExchangeTrace trace) throws Exception {
        if (ListClients.handles(request.getHttpURI().getPath())) {
            listClients(request, response, trace);
            return;
        }
        trace.xRoadId = xRoadId(request.getHeaders());
        SubsystemId client = TRoadHeaders.client(request.getHeaders());
        trace.client = client;
        var target = ServicePath.parse(
                request.getHttpURI().getPath(), request.getHttpURI().getQuery());
        trace.service = target.service();
        GlobalConfiguration conf = gateway.configuration().current();
        checkClient(conf, client);
        List<SecurityServerEntry> providers = providerServers(conf, target.service());
        var outgoing = new TRoadRequest(
                request.getMethod(),
                target,
                client,
                trace.xRoadId,
                RequestIds.next(),
                HeaderPart.passed(request.getHeaders()),
                gateway.now());
        trace.begin();
        try (var signature = gateway.signing().expect();
                SpooledBody body = SpooledBody.of(request, gateway.settings().maxBodySize())) {
            trace.ended(ExchangeTrace.Phase.RECEIVE);
            trace.requestSize = body.size();
            new ClientExchange(gateway, outgoing, providers, body, signature, trace).run(response);
        }
    }

    private void listClients(Request request, Response response, ExchangeTrace trace) throws Exception {
        var conf = gateway.configuration().current();
        try (UpstreamResponse answer = ListClients.answer(
                request.getMethod(), conf, request.getHttpURI().getQuery())) {
            trace.responseSize = answer.body().size();
            Responses.send(response, answer.status(), answer.headers(), answer.body());
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
}
