/** Throughput benchmarks of SmartGov's trust services, each runnable on its own with {@code main}. */
@NullMarked
package tw.smartgov.bench;

import org.jspecify.annotations.NullMarked;
