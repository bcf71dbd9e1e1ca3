package io.cni4j.tool.internal.exit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.tool.internal.output.ToolJson;
import java.io.PrintStream;

/**
 * How a failure is told: lines on stderr for people, and with {@code --output json} an error object
 * on stdout for scripts. For a plugin error both name the plugin, the verb, the network and the
 * spec's error code.
 */
public final class ErrorReport {

    private ErrorReport() {
    }

    /**
     * The stderr text: {@code cni4j: <message>}, the plugin error code when there is one, then one
     * line per cause and per suppressed failure.
     *
     * @param failure the failure
     * @return the text, ending in a newline
     */
    public static String text(Throwable failure) {
        StringBuilder sb = new StringBuilder("cni4j: ").append(headline(failure)).append('\n');
        appendCauses(sb, failure, "  ");
        for (Throwable s : failure.getSuppressed()) {
            sb.append("  and: ").append(headline(s)).append('\n');
            appendCauses(sb, s, "    ");
        }
        return sb.toString();
    }

    /** One line per cause, leaving out a cause whose message the line above already contains. */
    private static void appendCauses(StringBuilder sb, Throwable failure, String indent) {
        String above = headline(failure);
        for (Throwable c = failure.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String line = headline(c);
            if (!above.contains(line)) {
                sb.append(indent).append("caused by: ").append(line).append('\n');
            }
            above = line;
        }
    }

    private static String headline(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof PluginErrorException p) {
            return message + " [plugin " + p.pluginType() + ", verb " + p.verb() + ", code " + p.code() + "]";
        }
        if (t instanceof InvalidRequestException r) {
            return message + " [code " + r.code() + "]";
        }
        return message;
    }

    /**
     * The JSON error object printed on stdout with {@code --output json}:
     * <pre>{@code
     * {"error": {"type": "PluginErrorException", "message": "..", "plugin": "bridge", "verb": "ADD",
     *            "network": "..", "code": 7, "msg": "..", "details": "..",
     *            "causes": [".."], "suppressed": [{..}]},
     *  "exitStatus": 1}
     * }</pre>
     * {@code plugin}, {@code verb}, {@code network}, {@code code}, {@code msg} and {@code details}
     * appear for plugin errors ({@code code}, {@code msg} and {@code details} also for invalid
     * requests), {@code reason} for execution failures; {@code causes} and {@code suppressed} only
     * when not empty.
     *
     * @param failure the failure
     * @param exitStatus the exit status the tool returns
     * @return the JSON object
     */
    public static ObjectNode json(Throwable failure, int exitStatus) {
        ObjectNode out = ToolJson.object();
        out.set("error", error(failure));
        out.put("exitStatus", exitStatus);
        return out;
    }

    private static ObjectNode error(Throwable failure) {
        ObjectNode node = ToolJson.object();
        node.put("type", failure.getClass().getSimpleName());
        node.put("message", failure.getMessage() == null ? "" : failure.getMessage());
        if (failure instanceof PluginErrorException p) {
            node.put("plugin", p.pluginType());
            node.put("verb", p.verb().name());
            node.put("network", p.network());
            node.put("code", p.code());
            node.put("msg", p.error().msg());
            node.put("details", p.error().details());
        } else if (failure instanceof InvalidRequestException r) {
            node.put("code", r.code());
            node.put("msg", r.error().msg());
            node.put("details", r.error().details());
        } else if (failure instanceof PluginExecutionException x) {
            node.put("reason", x.reason().name());
        }
        ArrayNode causes = ToolJson.array();
        for (Throwable c = failure.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            causes.add(c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
        }
        if (!causes.isEmpty()) {
            node.set("causes", causes);
        }
        if (failure.getSuppressed().length > 0) {
            ArrayNode suppressed = node.putArray("suppressed");
            for (Throwable s : failure.getSuppressed()) {
                suppressed.add(error(s));
            }
        }
        return node;
    }

    /**
     * Prints a failure: the text on {@code err}, the stack trace too when verbose, and the JSON
     * object on {@code out} when {@code json} is set.
     *
     * @param failure the failure
     * @param exitStatus the exit status
     * @param json whether to print the JSON object
     * @param verbose whether to print the stack trace
     * @param out standard output
     * @param err standard error
     */
    public static void print(Throwable failure, int exitStatus, boolean json, boolean verbose,
                             PrintStream out, PrintStream err) {
        err.print(text(failure));
        if (verbose) {
            failure.printStackTrace(err);
        }
        if (json) {
            out.println(ToolJson.pretty(json(failure, exitStatus)));
        }
        out.flush();
        err.flush();
    }
}
