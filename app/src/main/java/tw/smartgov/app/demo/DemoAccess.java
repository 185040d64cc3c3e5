package tw.smartgov.app.demo;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tw.smartgov.troad.securityserver.SecurityServerNode;

/** What tests and the start page may see of the running demo. */
@Component
@Profile("dev")
public class DemoAccess {
    private final TRoadDemo demo;

    DemoAccess(TRoadDemo demo) {
        this.demo = demo;
    }

    /** The demo security servers, NDC's first. */
    public List<SecurityServerNode> nodes() {
        return demo.nodes();
    }
}
