package tw.smartgov.troad.messagelog;

import java.util.Base64;

/** Reads and alters the entries of evidence, for tampering tests. */
final class MessageExchangeEntries {
    private MessageExchangeEntries() {}

    static MessageEntry first(MessageEvidence evidence) {
        return MessageEntry.decode(
                Base64.getDecoder().decode(evidence.records().getFirst().entry()));
    }

    static MessageEntry withRequestBody(MessageEntry e, String body) {
        var r = e.request();
        return with(
                e,
                new MessageEntry.Part(
                        r.headerPart(), r.bodyDigest(), r.digest(), r.signature(), r.size(), body, r.at()));
    }

    static MessageEntry withRequestSignature(MessageEntry e, String signature) {
        var r = e.request();
        return with(
                e,
                new MessageEntry.Part(
                        r.headerPart(), r.bodyDigest(), r.digest(), signature, r.size(), r.body(), r.at()));
    }

    private static MessageEntry with(MessageEntry e, MessageEntry.Part request) {
        return new MessageEntry(
                e.type(),
                e.side(),
                e.xRoadId(),
                e.requestId(),
                e.client(),
                e.service(),
                e.method(),
                e.path(),
                e.status(),
                e.content(),
                request,
                e.response());
    }
}
