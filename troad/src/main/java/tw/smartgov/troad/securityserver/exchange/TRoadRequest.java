package tw.smartgov.troad.securityserver.exchange;

import java.time.Instant;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.messagelog.MessageRecord;
import tw.smartgov.troad.messagelog.MessageRecord.Message;

/**
 * One T-Road request as both security servers see it: what the client side sends on and the
 * provider side receives, with what is signed about it ({@link #headerPart()}).
 *
 * @param target the service called and the path and query below it
 * @param passed the headers passed from hop to hop unchanged (see {@link HeaderPart#passes})
 * @param receivedAt when this server received the request
 */
public record TRoadRequest(
        String method,
        ServicePath target,
        SubsystemId client,
        String xRoadId,
        String requestId,
        List<HttpField> passed,
        Instant receivedAt) {

    public ServiceId service() {
        return target.service();
    }

    /** The record of this request's exchange at one side, for the message log. */
    public MessageRecord record(MessageRecord.Side side, int status, Message request, Message response) {
        return new MessageRecord(
                side, xRoadId, requestId, client, service(), method, target.pathAndQuery(), status, request, response);
    }

    /** The canonical header part that is hashed and signed with the body. */
    public String headerPart() {
        return HeaderPart.request(method, target.service(), target.pathAndQuery(), client, xRoadId, requestId, passed);
    }
}
