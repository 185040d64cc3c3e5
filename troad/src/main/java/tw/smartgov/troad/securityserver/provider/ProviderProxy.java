package tw.smartgov.troad.securityserver.provider;

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
import tw.smartgov.troad.securityserver.exchange.ExchangeMetrics;
import tw.smartgov.troad.securityserver.exchange.ExchangeTrace;
import tw.smartgov.troad.securityserver.exchange.Gateway;
import tw.smartgov.troad.securityserver.exchange.HeaderPart;
import tw.smartgov.troad.securityserver.exchange.ProxyHandler;
import tw.smartgov.troad.securityserver.exchange.ServicePath;
import tw.smartgov.troad.securityserver.exchange.SpooledBody;
import tw.smartgov.troad.securityserver.exchange.TRoadHeaders;
import tw.smartgov.troad.securityserver.exchange.TRoadRequest;
import tw.smartgov.trust.TrustException;

/**
 * The provider port, reached by other security servers over mutual TLS: identifies the calling
 * server by its pinned certificate, checks the claimed client, the service and access rights, reads
 * the body, and hands the request to a {@link ProviderExchange}.
 */
public final class ProviderProxy extends ProxyHandler {
    private final Gateway gateway;

    public ProviderProxy(Gateway gateway) {
        super(
                LoggerFactory.getLogger(ProviderProxy.class),
                new ExchangeMetrics(gateway.meters(), "provider"),
                XRoadErrorType.SERVER_PROXY_INTERNAL);
        this.gateway = gateway;
    }

    @Override
    protected void serve(Request request, Response response, ExchangeTrace trace) throws Exception {
        HttpFields headers = request.getHeaders();
        trace.xRoadId = TRoadHeaders.required(headers, XRoadHeaders.ID);
        SecurityServerEntry peer = callingServer(request);
        gateway.configuration().current();
        SubsystemId client = TRoadHeaders.client(headers);
        trace.client = client;
        if (!peer.clients().contains(client)) {
            throw new XRoadException(
                    XRoadErrorType.INVALID_CLIENT, "the client " + client + " is not served by " + peer.id());
        }
        var target = ServicePath.parse(
                request.getHttpURI().getPath(), request.getHttpURI().getQuery());
        trace.service = target.service();
        ProviderAnswer answer = answerFor(target, client, request.getMethod());
        var incoming = new TRoadRequest(
                request.getMethod(),
                target,
                client,
                trace.xRoadId,
                TRoadHeaders.required(headers, XRoadHeaders.REQUEST_ID),
                HeaderPart.passed(headers),
                gateway.now());
        String signature = TRoadHeaders.required(headers, TRoadHeaders.SIGNATURE);
        boolean confirmLogInTrailer = TRoadHeaders.TRAILER.equals(headers.get(TRoadHeaders.CONFIRM_LOG));
        trace.begin();
        try (var announced = gateway.signing().expect();
                SpooledBody body = SpooledBody.of(request, gateway.settings().maxBodySize())) {
            trace.ended(ExchangeTrace.Phase.RECEIVE);
            trace.requestSize = body.size();
            new ProviderExchange(gateway, incoming, signature, peer, answer, body, announced, trace)
                    .run(response, confirmLogInTrailer);
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
        if (Metaservices.isMetaservice(target)) {
            if (!gateway.settings().clients().contains(target.service().provider())) {
                throw unknown(target.service());
            }
            return new Metaservices(gateway.services(), gateway.accessRights());
        }
        URI backend = backend(target.service());
        if (!gateway.accessRights().allows(client, target.service(), method, target.decodedRest())) {
            throw new XRoadException(
                    XRoadErrorType.ACCESS_DENIED, "the client " + client + " may not call " + target.service());
        }
        return new BackendCall(gateway, backend);
    }

    private URI backend(ServiceId service) {
        if (!gateway.settings().clients().contains(service.provider())) {
            throw unknown(service);
        }
        return gateway.services().backend(service).orElseThrow(() -> unknown(service));
    }

    private static XRoadException unknown(ServiceId service) {
        return new XRoadException(
                XRoadErrorType.UNKNOWN_SERVICE, "the service " + service + " is not provided by this security server");
    }
}
