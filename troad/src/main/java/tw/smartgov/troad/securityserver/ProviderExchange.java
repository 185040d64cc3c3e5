package tw.smartgov.troad.securityserver;

import java.time.Instant;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.troad.securityserver.MessageRecord.Message;
import tw.smartgov.trust.signature.BatchingSigner.Expectation;

/**
 * One call through the provider side, from the spooled request body to the released response: the
 * signature is verified before {@link ProviderAnswer} runs, its answer is signed and logged.
 */
final class ProviderExchange {
    /** The request as received from the calling security server. */
    record Incoming(
            String method,
            ServicePath target,
            SubsystemId client,
            String xRoadId,
            String requestId,
            String signature,
            List<HttpField> passed,
            Instant receivedAt,
            boolean confirmLogInTrailer) {
        String headerPart() {
            return HeaderPart.request(
                    method, target.service(), target.pathAndQuery(), client, xRoadId, requestId, passed);
        }
    }

    private final Gateway gateway;
    private final Incoming incoming;
    private final SecurityServerEntry peer;
    private final ProviderAnswer answer;
    private final SpooledBody body;
    private final Expectation announced;
    private final Exchange exchange;

    ProviderExchange(
            Gateway gateway,
            Incoming incoming,
            SecurityServerEntry peer,
            ProviderAnswer answer,
            SpooledBody body,
            Expectation announced,
            Exchange exchange) {
        this.gateway = gateway;
        this.incoming = incoming;
        this.peer = peer;
        this.answer = answer;
        this.body = body;
        this.announced = announced;
        this.exchange = exchange;
    }

    void run(Response response) throws Exception {
        String headerPart = incoming.headerPart();
        byte[] digest = HeaderPart.digest(headerPart, body.digest());
        MessageSigning.verify(
                gateway.trust(),
                digest,
                incoming.signature(),
                peer.signingCertificateSha256(),
                XRoadErrorType.INVALID_SIGNATURE);
        var request = new Message(
                headerPart,
                body.digest(),
                digest,
                incoming.signature(),
                body.size(),
                body.smallBytes(),
                incoming.receivedAt());
        String requestHash = request.digestBase64();
        exchange.ended(Exchange.Phase.VERIFY);
        try (Upstream answer = this.answer.answer(incoming, body)) {
            exchange.ended(Exchange.Phase.UPSTREAM);
            exchange.responseSize = answer.body().size();
            List<HttpField> passed = HeaderPart.passed(answer.headers());
            String responsePart = HeaderPart.response(answer.status(), incoming.xRoadId(), requestHash, passed);
            byte[] responseDigest =
                    HeaderPart.digest(responsePart, answer.body().digest());
            String signature = gateway.signing().sign(announced, responseDigest, XRoadErrorType.SERVER_PROXY_INTERNAL);
            SpooledBody reply = answer.body();
            var responseMessage = new Message(
                    responsePart,
                    reply.digest(),
                    responseDigest,
                    signature,
                    reply.size(),
                    reply.smallBytes(),
                    gateway.now());
            exchange.ended(Exchange.Phase.SIGN);
            var record = record(answer.status(), request, responseMessage);
            HttpFields.Mutable headers = responseHeaders(passed, requestHash, signature, reply);
            byte[] inMemory = reply.memory();
            boolean confirmInTrailer = incoming.confirmLogInTrailer() && inMemory != null;
            if (confirmInTrailer) {
                headers.put(HeaderPart.BODY_LENGTH, reply.size());
            }
            gateway.hooks().providerResponseHeaders.accept(headers);
            if (confirmInTrailer) {
                // the record is made durable while the response travels; the trailer confirms it
                ProxyHandler.sendThenConfirmLog(
                        response,
                        answer.status(),
                        headers,
                        inMemory,
                        () -> gateway.settings().messageLog().record(record),
                        gateway.deadlines(),
                        gateway.settings().readTimeout(),
                        exchange);
                return;
            }
            ProxyHandler.awaitLog(
                    gateway.deadlines(),
                    gateway.settings().messageLog(),
                    record,
                    gateway.settings().readTimeout());
            exchange.ended(Exchange.Phase.LOG);
            ProxyHandler.send(response, answer.status(), headers, reply);
            exchange.ended(Exchange.Phase.SEND);
        }
    }

    private MessageRecord record(int status, Message request, Message response) {
        return new MessageRecord(
                MessageRecord.Side.PROVIDER,
                incoming.xRoadId(),
                incoming.requestId(),
                incoming.client(),
                incoming.target().service(),
                incoming.method(),
                incoming.target().pathAndQuery(),
                status,
                request,
                response);
    }

    private HttpFields.Mutable responseHeaders(
            List<HttpField> passed, String requestHash, String signature, SpooledBody reply) {
        var headers = HttpFields.build();
        passed.forEach(headers::add);
        headers.put(XRoadHeaders.CLIENT, incoming.client().encoded());
        headers.put(XRoadHeaders.SERVICE, incoming.target().service().encoded());
        headers.put(XRoadHeaders.ID, incoming.xRoadId());
        headers.put(XRoadHeaders.REQUEST_ID, incoming.requestId());
        headers.put(XRoadHeaders.REQUEST_HASH, requestHash);
        headers.put(HeaderPart.SIGNATURE, signature);
        headers.put(HeaderPart.BODY_DIGEST, ProxyHandler.base64(reply.digest()));
        return headers;
    }
}
