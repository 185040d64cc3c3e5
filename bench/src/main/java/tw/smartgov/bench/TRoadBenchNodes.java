package tw.smartgov.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import tw.smartgov.troad.globalconf.CertificateFingerprint;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfiguration.MemberEntry;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.securityserver.AccessGrant;
import tw.smartgov.troad.securityserver.InMemoryAccessRights;
import tw.smartgov.troad.securityserver.InMemoryMessageLog;
import tw.smartgov.troad.securityserver.MessageLog;
import tw.smartgov.troad.securityserver.ProvidedServices;
import tw.smartgov.troad.securityserver.SecurityServer;
import tw.smartgov.troad.securityserver.SecurityServerSettings;
import tw.smartgov.trust.ModuleSchema;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.log.TransparencyLogs;

/**
 * The T-Road nodes of bench/troad.sh, in one JVM: a CA (trust's CertificateAuthority on a throwaway
 * keystore and the benchmark database), the global configuration built in code as the central
 * server would publish it (the central server itself is never on the data path, so it is not
 * started), the client security server of TW/GOV/NDC (subsystem mydata) and the provider security
 * server of TW/GOV/MOI (subsystem household, service person-record backed by {@code backend}), with
 * the access right granted and the message log on: durable, on PostgreSQL ({@link
 * BenchMessageLog}).
 *
 * <p>Usage: {@code TRoadBenchNodes jdbc-url backend-url client-port provider-port work-dir}. Prints
 * {@code READY} once both servers serve, then runs until it is terminated.
 */
public final class TRoadBenchNodes {
    static final MemberId NDC = new MemberId("TW", "GOV", "NDC");
    static final MemberId MOI = new MemberId("TW", "GOV", "MOI");
    static final SubsystemId MYDATA = NDC.subsystem("mydata");
    static final SubsystemId HOUSEHOLD = MOI.subsystem("household");
    static final ServiceId PERSON_RECORD = HOUSEHOLD.service("person-record");

    private TRoadBenchNodes() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: TRoadBenchNodes jdbc-url backend-url client-port provider-port work-dir");
            System.exit(2);
        }
        String jdbcUrl = args[0];
        URI backend = URI.create(args[1]);
        int clientPort = Integer.parseInt(args[2]);
        int providerPort = Integer.parseInt(args[3]);
        Path workDir = Files.createDirectories(Path.of(args[4]));

        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setMaximumPoolSize(8);
        var migrations = new SchemaMigrations(dataSource, List.of(new ModuleSchema("trust")));
        var logs = new TransparencyLogs(
                dataSource, migrations, new TrustProperties(workDir, "bench", null, Duration.ofSeconds(10), 5000));
        var pki = new BenchPki(workDir, dataSource, migrations);

        SigningIdentity ndcTls = pki.identity("CN=ss1.ndc.bench", CertificateProfile.TLS_PEER);
        SigningIdentity ndcSign = pki.identity("CN=ss1.ndc.bench signing", CertificateProfile.SIGNING);
        SigningIdentity moiTls = pki.identity("CN=ss1.moi.bench", CertificateProfile.TLS_PEER);
        SigningIdentity moiSign = pki.identity("CN=ss1.moi.bench signing", CertificateProfile.SIGNING);

        // What the central server would publish: members, both servers with pinned certificates, the CA.
        var conf = new GlobalConfiguration(
                "TW",
                1,
                Instant.now(),
                Instant.now().plus(Duration.ofDays(1)),
                List.of(
                        new MemberEntry(NDC, "National Development Council", List.of("mydata")),
                        new MemberEntry(MOI, "Ministry of the Interior", List.of("household"))),
                List.of(
                        entry(NDC, providerPort + 1, ndcTls, ndcSign, MYDATA),
                        entry(MOI, providerPort, moiTls, moiSign, HOUSEHOLD)),
                List.of(Pem.encode(List.of(pki.ca().root()))),
                List.of());

        var rights = new InMemoryAccessRights();
        rights.grant(AccessGrant.whole(MYDATA, PERSON_RECORD));

        var provider = new SecurityServer(settings(MOI, HOUSEHOLD, moiTls, moiSign, conf, pki)
                .services(ProvidedServices.of(Map.of(PERSON_RECORD, backend)))
                .accessRights(rights)
                .messageLog(messageLog(logs, "troad-provider"))
                .providerPort(providerPort)
                .build());
        // The client server's own provider port is registered too (providerPort + 1), though unused here.
        var client = new SecurityServer(settings(NDC, MYDATA, ndcTls, ndcSign, conf, pki)
                .messageLog(messageLog(logs, "troad-client"))
                .clientPort(clientPort)
                .providerPort(providerPort + 1)
                .build());
        provider.start();
        client.start();

        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            client.stop();
            provider.stop();
            try {
                logs.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dataSource.close();
            stopped.countDown();
        }));
        System.out.println("READY client=" + client.clientUri() + " provider=" + provider.providerAddress()
                + " service=" + PERSON_RECORD.encoded() + " client-id=" + MYDATA.encoded());
        System.out.flush();
        stopped.await();
    }

    /**
     * The message log both servers use: swap for the real durable log here, in one line. With
     * {@code -Dsmartgov.bench.log=memory} (bench/troad.sh: TROAD_BENCH_LOG=memory) the log is kept in
     * memory instead, only to isolate the cost of the durable log; that is not T-Road as specified.
     */
    static MessageLog messageLog(TransparencyLogs logs, String name) {
        if ("memory".equals(System.getProperty("smartgov.bench.log"))) {
            return new InMemoryMessageLog();
        }
        return new BenchMessageLog(logs, name);
    }

    private static SecurityServerSettings.Builder settings(
            MemberId owner,
            SubsystemId subsystem,
            SigningIdentity tls,
            SigningIdentity signing,
            GlobalConfiguration conf,
            BenchPki pki) {
        return SecurityServerSettings.builder()
                .owner(owner)
                .clients(List.of(subsystem))
                .tlsIdentity(tls)
                .signingIdentity(signing)
                .globalConfiguration(() -> conf)
                .revocation(pki.ca().revocationSource())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(10));
    }

    private static SecurityServerEntry entry(
            MemberId owner, int port, SigningIdentity tls, SigningIdentity signing, SubsystemId subsystem) {
        return new SecurityServerEntry(
                "ss1",
                owner,
                "https://127.0.0.1:" + port,
                CertificateFingerprint.sha256(tls.certificate()),
                CertificateFingerprint.sha256(signing.certificate()),
                List.of(subsystem));
    }
}
