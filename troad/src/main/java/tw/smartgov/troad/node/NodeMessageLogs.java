package tw.smartgov.troad.node;

import org.springframework.stereotype.Component;
import tw.smartgov.troad.messagelog.MessageLogs;
import tw.smartgov.troad.securityserver.MessageLog;

/**
 * The message log of each security server node: a {@link MessageLogs transparency message log}
 * of its own, so every record is durable before the response is released and is covered by
 * signed, time-stamped tree heads.
 */
@Component
public class NodeMessageLogs {
    private final MessageLogs logs;

    NodeMessageLogs(MessageLogs logs) {
        this.logs = logs;
    }

    public MessageLog forNode(NodeSettings settings) {
        return logs.forServer(settings.owner(), settings.code());
    }

    /**
     * Has the node's log heads signed with the signing certificate the central CA issued it, and
     * its evidence carry the central CRL, so that the evidence verifies with the central root alone.
     */
    public void useCentralPki(SecurityServerNode node) {
        logs.signWith(node.settings().owner(), node.settings().code(), node::signingIdentity, node::centralCrls);
    }
}
