package io.cni4j.core.internal.engine;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event per plugin invocation, so that a recording shows which plugin ran for which container,
 * for how long (the event's duration) and how it ended.
 */
@Name("io.cni4j.PluginInvocation")
@Label("CNI Plugin Invocation")
@Category({"cni4j"})
@Description("One run of a CNI plugin by cni4j")
@StackTrace(false)
final class PluginInvocationEvent extends Event {

    @Label("Plugin Type")
    String pluginType;

    @Label("Verb")
    String verb;

    @Label("Network")
    String network;

    @Label("Container ID")
    String containerId;

    @Label("Exit Status")
    @Description("0 on success, -1 when the plugin did not run to an exit status")
    int exitStatus;

    @Label("Error Code")
    @Description("The CNI error code of a failure, -1 when none")
    long errorCode;

    @Label("Outcome")
    String outcome;
}
