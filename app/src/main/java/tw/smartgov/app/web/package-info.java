/** What every role serves over HTTP: security rules, the start page. */
@NullMarked
package tw.smartgov.app.web;

import org.jspecify.annotations.NullMarked;
