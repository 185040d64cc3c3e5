package tw.smartgov.troad.securityserver;

/**
 * Produces the provider side's answer to a verified request: the backend's response ({@link
 * BackendCall}) or a local one ({@link Metaservices}). Either is signed and logged the same way.
 */
@FunctionalInterface
interface ProviderAnswer {
    /** The complete answer; throws XRoadException for a typed error. */
    Upstream answer(ProviderExchange.Incoming incoming, SpooledBody body) throws Exception;
}
