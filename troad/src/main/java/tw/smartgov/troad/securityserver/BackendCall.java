package tw.smartgov.troad.securityserver;

import java.net.URI;
import org.eclipse.jetty.client.Request;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.protocol.XRoadHeaders;

/** Passes a verified request on to the service's backend and reads its response completely. */
record BackendCall(Gateway gateway, URI backend) implements ProviderAnswer {

    @Override
    public Upstream answer(ProviderExchange.Incoming incoming, SpooledBody body) throws Exception {
        URI uri = URI.create(ProxyHandler.stripTrailingSlash(backend.toString())
                + incoming.target().pathAndQuery());
        Request request = gateway.backends()
                .newRequest(uri)
                .method(incoming.method())
                .headers(headers -> {
                    incoming.passed().forEach(headers::add);
                    headers.put(XRoadHeaders.CLIENT, incoming.client().encoded());
                    headers.put(
                            XRoadHeaders.SERVICE, incoming.target().service().encoded());
                    headers.put(XRoadHeaders.ID, incoming.xRoadId());
                    headers.put(XRoadHeaders.REQUEST_ID, incoming.requestId());
                });
        var content = body.content();
        if (content != null) {
            request.body(content);
        }
        var settings = gateway.settings();
        try {
            return Upstream.exchange(
                    request,
                    settings.readTimeout(),
                    gateway.deadlines(),
                    settings.readTimeout().plus(settings.connectTimeout()),
                    settings.maxBodySize(),
                    XRoadErrorType.SERVICE_FAILED);
        } catch (Upstream.Failed e) {
            boolean slow = e.failure() == Upstream.Failure.TIMEOUT;
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
