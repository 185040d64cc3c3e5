/**
 * What every SmartGov page shares: the layout ({@code templates/layout/page.html}), the
 * design-system components ({@code templates/layout/components.html}, GOV.UK Frontend rebranded),
 * the language switch and the message bundles. Its only API is {@link tw.smartgov.web.WebConfiguration}.
 */
@ApplicationModule(allowedDependencies = {}) // web depends on no other SmartGov module
@NullMarked
package tw.smartgov.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
