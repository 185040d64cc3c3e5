package tw.smartgov.troad.node;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tw.smartgov.troad.securityserver.MessageLog;
import tw.smartgov.trust.log.TransparencyLogs;

/**
 * The message log of each security server node: a transparency log of its own, so every record is
 * durable before the response is released and is covered by signed, time-stamped tree heads.
 */
@Component
public class NodeMessageLogs {
    private final TransparencyLogs logs;

    NodeMessageLogs(TransparencyLogs logs) {
        this.logs = logs;
    }

    /** The message log of the node with these settings; {@code msglog-<member>-<code>}. */
    public MessageLog forNode(NodeSettings settings) {
        String name = logName(settings);
        return record -> logs.append(name, record.toString().getBytes(StandardCharsets.UTF_8))
                .thenApply(index -> null);
    }

    public static String logName(NodeSettings settings) {
        return ("msglog-" + settings.slug())
                .substring(0, Math.min(41, 7 + settings.slug().length()));
    }
}
