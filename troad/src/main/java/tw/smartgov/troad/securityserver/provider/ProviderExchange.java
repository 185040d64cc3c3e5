package tw.smartgov.troad.securityserver.provider;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.messagelog.MessageRecord;
import tw.smartgov.troad.messagelog.MessageRecord.Message;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.securityserver.exchange.ExchangeTrace;
import tw.smartgov.troad.securityserver.exchange.Gateway;
import tw.smartgov.troad.securityserver.exchange.HeaderPart;
import tw.smartgov.troad.securityserver.exchange.LogBarrier;
import tw.smartgov.troad.securityserver.exchange.MessageSigning;
import tw.smartgov.troad.securityserver.exchange.Responses;
import tw.smartgov.troad.securityserver.exchange.SpooledBody;
import tw.smartgov.troad.securityserver.exchange.TRoadHeaders;
import tw.smartgov.troad.securityserver.exchange.TRoadRequest;
import tw.smartgov.troad.securityserver.exchange.UpstreamResponse;
import tw.smartgov.trust.signature.BatchingSigner.Expectation;

/**
 * The provider side's part of one exchange, from the spooled request body to the released response:
 * the request's signature is verified before {@link ProviderAnswer} runs, its answer is signed,
 * logged and sent.
 */
final class ProviderExchange {
    private final Gateway gateway;
    private final TRoadRequest incoming;
    private final String signature;
    private final SecurityServerEntry peer;
    private final ProviderAnswer answer;
    private final SpooledBody body;
    private final Expectation announced;
    private final ExchangeTrace trace;

    ProviderExchange(
            Gateway gateway,
            TRoadRequest incoming,
            String signature,
            SecurityServerEntry peer,
            ProviderAnswer answer,
            SpooledBody body,
            Expectation announced,
            ExchangeTrace trace) {
        this.gateway = gateway;
        this.incoming = incoming;
        this.signature = signature;
        this.peer = peer;
        this.answer = answer;
        this.body = body;
        this.announced = announced;
        this.trace = trace;
    }

    /**
     * @param confirmLogInTrailer whether the client side takes the confirmation of this side's log
     *     record in a trailer ({@link TRoadHeaders#CONFIRM_LOG})
     */
    void run(Response response, boolean confirmLogInTrailer) throws Exception {
        Message request = verify();
        trace.ended(ExchangeTrace.Phase.VERIFY);
        try (UpstreamResponse answered = this.answer.answer(incoming, body)) {
            trace.ended(ExchangeTrace.Phase.UPSTREAM);
            trace.responseSize = answered.body().size();
            List<HttpField> passed = HeaderPart.passed(answered.headers());
            Message reply = sign(answered, passed, request.digestBase64());
            trace.ended(ExchangeTrace.Phase.SIGN);
            var record = incoming.record(MessageRecord.Side.PROVIDER, answered.status(), request, reply);
            HttpFields.Mutable headers = TRoadHeaders.response(incoming, passed, request.digestBase64());
            TRoadHeaders.signed(headers, reply.signature(), reply.bodyDigest());
            byte[] inMemory = answered.body().memory();
            if (confirmLogInTrailer && inMemory != null) {
                headers.put(TRoadHeaders.BODY_LENGTH, answered.body().size());
                sendThenConfirmLog(response, answered.status(), headers, inMemory, record);
                return;
            }
            LogBarrier.await(gateway.deadlines().bound(gateway.messageLog().record(record), readTimeout()));
            trace.ended(ExchangeTrace.Phase.LOG);
            Responses.send(response, answered.status(), headers, answered.body());
            trace.ended(ExchangeTrace.Phase.SEND);
        }
    }

    private Message verify() {
        String headerPart = incoming.headerPart();
        byte[] digest = HeaderPart.digest(headerPart, body.digest());
        MessageSigning.verify(
                gateway.trust(), digest, signature, peer.signingCertificateSha256(), XRoadErrorType.INVALID_SIGNATURE);
        return new Message(
                headerPart, body.digest(), digest, signature, body.size(), body.smallBytes(), incoming.receivedAt());
    }

    private Message sign(UpstreamResponse answered, List<HttpField> passed, String requestHash) {
        String headerPart = HeaderPart.response(answered.status(), incoming.xRoadId(), requestHash, passed);
        SpooledBody reply = answered.body();
        byte[] digest = HeaderPart.digest(headerPart, reply.digest());
        String signed = gateway.signing().sign(announced, digest, XRoadErrorType.SERVER_PROXY_INTERNAL);
        return new Message(headerPart, reply.digest(), digest, signed, reply.size(), reply.smallBytes(), gateway.now());
    }

    /**
     * Sends status, headers and {@code body} at once, chunked and without its end, then records the
     * exchange (which may write the record on this thread), waits until the record is durable and
     * ends the response with the trailer {@link TRoadHeaders#LOG_CONFIRMATION}: {@link
     * TRoadHeaders#DURABLE}, or the type of the error that kept the record from being durable (then
     * recorded in the trace). The client side releases the response only after this trailer.
     */
    private void sendThenConfirmLog(
            Response response, int status, HttpFields headers, byte[] body, MessageRecord record) throws IOException {
        Responses.begin(response, status, headers);
        HttpFields.Mutable trailers = HttpFields.build();
        response.setTrailersSupplier(() -> trailers);
        Responses.write(response, false, ByteBuffer.wrap(body));
        trace.ended(ExchangeTrace.Phase.SEND);
        // logged only now: a locally journaled log is written by the appending thread
        CompletableFuture<Void> logged = gateway.messageLog().record(record);
        try {
            LogBarrier.await(gateway.deadlines().bound(logged, readTimeout()));
            trailers.put(TRoadHeaders.LOG_CONFIRMATION, TRoadHeaders.DURABLE);
        } catch (XRoadException e) {
            trailers.put(TRoadHeaders.LOG_CONFIRMATION, e.type().type());
            trace.failedAfterAnswer = e.type();
        }
        Responses.write(response, true, ByteBuffer.allocate(0));
        trace.ended(ExchangeTrace.Phase.LOG);
    }

    private java.time.Duration readTimeout() {
        return gateway.settings().readTimeout();
    }
}
