package io.cni4j.core.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.api.CniError;
import io.cni4j.api.spi.ExecResult;
import java.util.Map;
import java.util.Set;

/**
 * Turns a failed plugin run into the spec's error object exactly as libcni's {@code pluginErr}
 * does (at HEAD):
 * <ul>
 *   <li>stdout present: the plugin's {@code code}, {@code msg} and {@code details} (other keys such
 *       as {@code cniVersion} ignored; valid JSON that is no error object gives code 0 and an empty
 *       msg); stdout that cannot be decoded gives
 *       {@code netplugin failed but error parsing its diagnostic message "<stdout>": <why>};</li>
 *   <li>only stderr: {@code netplugin failed: "<stderr>": exit status N};</li>
 *   <li>neither: {@code netplugin failed with no error message: exit status N}.</li>
 * </ul>
 * Quoting is Go's {@code %q}; the exit is described as Go prints it.
 */
final class PluginErrors {

    private static final Set<String> ERROR_FIELDS = Set.of("code", "msg", "details");

    private PluginErrors() {
    }

    /**
     * The error a failed run reports.
     *
     * @param result a run that did not succeed
     * @return the error object
     */
    static CniError of(ExecResult result) {
        byte[] stdout = result.stdout();
        byte[] stderr = result.stderr();
        if (stdout.length == 0) {
            if (stderr.length == 0) {
                return new CniError(CniError.UNKNOWN, "netplugin failed with no error message: " + result.describeExit(), "");
            }
            return new CniError(CniError.UNKNOWN,
                    "netplugin failed: " + GoQuote.quote(stderr) + ": " + result.describeExit(), "");
        }
        try {
            Map<String, JsonNode> fields = GoDecoding.fields(stdout, ERROR_FIELDS, "types.Error");
            return new CniError(GoDecoding.unsigned(fields, "code", "Error"),
                    GoDecoding.string(fields, "msg", "Error"),
                    GoDecoding.string(fields, "details", "Error"));
        } catch (GoDecoding.Failure e) {
            return new CniError(CniError.UNKNOWN, "netplugin failed but error parsing its diagnostic message "
                    + GoQuote.quote(stdout) + ": " + e.getMessage(), "");
        }
    }
}
