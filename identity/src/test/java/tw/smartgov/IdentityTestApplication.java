package tw.smartgov;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import tw.smartgov.trust.TrustTestApplication;
import tw.smartgov.trust.timestamp.TestServiceIdentities;

/** The trust and identity modules as one application, for identity's integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {"tw.smartgov.trust", "tw.smartgov.identity"},
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.ASSIGNABLE_TYPE,
                        classes = {TrustTestApplication.class, TestServiceIdentities.class}))
public class IdentityTestApplication {}
