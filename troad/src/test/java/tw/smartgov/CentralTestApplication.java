package tw.smartgov;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import tw.smartgov.trust.TrustTestApplication;
import tw.smartgov.trust.timestamp.TestServiceIdentities;

/** The trust and T-Road modules as one application, for the central server's integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {"tw.smartgov.trust", "tw.smartgov.troad"},
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.ASSIGNABLE_TYPE,
                        classes = {TrustTestApplication.class, TestServiceIdentities.class}))
public class CentralTestApplication {}
