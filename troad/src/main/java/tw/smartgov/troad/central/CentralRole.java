package tw.smartgov.troad.central;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Profile;

/**
 * Marks a Spring component of the central server: present in the {@code central} and {@code dev}
 * roles, absent from a {@code security-server}, which would otherwise answer registrations and
 * publish a global configuration of its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Profile("!security-server")
@interface CentralRole {}
