package tw.smartgov.troad.securityserver.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import tw.smartgov.troad.globalconf.GlobalConfigurationException;
import tw.smartgov.troad.globalconf.GlobalConfigurationException.Reason;

/** The refresh's answers when it cannot apply a configuration (the working path: TRoadNetworkTest). */
class GlobalConfigurationRefreshControllerTest {

    @Test
    void anUnreachableCentralServerIsABadGatewayAndARefusedConfigurationSaysWhy() {
        assertRefusal(Reason.UNAVAILABLE, AdminError.CENTRAL_SERVER_UNAVAILABLE);
        assertRefusal(Reason.UNTRUSTED_SIGNER, AdminError.CONFIGURATION_REFUSED);
        assertThat(AdminError.CENTRAL_SERVER_UNAVAILABLE.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void aNodeThatPollsNoCentralServerSaysSo() {
        var controller = controller(null);
        assertThatThrownBy(controller::refresh)
                .isInstanceOfSatisfying(
                        AdminException.class, e -> assertThat(e.error()).isEqualTo(AdminError.NOT_POLLED));
    }

    @Test
    void aRefreshWithNothingNewSaysSo() {
        var controller = controller(() -> false);
        assertThat(controller.refresh()).containsEntry("applied", false);
    }

    private static void assertRefusal(Reason reason, AdminError expected) {
        var controller = controller(() -> {
            throw new GlobalConfigurationException(reason, "central.example: connection refused");
        });
        assertThatThrownBy(controller::refresh).isInstanceOfSatisfying(AdminException.class, e -> {
            assertThat(e.error()).isEqualTo(expected);
            assertThat(e.getMessage()).contains(reason.name()).contains("the one in use stays");
        });
    }

    private static GlobalConfigurationRefreshController controller(GlobalConfigurationRefresh refresh) {
        var beans = new StaticListableBeanFactory();
        if (refresh != null) {
            beans.addBean("refresh", refresh);
        }
        beans.addBean("current", (CurrentGlobalConfiguration) Optional::empty);
        return new GlobalConfigurationRefreshController(
                beans.getBeanProvider(GlobalConfigurationRefresh.class),
                beans.getBeanProvider(CurrentGlobalConfiguration.class));
    }
}
