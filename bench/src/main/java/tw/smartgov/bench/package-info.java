/** Throughput and latency benchmarks of SmartGov, run against a throwaway database. */
@NullMarked
package tw.smartgov.bench;

import org.jspecify.annotations.NullMarked;
