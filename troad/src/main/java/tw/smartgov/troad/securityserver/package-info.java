/** The T-Road security server data path: client proxy, provider proxy, signing, pinning, access rights. */
@NullMarked
package tw.smartgov.troad.securityserver;

import org.jspecify.annotations.NullMarked;
