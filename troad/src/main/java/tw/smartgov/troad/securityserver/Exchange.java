package tw.smartgov.troad.securityserver;

import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/** What is known about one exchange so far, for errors, logs and metrics; one per request thread. */
final class Exchange {
    final long startedNanos = System.nanoTime();

    @Nullable
    String xRoadId;

    @Nullable
    SubsystemId client;

    @Nullable
    ServiceId service;

    long requestSize;
    long responseSize;
}
