package io.cni4j.tool.internal.cli;

import java.util.Objects;

/**
 * One {@code --name} option a command accepts.
 *
 * @param name the option's name without the leading dashes
 * @param valueName how help shows its value (e.g. {@code DIR}), or {@code null} for a flag
 * @param repeatable whether it may be given more than once (its values accumulate)
 * @param help one line for the help text
 */
public record OptionSpec(String name, String valueName, boolean repeatable, String help) {

    /**
     * Validates the components.
     *
     * @param name the name
     * @param valueName the value name or {@code null}
     * @param repeatable whether repeatable
     * @param help the help line
     */
    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
    }

    /**
     * A flag: present or absent, no value.
     *
     * @param name the name
     * @param help the help line
     * @return the spec
     */
    public static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, false, help);
    }

    /**
     * An option with one value, given at most once.
     *
     * @param name the name
     * @param valueName the value's name in help
     * @param help the help line
     * @return the spec
     */
    public static OptionSpec single(String name, String valueName, String help) {
        return new OptionSpec(name, Objects.requireNonNull(valueName, "valueName"), false, help);
    }

    /**
     * An option with a value that may be repeated.
     *
     * @param name the name
     * @param valueName the value's name in help
     * @param help the help line
     * @return the spec
     */
    public static OptionSpec repeatable(String name, String valueName, String help) {
        return new OptionSpec(name, Objects.requireNonNull(valueName, "valueName"), true, help);
    }

    /** @return {@code true} if the option takes a value */
    public boolean takesValue() {
        return valueName != null;
    }

    /** @return how the option appears in help, e.g. {@code --port HOST:CONTAINER...} */
    public String synopsis() {
        return "--" + name + (takesValue() ? " " + valueName : "") + (repeatable ? " ..." : "");
    }
}
