package tw.smartgov.troad.securityserver;

import java.util.List;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.troad.securityserver.ClientProxy.OutgoingRequest;
import tw.smartgov.troad.securityserver.MessageRecord.Message;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.signature.BatchingSigner.Expectation;

/**
 * One call through the client side, from the spooled request body to the released response. When
 * the provider's subsystem is served by several security servers, they are tried in the order of
 * the global configuration, moving on only when one cannot be connected to: then nothing was sent,
 * so nothing can be done twice.
 */
final class ClientExchange {
    private static final Logger log = LoggerFactory.getLogger(ClientExchange.class);

    private final Gateway gateway;
    private final OutgoingRequest outgoing;
    private final List<SecurityServerEntry> providers;
    private SecurityServerEntry provider;
    private final SpooledBody body;
    private final Expectation announced;
    private final Exchange exchange;

    ClientExchange(
            Gateway gateway,
            OutgoingRequest outgoing,
            List<SecurityServerEntry> providers,
            SpooledBody body,
            Expectation announced,
            Exchange exchange) {
        this.gateway = gateway;
        this.outgoing = outgoing;
        this.providers = List.copyOf(providers);
        this.provider = this.providers.getFirst();
        this.body = body;
        this.announced = announced;
        this.exchange = exchange;
    }

    void run(Response response) throws Exception {
        String headerPart = outgoing.headerPart();
        byte[] digest = HeaderPart.digest(headerPart, body.digest());
        String signature = gateway.signing().sign(announced, digest, XRoadErrorType.CLIENT_PROXY_INTERNAL);
        var request = new Message(
                headerPart, body.digest(), digest, signature, body.size(), body.smallBytes(), outgoing.receivedAt());
        exchange.ended(Exchange.Phase.SIGN);
        try (Upstream answer = call(signature)) {
            exchange.ended(Exchange.Phase.UPSTREAM);
            exchange.responseSize = answer.body().size();
            if (isProviderError(answer)) {
                relay(response, answer);
                return;
            }
            Message reply = verify(answer, request.digestBase64());
            exchange.ended(Exchange.Phase.VERIFY);
            // both records are committed at the same time: this side's, and the provider's, which
            // the end of its response confirms; the response is released once both are durable
            var logged = gateway.settings().messageLog().record(record(answer.status(), request, reply));
            answer.awaitProviderLog();
            ProxyHandler.awaitLog(gateway.deadlines().bound(logged, timeout()));
            exchange.ended(Exchange.Phase.LOG);
            ProxyHandler.send(
                    response, answer.status(), responseHeaders(answer, request.digestBase64()), answer.body());
            exchange.ended(Exchange.Phase.SEND);
        }
    }

    private Upstream call(String signature) throws Exception {
        for (int i = 0; ; i++) {
            provider = providers.get(i);
            try {
                return callProvider(signature);
            } catch (Upstream.Failed e) {
                if (e.failure() != Upstream.Failure.REFUSED || i == providers.size() - 1) {
                    throw unreachable(e);
                }
                log.info(
                        "X-Road-Id {}: {} cannot be reached, trying {}",
                        outgoing.xRoadId(),
                        provider.id(),
                        providers.get(i + 1).id());
            }
        }
    }

    private Upstream callProvider(String signature) throws Exception {
        Request request = gateway.peers()
                .newRequest(outgoing.uriAt(provider))
                .method(outgoing.method())
                .headers(headers -> {
                    outgoing.passed().forEach(headers::add);
                    headers.put(XRoadHeaders.CLIENT, outgoing.client().encoded());
                    headers.put(XRoadHeaders.ID, outgoing.xRoadId());
                    headers.put(XRoadHeaders.REQUEST_ID, outgoing.requestId());
                    headers.put(HeaderPart.SIGNATURE, signature);
                    headers.put(HeaderPart.BODY_DIGEST, ProxyHandler.base64(body.digest()));
                    headers.put(HeaderPart.CONFIRM_LOG, HeaderPart.TRAILER);
                });
        var content = body.content();
        if (content != null) {
            request.body(content);
        }
        return Upstream.exchange(
                request,
                gateway.settings().peerTimeout(),
                gateway.deadlines(),
                gateway.settings().peerTimeout().plus(gateway.settings().connectTimeout()),
                gateway.settings().maxBodySize(),
                XRoadErrorType.SERVICE_PROVIDER_UNREACHABLE,
                true);
    }

