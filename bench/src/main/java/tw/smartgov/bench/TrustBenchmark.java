package tw.smartgov.bench;

/**
 * Runs every trust-module benchmark in one go and prints the figures (bench/trust.sh). The
 * argument is a PostgreSQL JDBC URL of a database the log benchmark may fill.
 */
public final class TrustBenchmark {
    private TrustBenchmark() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: TrustBenchmark jdbc:postgresql://host:port/db?user=...");
            System.exit(2);
        }
        System.out.println("== Signatures");
        SignatureBench.run(System.out);
        System.out.println();
        System.out.println("== Merkle-batched signatures");
        BatchBench.run(System.out);
        System.out.println();
        System.out.println("== Transparency log on PostgreSQL");
        LogBench.run(System.out, args[0]);
    }
}
