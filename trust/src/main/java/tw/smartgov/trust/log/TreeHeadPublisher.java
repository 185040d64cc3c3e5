package tw.smartgov.trust.log;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.ServiceIdentities;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.JwsHeaders;
import tw.smartgov.trust.signature.JwsSigner;
import tw.smartgov.trust.timestamp.TimeStamper;

/**
 * Signs a new tree head for every log that grew, every {@code smartgov.trust.tree-head-interval},
 * and has it time-stamped. Before signing it proves the new tree consistent with the last signed
 * one: a log that was rewritten is never signed again ({@link TrustError#LOG_INCONSISTENT}, logged
 * as an error and counted). A TSA outage does not stop signing: heads wait for their time-stamp
 * and are stamped when the TSA is back.
 */
@Component
public class TreeHeadPublisher {
    private static final Logger log = LoggerFactory.getLogger(TreeHeadPublisher.class);

    private final TransparencyLogs logs;
    private final TreeHeads heads;
    private final ServiceIdentities identities;
    private final TimeStamper timeStamper;
    private final TrustProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final AtomicInteger untimestamped = new AtomicInteger();
    private final AtomicInteger inconsistent = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean scheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile @Nullable JwsSigner signer;
    private final Map<String, Supplier<Optional<SigningIdentity>>> logSigners = new ConcurrentHashMap<>();
    private final Map<SigningIdentity, JwsSigner> logSignerCache = new ConcurrentHashMap<>();

    TreeHeadPublisher(
            TransparencyLogs logs,
            JdbcTemplate jdbc,
            ServiceIdentities identities,
            TimeStamper timeStamper,
            TrustProperties properties,
            TaskScheduler scheduler,
            ObjectProvider<MeterRegistry> meters) {
        this.logs = logs;
        this.heads = new TreeHeads(jdbc);
        this.identities = identities;
        this.timeStamper = timeStamper;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = Clock.systemUTC();
        meters.ifAvailable(registry -> {
            registry.gauge("smartgov.trust.tree_heads.untimestamped", untimestamped);
            registry.gauge("smartgov.trust.logs.inconsistent", inconsistent);
        });
    }

    @EventListener(ContextRefreshedEvent.class)
    void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            scheduler.scheduleWithFixedDelay(this::publishAll, properties.treeHeadInterval());
        }
    }

    /**
     * Signs the heads of {@code log} with the identity {@code signer} gives (read at each head, so
     * that a renewed certificate is used from the next head on) instead of this node's own {@code
     * log} identity; while it gives none, the node's own signs. A T-Road security server signs its
     * message log's heads with the signing certificate the central CA issued it, so that its
     * evidence verifies with the central root alone.
     */
    public void signHeadsOf(String log, Supplier<Optional<SigningIdentity>> signer) {
        logSigners.put(log, signer);
    }

    /** Publishes a head for every log that grew since its last one; never throws. */
    public void publishAll() {
        int failed = 0;
        for (String name : logs.names()) {
            try {
                publish(name);
            } catch (RuntimeException e) {
                failed++;
                log.error("cannot publish a tree head for log {}: {}", name, e.getMessage());
            }
        }
        inconsistent.set(failed);
        stampPending();
    }

    /**
     * Signs and stores a head for the current size of {@code log}, unless the latest head already
     * covers it; returns the latest head.
     */
    public SignedTreeHead publish(String name) {
        TreeHead current = logs.treeHead(name);
        Optional<SignedTreeHead> latest = heads.latest(name);
        if (latest.isPresent() && latest.get().treeSize() >= current.size()) {
            if (latest.get().treeSize() == current.size()
                    && !java.util.Arrays.equals(latest.get().rootHash(), current.rootHash())) {
                throw new TrustException(
                        TrustError.LOG_INCONSISTENT,
                        "log " + name + " has a different root than its signed head at size " + current.size()
                                + ": the log was rewritten");
            }
            return stamp(latest.get()); // another node or the scheduler may still be stamping it
        }
        latest.ifPresent(previous -> proveConsistent(name, previous, current));
        logs.checkConsistency(name);
        Instant now = clock.instant();
        String payload = SignedTreeHead.payload(name, current.size(), current.rootHash(), now);
        String jws = signer(name).signJson(payload, new JwsHeaders(SignedTreeHead.TYPE, null));
        SignedTreeHead head =
                heads.insert(new SignedTreeHead(name, current.size(), current.rootHash(), now, jws, null));
        return stamp(head);
    }

    /** The latest signed head of {@code log}, if any. */
    public Optional<SignedTreeHead> latest(String name) {
        return heads.latest(name);
    }

    /** The signed head of {@code log} at exactly {@code treeSize}, if one was published. */
    public Optional<SignedTreeHead> at(String name, long treeSize) {
        return heads.at(name, treeSize);
    }

    /**
     * When the oldest signed head of {@code log} that still waits for its RFC 3161 time-stamp was
     * signed; empty when every head is time-stamped (or none was signed). Entries covered only by
     * such heads are not yet time-stamped: callers that must not run un-time-stamped for long (the
     * T-Road message log) compare this with their grace period. One indexed query.
     */
    public Optional<Instant> oldestUntimestamped(String name) {
        return heads.oldestWithoutTimestamp(name);
    }

    private void proveConsistent(String name, SignedTreeHead previous, TreeHead current) {
        try {
            logs.consistencyProof(name, previous.treeSize(), current.size())
                    .verify(previous.rootHash(), current.rootHash());
        } catch (TrustException e) {
            throw new TrustException(
                    TrustError.LOG_INCONSISTENT,
                    "log " + name + " at size " + current.size() + " is not consistent with its signed head at size "
                            + previous.treeSize() + ": the log was rewritten; refusing to sign",
                    e);
        }
    }

    private SignedTreeHead stamp(SignedTreeHead head) {
        if (head.isTimeStamped()) {
            return head;
        }
        try {
            byte[] token = timeStamper
                    .stamp(head.jws().getBytes(StandardCharsets.US_ASCII))
                    .encoded();
            heads.addTimestamp(head, token);
            return new SignedTreeHead(head.log(), head.treeSize(), head.rootHash(), head.signedAt(), head.jws(), token);
        } catch (TrustException e) {
            log.warn(
                    "tree head {} of log {} waits for its time-stamp: {}", head.treeSize(), head.log(), e.getMessage());
            return head;
        }
    }

    private void stampPending() {
        var pending = heads.withoutTimestamp();
        int left = 0;
        for (SignedTreeHead head : pending) {
            left += stamp(head).isTimeStamped() ? 0 : 1;
        }
        untimestamped.set(left);
    }

    private JwsSigner signer(String log) {
        var own = logSigners.get(log);
        Optional<SigningIdentity> identity = own == null ? Optional.empty() : own.get();
        if (identity.isPresent()) {
            if (logSignerCache.size() > 64) {
                logSignerCache.clear(); // identities are few; renewals replace them rarely
            }
            return logSignerCache.computeIfAbsent(identity.get(), JwsSigner::new);
        }
        JwsSigner nodeSigner = signer;
        if (nodeSigner == null) {
            nodeSigner = new JwsSigner(identities.identity("log", CertificateProfile.SIGNING));
            signer = nodeSigner;
        }
        return nodeSigner;
    }
}
