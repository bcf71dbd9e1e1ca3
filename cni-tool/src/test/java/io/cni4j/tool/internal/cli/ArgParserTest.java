package io.cni4j.tool.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArgParserTest {

    private final ArgParser parser = new ArgParser(List.of(
            new CommandSpec("setup", "set up", List.of(CommandSpec.required("ID"), CommandSpec.required("NETNS")),
                    List.of(OptionSpec.flag("serial", "serially"),
                            OptionSpec.repeatable("port", "P", "a port"),
                            OptionSpec.single("cgroup-path", "P", "a path")), ""),
            new CommandSpec("attachments", "list", List.of(CommandSpec.optional("ID")), List.of(), "")),
            List.of(OptionSpec.single("conf-dir", "DIR", "conf"), OptionSpec.flag("verbose", "v"),
                    OptionSpec.repeatable("plugin-dir", "DIR", "plugins")));

    @Test
    @DisplayName("global options are accepted before and after the command, in both spellings")
    void globalsAnywhere() throws UsageException {
        ParsedArgs args = parser.parse("--conf-dir", "/a", "setup", "c1", "--plugin-dir=/p1", "/run/netns/x",
                "--plugin-dir", "/p2", "--verbose");
        assertThat(args.command()).isEqualTo("setup");
        assertThat(args.positionals()).containsExactly("c1", "/run/netns/x");
        assertThat(args.value("conf-dir")).contains("/a");
        assertThat(args.values("plugin-dir")).containsExactly("/p1", "/p2");
        assertThat(args.has("verbose")).isTrue();
        assertThat(args.has("serial")).isFalse();
        assertThat(args.help()).isFalse();
    }

    @Test
    @DisplayName("repeatable options keep every value in order; flags are present without a value")
    void repeatableAndFlags() throws UsageException {
        ParsedArgs args = parser.parse("setup", "c1", "ns", "--port", "1:2", "--serial", "--port=3:4");
        assertThat(args.values("port")).containsExactly("1:2", "3:4");
        assertThat(args.has("serial")).isTrue();
    }

    @Test
    @DisplayName("the value after --name is taken as is, even when it starts with a dash")
    void valueStartingWithDash() throws UsageException {
        assertThat(parser.parse("setup", "c1", "ns", "--cgroup-path", "-odd").value("cgroup-path")).contains("-odd");
    }

    @Test
    @DisplayName("-- ends the options: later words are positionals even if they look like options")
    void doubleDash() throws UsageException {
        ParsedArgs args = parser.parse("setup", "--", "--c1", "-");
        assertThat(args.positionals()).containsExactly("--c1", "-");
    }

    @Test
    @DisplayName("-h and --help ask for help and skip the positional count check")
    void help() throws UsageException {
        assertThat(parser.parse("setup", "-h").help()).isTrue();
        assertThat(parser.parse("--help").help()).isTrue();
        assertThat(parser.parse("--help").command()).isEmpty();
    }

    @Test
    @DisplayName("optional positionals may be left out")
    void optionalPositional() throws UsageException {
        assertThat(parser.parse("attachments").positionals()).isEmpty();
        assertThat(parser.parse("attachments", "c1").positional(0)).contains("c1");
    }

    @Test
    void unknownCommand() {
        assertThatThrownBy(() -> parser.parse("frob")).isInstanceOf(UsageException.class)
                .hasMessage("unknown command 'frob'");
    }

    @Test
    void unknownOption() {
        assertThatThrownBy(() -> parser.parse("setup", "c1", "ns", "--bogus")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option --bogus for 'setup'")
                .extracting(e -> ((UsageException) e).command()).isEqualTo("setup");
        assertThatThrownBy(() -> parser.parse("--bogus")).hasMessage("unknown option --bogus");
    }

    @Test
    @DisplayName("a command's own option is not accepted before the command or by another command")
    void commandOptionScope() {
        assertThatThrownBy(() -> parser.parse("--serial", "setup", "c1", "ns"))
                .hasMessage("unknown option --serial");
        assertThatThrownBy(() -> parser.parse("attachments", "--port", "1:2"))
                .hasMessage("unknown option --port for 'attachments'");
    }

    @Test
    void singleDashOption() {
        assertThatThrownBy(() -> parser.parse("setup", "c1", "ns", "-v"))
                .hasMessage("unknown option '-v' (options are spelled --name)");
    }

    @Test
    void missingValue() {
        assertThatThrownBy(() -> parser.parse("setup", "c1", "ns", "--port"))
                .hasMessage("--port needs a value P");
    }

    @Test
    void flagWithValue() {
        assertThatThrownBy(() -> parser.parse("setup", "c1", "ns", "--serial=yes"))
                .hasMessage("--serial takes no value");
    }

    @Test
    void singleOptionRepeated() {
        assertThatThrownBy(() -> parser.parse("--conf-dir", "/a", "setup", "c1", "ns", "--conf-dir", "/b"))
                .hasMessage("--conf-dir may be given only once");
    }

    @Test
    void missingPositionals() {
        assertThatThrownBy(() -> parser.parse("setup")).hasMessage("missing ID and NETNS");
        assertThatThrownBy(() -> parser.parse("setup", "c1")).hasMessage("missing NETNS");
    }

    @Test
    void extraPositional() {
        assertThatThrownBy(() -> parser.parse("setup", "c1", "ns", "more")).hasMessage("unexpected argument 'more'");
        assertThatThrownBy(() -> parser.parse("attachments", "a", "b")).hasMessage("unexpected argument 'b'");
    }

    @Test
    @DisplayName("a spec with a required positional after an optional one is refused")
    void badSpec() {
        assertThatThrownBy(() -> new CommandSpec("x", "x",
                List.of(CommandSpec.optional("A"), CommandSpec.required("B")), List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
