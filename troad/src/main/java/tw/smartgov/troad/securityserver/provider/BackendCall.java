package tw.smartgov.troad.securityserver.provider;

import java.net.URI;
import org.eclipse.jetty.client.Request;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.securityserver.exchange.Gateway;
import tw.smartgov.troad.securityserver.exchange.SpooledBody;
import tw.smartgov.troad.securityserver.exchange.TRoadHeaders;
import tw.smartgov.troad.securityserver.exchange.TRoadRequest;
import tw.smartgov.troad.securityserver.exchange.UpstreamCall;
import tw.smartgov.troad.securityserver.exchange.UpstreamResponse;

/** Passes a verified request on to the service's backend and reads its response completely. */
record BackendCall(Gateway gateway, URI backend) implements ProviderAnswer {

    @Override
    public UpstreamResponse answer(TRoadRequest request, SpooledBody body) throws Exception {
        Request call = gateway.backends()
                .newRequest(request.target().below(backend))
                .method(request.method())
                .headers(headers -> TRoadHeaders.toBackend(request, headers));
        var content = body.content();
        if (content != null) {
            call.body(content);
        }
        var settings = gateway.settings();
        try {
            return UpstreamCall.send(
                    call,
                    settings.readTimeout(),
                    gateway.deadlines(),
                    settings.readTimeout().plus(settings.connectTimeout()),
                    settings.maxBodySize(),
                    XRoadErrorType.SERVICE_FAILED);
        } catch (UpstreamCall.Failed e) {
            boolean slow = e.failure() == UpstreamCall.Failure.TIMEOUT;
            throw new XRoadException(
                    slow ? XRoadErrorType.SERVICE_TIMEOUT : XRoadErrorType.SERVICE_FAILED,
                    slow
                            ? "the service did not answer within " + settings.readTimeout()
                            : "the service cannot be reached",
                    null,
                    e);
        }
    }
}
