package tw.smartgov.troad.securityserver.exchange;

import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import tw.smartgov.troad.identifier.ClientId;
import tw.smartgov.troad.identifier.InvalidIdentifierException;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.protocol.XRoadHeaders;

/**
 * The protocol headers of every hop of an exchange, read and written here only: the request to the
 * provider's security server, the request to the backend, and the response both sides give their
 * caller. Besides X-Road's {@code X-Road-*} headers, security servers send each other these:
 *
 * <ul>
 *   <li>{@value #SIGNATURE}: the batch signature over the message's digest; {@value #BODY_DIGEST}:
 *       SHA-512 of the body, base64;
 *   <li>{@value #CONFIRM_LOG} (request, value {@value #TRAILER}): the client side takes the provider
 *       side's confirmation that its log record is durable in a trailer, so that the provider may
 *       send the response while its record is being committed (the client side commits its own
 *       meanwhile, and releases the response only once both are durable);
 *   <li>{@value #BODY_LENGTH} (response): the body's length in a response whose log confirmation
 *       follows in the trailer {@value #LOG_CONFIRMATION}: {@value #DURABLE}, or the type of the
 *       error that kept the record from being durable.
 * </ul>
 */
public final class TRoadHeaders {
    public static final String SIGNATURE = "X-TRoad-Signature";
    public static final String BODY_DIGEST = "X-TRoad-Body-Digest";
    public static final String CONFIRM_LOG = "X-TRoad-Confirm-Log";
    public static final String TRAILER = "trailer";
    public static final String BODY_LENGTH = "X-TRoad-Body-Length";
    public static final String LOG_CONFIRMATION = "X-TRoad-Log";
    public static final String DURABLE = "durable";

    private TRoadHeaders() {}

    /** The single {@code X-Road-Client} header as a subsystem, or Client.BadRequest. */
    public static SubsystemId client(HttpFields headers) {
        List<String> values = headers.getValuesList(XRoadHeaders.CLIENT);
        if (values.size() != 1) {
            throw new XRoadException(
                    XRoadErrorType.BAD_REQUEST,
                    values.isEmpty() ? "the X-Road-Client header is missing" : "more than one X-Road-Client header");
        }
        try {
            if (ClientId.parse(values.getFirst()) instanceof SubsystemId subsystem) {
                return subsystem;
            }
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "X-Road-Client must name a subsystem");
        } catch (InvalidIdentifierException e) {
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "X-Road-Client is malformed: " + e.getMessage());
        }
    }

    /** The value of a header that must be there, or Client.BadRequest. */
    public static String required(HttpFields headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "the " + name + " header is missing");
        }
        return value;
    }

    /** The request as the client side sends it to the provider's security server. */
    public static void toProvider(TRoadRequest request, String signature, byte[] bodyDigest, HttpFields.Mutable out) {
        request.passed().forEach(out::add);
        out.put(XRoadHeaders.CLIENT, request.client().encoded());
        out.put(XRoadHeaders.ID, request.xRoadId());
        out.put(XRoadHeaders.REQUEST_ID, request.requestId());
        out.put(SIGNATURE, signature);
        out.put(BODY_DIGEST, base64(bodyDigest));
        out.put(CONFIRM_LOG, TRAILER);
    }

    /** The request as the provider side passes it to the service's backend. */
    public static void toBackend(TRoadRequest request, HttpFields.Mutable out) {
        request.passed().forEach(out::add);
        out.put(XRoadHeaders.CLIENT, request.client().encoded());
        out.put(XRoadHeaders.SERVICE, request.service().encoded());
        out.put(XRoadHeaders.ID, request.xRoadId());
        out.put(XRoadHeaders.REQUEST_ID, request.requestId());
    }

    /**
     * The headers of a response to {@code request}, on either side: the answer's passed headers and
     * the ids of the exchange with the hash of the request it answers.
     */
    public static HttpFields.Mutable response(TRoadRequest request, List<HttpField> passed, String requestHash) {
        var out = HttpFields.build();
        passed.forEach(out::add);
        out.put(XRoadHeaders.CLIENT, request.client().encoded());
        out.put(XRoadHeaders.SERVICE, request.service().encoded());
        out.put(XRoadHeaders.ID, request.xRoadId());
        out.put(XRoadHeaders.REQUEST_ID, request.requestId());
        out.put(XRoadHeaders.REQUEST_HASH, requestHash);
        return out;
    }

    /** Adds the provider side's signature of its response. */
    public static void signed(HttpFields.Mutable response, String signature, byte[] bodyDigest) {
        response.put(SIGNATURE, signature);
        response.put(BODY_DIGEST, base64(bodyDigest));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
