package tw.smartgov.troad.securityserver.provider;

import tw.smartgov.troad.securityserver.exchange.SpooledBody;
import tw.smartgov.troad.securityserver.exchange.TRoadRequest;
import tw.smartgov.troad.securityserver.exchange.UpstreamResponse;

/**
 * Produces the provider side's answer to a verified request: the backend's response ({@link
 * BackendCall}) or a local one ({@link Metaservices}). Either is signed and logged the same way.
 */
@FunctionalInterface
interface ProviderAnswer {
    /** The complete answer; throws XRoadException for a typed error. */
    UpstreamResponse answer(TRoadRequest request, SpooledBody body) throws Exception;
}
