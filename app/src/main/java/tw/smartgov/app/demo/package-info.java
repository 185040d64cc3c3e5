/**
 * The demo that {@code smartgov dev} runs: agencies on T-Road (NDC, MOI, MOF, BLI) with their
 * security servers and backends serving synthetic citizens. Nothing here runs in production roles.
 */
@NullMarked
package tw.smartgov.app.demo;

import org.jspecify.annotations.NullMarked;
