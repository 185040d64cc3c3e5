package tw.smartgov.troad.messagelog;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.timestamp.TimeStamp;
import tw.smartgov.trust.timestamp.TimeStamper;

/** The node's real TSA, which a test can take down (TSA_UNAVAILABLE) and bring back. */
final class SwitchableTimeStamper implements TimeStamper {
    private final TimeStamper real;
    volatile boolean down;

    SwitchableTimeStamper(TimeStamper real) {
        this.real = real;
    }

    @Override
    public TimeStamp stamp(byte[] digest, String hashAlgorithm) {
        if (down) {
            throw new TrustException(TrustError.TSA_UNAVAILABLE, "the test TSA is down");
        }
        return real.stamp(digest, hashAlgorithm);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        @Primary
        SwitchableTimeStamper switchableTimeStamper(@Qualifier("timeStamper") TimeStamper real) {
            return new SwitchableTimeStamper(real);
        }
    }
}
