package tw.smartgov.troad.securityserver.client;

import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.messagelog.MessageRecord;
import tw.smartgov.troad.messagelog.MessageRecord.Message;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.troad.securityserver.exchange.ExchangeTrace;
import tw.smartgov.troad.securityserver.exchange.Gateway;
import tw.smartgov.troad.securityserver.exchange.HeaderPart;
import tw.smartgov.troad.securityserver.exchange.LogBarrier;
import tw.smartgov.troad.securityserver.exchange.MessageSigning;
import tw.smartgov.troad.securityserver.exchange.Responses;
import tw.smartgov.troad.securityserver.exchange.SpooledBody;
import tw.smartgov.troad.securityserver.exchange.TRoadHeaders;
import tw.smartgov.troad.securityserver.exchange.TRoadRequest;
import tw.smartgov.troad.securityserver.exchange.UpstreamCall;
import tw.smartgov.troad.securityserver.exchange.UpstreamResponse;
import tw.smartgov.trust.signature.BatchingSigner.Expectation;

/**
 * The client side's part of one exchange, from the spooled request body to the released response:
 * signs the request, sends it over mutual TLS to the provider's security server, verifies the
 * signed response and its request hash, logs both and only then releases the response.
 */
final class ClientExchange {
    private final Gateway gateway;
    private final TRoadRequest outgoing;
    private final ProviderServers providers;
    private final SpooledBody body;
    private final Expectation announced;
    private final ExchangeTrace trace;

    ClientExchange(
            Gateway gateway,
            TRoadRequest outgoing,
            List<SecurityServerEntry> providers,
            SpooledBody body,
            Expectation announced,
            ExchangeTrace trace) {
        this.gateway = gateway;
        this.outgoing = outgoing;
        this.providers = new ProviderServers(gateway, outgoing.xRoadId(), providers);
        this.body = body;
        this.announced = announced;
        this.trace = trace;
    }

    void run(Response response) throws Exception {
        Message request = sign();
        trace.ended(ExchangeTrace.Phase.SIGN);
        try (UpstreamResponse answer = providers.call(request.signature(), this::send)) {
            trace.ended(ExchangeTrace.Phase.UPSTREAM);
            trace.responseSize = answer.body().size();
            if (isProviderError(answer)) {
                relay(response, answer);
                return;
            }
            Message reply = verify(answer, request.digestBase64());
            trace.ended(ExchangeTrace.Phase.VERIFY);
            // both records are committed at the same time: this side's, and the provider's, which
            // the end of its response confirms; the response is released once both are durable
            var logged = gateway.messageLog().record(record(answer.status(), request, reply));
            answer.awaitProviderLog();
            LogBarrier.await(gateway.deadlines().bound(logged, readTimeout()));
            trace.ended(ExchangeTrace.Phase.LOG);
            var headers = TRoadHeaders.response(outgoing, HeaderPart.passed(answer.headers()), request.digestBase64());
            Responses.send(response, answer.status(), headers, answer.body());
            trace.ended(ExchangeTrace.Phase.SEND);
        }
    }

    private Message sign() {
        String headerPart = outgoing.headerPart();
        byte[] digest = HeaderPart.digest(headerPart, body.digest());
        String signature = gateway.signing().sign(announced, digest, XRoadErrorType.CLIENT_PROXY_INTERNAL);
        return new Message(
                headerPart, body.digest(), digest, signature, body.size(), body.smallBytes(), outgoing.receivedAt());
    }

    /** Sends the signed request to one of the provider's security servers. */
    private UpstreamResponse send(SecurityServerEntry provider, String signature) throws Exception {
        Request request = gateway.peers()
                .newRequest(outgoing.target().at(provider.address()))
                .method(outgoing.method())
                .headers(headers -> TRoadHeaders.toProvider(outgoing, signature, body.digest(), headers));
        var content = body.content();
        if (content != null) {
            request.body(content);
        }
        Duration peerTimeout = gateway.settings().peerTimeout();
        return UpstreamCall.send(
                request,
                peerTimeout,
                gateway.deadlines(),
                peerTimeout.plus(gateway.settings().connectTimeout()),
                gateway.settings().maxBodySize(),
                XRoadErrorType.SERVICE_PROVIDER_UNREACHABLE,
                true);
    }

    /** A typed error of the provider's security server itself: unsigned, carries no provider data. */
    private static boolean isProviderError(UpstreamResponse answer) {
        return answer.headers().get(TRoadHeaders.SIGNATURE) == null
                && answer.headers().get(XRoadHeaders.ERROR) != null;
    }

    private void relay(Response response, UpstreamResponse answer) throws Exception {
        var headers = HttpFields.build();
        headers.put(XRoadHeaders.ERROR, answer.headers().get(XRoadHeaders.ERROR));
        String contentType = answer.headers().get(HttpHeader.CONTENT_TYPE);
        if (contentType != null) {
            headers.put(HttpHeader.CONTENT_TYPE, contentType);
        }
        headers.put(XRoadHeaders.ID, outgoing.xRoadId());
        Responses.send(response, answer.status(), headers, answer.body());
    }

    private Message verify(UpstreamResponse answer, String requestHash) {
        String signature = answer.headers().get(TRoadHeaders.SIGNATURE);
        if (signature == null) {
            throw new XRoadException(XRoadErrorType.RESPONSE_SIGNATURE_INVALID, "the response is not signed");
        }
        if (!requestHash.equals(answer.headers().get(XRoadHeaders.REQUEST_HASH))) {
            throw new XRoadException(
                    XRoadErrorType.RESPONSE_HASH_MISMATCH, "the response answers a different request (request hash)");
        }
        String headerPart = HeaderPart.response(
                answer.status(), outgoing.xRoadId(), requestHash, HeaderPart.passed(answer.headers()));
        SpooledBody reply = answer.body();
        byte[] digest = HeaderPart.digest(headerPart, reply.digest());
        MessageSigning.verify(
                gateway.trust(),
                digest,
                signature,
                providers.current().signingCertificateSha256(),
                XRoadErrorType.RESPONSE_SIGNATURE_INVALID);
        return new Message(
                headerPart, reply.digest(), digest, signature, reply.size(), reply.smallBytes(), gateway.now());
    }

    private MessageRecord record(int status, Message request, Message response) {
        return outgoing.record(MessageRecord.Side.CLIENT, status, request, response);
    }

    private Duration readTimeout() {
        return gateway.settings().readTimeout();
    }
}