    private XRoadException unreachable(Upstream.Failed e) {
        String server = provider.id() + " at " + provider.address();
        if (e.failure() == Upstream.Failure.OTHER) {
            // In TLS 1.3 a peer refuses this server's certificate after the handshake, with an alert
            // that may reach the client side only as a closed connection: it would look like the
            // network's fault, when this server can tell that its own certificate is to blame.
            try {
                gateway.trust().validateTls(gateway.settings().tlsIdentity().chain());
            } catch (TrustException own) {
                return new XRoadException(
                        XRoadErrorType.SSL_AUTHENTICATION_FAILED,
                        "TLS with " + server + " failed: this security server's own TLS certificate is not valid",
                        own.getMessage(),
                        e);
            }
        }
        return switch (e.failure()) {
            case TLS ->
                new XRoadException(XRoadErrorType.SSL_AUTHENTICATION_FAILED, "TLS with " + server + " failed", null, e);
            case TIMEOUT ->
                new XRoadException(
                        XRoadErrorType.SERVICE_PROVIDER_UNREACHABLE, server + " did not answer in time", null, e);
            default ->
                new XRoadException(XRoadErrorType.SERVICE_PROVIDER_UNREACHABLE, server + " cannot be reached", null, e);
        };
    }

    /** A typed error of the provider's security server itself: unsigned, carries no provider data. */
    private static boolean isProviderError(Upstream answer) {
        return answer.headers().get(HeaderPart.SIGNATURE) == null
                && answer.headers().get(XRoadHeaders.ERROR) != null;
    }

    private void relay(Response response, Upstream answer) throws Exception {
        var headers = HttpFields.build();
        headers.put(XRoadHeaders.ERROR, answer.headers().get(XRoadHeaders.ERROR));
        String contentType = answer.headers().get(HttpHeader.CONTENT_TYPE);
        if (contentType != null) {
            headers.put(HttpHeader.CONTENT_TYPE, contentType);
        }
        headers.put(XRoadHeaders.ID, outgoing.xRoadId());
        ProxyHandler.send(response, answer.status(), headers, answer.body());
    }

    private Message verify(Upstream answer, String requestHash) {
        String signature = answer.headers().get(HeaderPart.SIGNATURE);
        if (signature == null) {
            throw new XRoadException(XRoadErrorType.RESPONSE_SIGNATURE_INVALID, "the response is not signed");
        }
        if (!requestHash.equals(answer.headers().get(XRoadHeaders.REQUEST_HASH))) {
            throw new XRoadException(
                    XRoadErrorType.RESPONSE_HASH_MISMATCH, "the response answers a different request (request hash)");
        }
        String headerPart = HeaderPart.response(
                answer.status(), outgoing.xRoadId(), requestHash, HeaderPart.passed(answer.headers()));
        byte[] digest = HeaderPart.digest(headerPart, answer.body().digest());
        MessageSigning.verify(
                gateway.trust(),
                digest,
                signature,
                provider.signingCertificateSha256(),
                XRoadErrorType.RESPONSE_SIGNATURE_INVALID);
        SpooledBody reply = answer.body();
        return new Message(
                headerPart, reply.digest(), digest, signature, reply.size(), reply.smallBytes(), gateway.now());
    }

    private MessageRecord record(int status, Message request, Message response) {
        return new MessageRecord(
                MessageRecord.Side.CLIENT,
                outgoing.xRoadId(),
                outgoing.requestId(),
                outgoing.client(),
                outgoing.target().service(),
                outgoing.method(),
                outgoing.target().pathAndQuery(),
                status,
                request,
                response);
    }

    private HttpFields.Mutable responseHeaders(Upstream answer, String requestHash) {
        var headers = HttpFields.build();
        List<HttpField> passed = HeaderPart.passed(answer.headers());
        passed.forEach(headers::add);
        headers.put(XRoadHeaders.CLIENT, outgoing.client().encoded());
        headers.put(XRoadHeaders.SERVICE, outgoing.target().service().encoded());
        headers.put(XRoadHeaders.ID, outgoing.xRoadId());
        headers.put(XRoadHeaders.REQUEST_ID, outgoing.requestId());
        headers.put(XRoadHeaders.REQUEST_HASH, requestHash);
        return headers;
    }

    private java.time.Duration timeout() {
        return gateway.settings().readTimeout();
    }
}
