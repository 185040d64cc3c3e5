package tw.smartgov.troad.securityserver;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.LoggerFactory;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.trust.TrustException;

/**
 * The provider side: reached by other security servers over mutual TLS. Identifies the calling
 * server by its pinned certificate, checks the claimed client, the service and access rights,
 * verifies the request signature, calls the backend, signs and logs the response.
 */
final class ProviderProxy extends ProxyHandler {
    private final Gateway gateway;

    ProviderProxy(Gateway gateway) {
        super(
                LoggerFactory.getLogger(ProviderProxy.class),
                new ExchangeMetrics(gateway.settings().meterRegistry(), "provider"),
                XRoadErrorType.SERVER_PROXY_INTERNAL);
        this.gateway = gateway;
    }

    @Override
    void serve(Request request, Response response, Exchange exchange) throws Exception {
        HttpFields headers = request.getHeaders();
        exchange.xRoadId = required(headers, XRoadHeaders.ID);
        SecurityServerEntry peer = callingServer(request);
        gateway.configuration().current();
        SubsystemId client = clientOf(headers);
        exchange.client = client;
        if (!peer.clients().contains(client)) {
            throw new XRoadException(
                    XRoadErrorType.INVALID_CLIENT, "the client " + client + " is not served by " + peer.id());
        }
        var target = ServicePath.parse(
                request.getHttpURI().getPath(), request.getHttpURI().getQuery());
        exchange.service = target.service();
        ProviderAnswer answer = answerFor(target, client, request.getMethod());
        var incoming = new ProviderExchange.Incoming(
                request.getMethod(),
                target,
                client,
                exchange.xRoadId,
                required(headers, XRoadHeaders.REQUEST_ID),
                required(headers, HeaderPart.SIGNATURE),
                HeaderPart.passed(headers),
                gateway.now(),
                HeaderPart.TRAILER.equals(headers.get(HeaderPart.CONFIRM_LOG)));
        exchange.begin();
        try (var signature = gateway.signing().expect();
                SpooledBody body = requestBody(request, gateway.settings().maxBodySize())) {
            exchange.ended(Exchange.Phase.RECEIVE);
            exchange.requestSize = body.size();
            new ProviderExchange(gateway, incoming, peer, answer, body, signature, exchange).run(response);
        }
    }

    private SecurityServerEntry callingServer(Request request) {
        var tls = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        X509Certificate[] chain = tls == null ? null : tls.peerCertificates();
        if (chain == null || chain.length == 0) {
            throw new XRoadException(
                    XRoadErrorType.SERVER_PROXY_SSL_AUTHENTICATION_FAILED, "the peer presented no TLS certificate");
        }
        try {
            // again per request: a connection may have been opened before the certificate was
            // revoked or expired, or resumed by a peer without a full handshake
            gateway.trust().validateTls(List.of(chain));
        } catch (TrustException e) {
            throw new XRoadException(
                    XRoadErrorType.SERVER_PROXY_SSL_AUTHENTICATION_FAILED,
                    "the peer's TLS certificate is not valid",
                    e.getMessage(),
                    e);
        }
        return gateway.trust()
                .serverByTls(chain[0])
                .orElseThrow(() -> new XRoadException(
                        XRoadErrorType.SERVER_PROXY_SSL_AUTHENTICATION_FAILED,
                        "the peer's TLS certificate is not pinned in the global configuration"));
    }

    /** Metaservices are answered here for every client; other services need an access right. */
    private ProviderAnswer answerFor(ServicePath target, SubsystemId client, String method) {
        var settings = gateway.settings();
        if (Metaservices.isMetaservice(target)) {
            if (!settings.clients().contains(target.service().provider())) {
                throw unknown(target.service());
            }
            return new Metaservices(settings.services(), settings.accessRights());
        }
        URI backend = backend(target.service());
        if (!settings.accessRights().allows(client, target.service(), method, target.decodedRest())) {
            throw new XRoadException(
                    XRoadErrorType.ACCESS_DENIED, "the client " + client + " may not call " + target.service());
        }
        return new BackendCall(gateway, backend);
    }

    private URI backend(ServiceId service) {
        if (!gateway.settings().clients().contains(service.provider())) {
            throw unknown(service);
        }
        return gateway.settings().services().backend(service).orElseThrow(() -> unknown(service));
    }

    private static XRoadException unknown(ServiceId service) {
        return new XRoadException(
                XRoadErrorType.UNKNOWN_SERVICE, "the service " + service + " is not provided by this security server");
    }

    private static String required(HttpFields headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "the " + name + " header is missing");
        }
        return value;
    }
}
