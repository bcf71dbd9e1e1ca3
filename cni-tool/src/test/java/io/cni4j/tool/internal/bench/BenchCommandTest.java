package io.cni4j.tool.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.tool.internal.Tool;
import io.cni4j.tool.internal.cli.ArgParser;
import io.cni4j.tool.internal.cli.GlobalOptions;
import io.cni4j.tool.internal.cli.ParsedArgs;
import io.cni4j.tool.internal.cli.UsageException;
import io.cni4j.tool.internal.command.Command;
import io.cni4j.tool.internal.command.Context;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cni4j bench}'s options, usage errors and root check, without running anything. */
class BenchCommandTest {

    record Outcome(int status, String out, String err) {
    }

    /** The real tool, with clients and providers that must not be asked for: usage errors come first. */
    private static Outcome tool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Tool tool = new Tool(g -> {
            throw new AssertionError("no client expected");
        }, name -> {
            throw new AssertionError("no executor provider expected");
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = tool.run(args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static ParsedArgs parse(String... args) throws UsageException {
        return new ArgParser(List.of(BenchCommand.command().spec()), GlobalOptions.SPECS).parse(args);
    }

    @Test
    @DisplayName("defaults: bridge chain, parallel 1, 30 cycles, 5 warmup, no floor, networks serially, cni4j-bench0 in 10.251.0.0/16")
    void defaults() throws UsageException {
        BenchSettings s = BenchSettings.from(parse("bench"));
        assertThat(s.chain()).isEqualTo(Chain.BRIDGE);
        assertThat(s.parallel()).isEqualTo(1);
        assertThat(s.cycles()).isEqualTo(30);
        assertThat(s.warmup()).isEqualTo(5);
        assertThat(s.floor()).isFalse();
        assertThat(s.parallelNetworks()).isFalse();
        assertThat(s.network().name()).isEqualTo("cni4j-bench");
        assertThat(s.network().bridge()).isEqualTo("cni4j-bench0");
        assertThat(s.network().subnet()).hasToString("10.251.0.0/16");
    }

    @Test
    @DisplayName("every option, in both spellings, before and after global options")
    void everyOption() throws UsageException {
        BenchSettings s = BenchSettings.from(parse("--executor", "process", "bench", "--chain", "portmap",
                "--parallel=8", "--cycles", "3", "--warmup=0", "--floor", "--parallel-networks", "--bridge", "bt0",
                "--subnet=10.9.0.0/28", "--state-dir", "/tmp", "--output", "table"));
        assertThat(s).isEqualTo(new BenchSettings(Chain.PORTMAP, 8, 3, 0, true, true,
                io.cni4j.tool.internal.host.BridgeNetwork.of("cni4j-bench", "bt0", "10.9.0.0/28"),
                Optional.of(Path.of("/tmp"))));
        assertThat(BenchSettings.from(parse("bench", "--chain", "BRIDGE")).chain()).isEqualTo(Chain.BRIDGE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--chain ptp                         | --chain must be bridge or portmap, got 'ptp'",
            "--parallel 0                        | --parallel must be at least 1, got 0",
            "--parallel 65                       | --parallel must be at most 64, got 65",
            "--parallel x                        | --parallel needs a whole number, got 'x'",
            "--cycles 0                          | --cycles must be at least 1, got 0",
            "--warmup -1                         | --warmup must be at least 0, got -1",
            "--subnet 10.9.0.0/29 --parallel 8   | --subnet 10.9.0.0/29 has room for 5 containers, fewer than --parallel 8",
            "--subnet fd00::/64                  | --subnet must be an IPv4 CIDR from /8 to /29, got fd00::/64",
            "--subnet 10.9.0.0                   | --subnet '10.9.0.0' is not a CIDR like 10.250.0.0/24",
            "--bridge this-name-is-too-long      | --bridge must be an interface name of 1 to 15 letters",
            "--state-dir /no/such/dir            | --state-dir /no/such/dir is not a directory",
    })
    @DisplayName("a bad value is a usage error (exit 2) naming the option, before anything runs")
    void badValues(String args, String message) {
        Outcome o = tool(("bench " + args.strip()).split(" "));
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.err()).startsWith("cni4j: " + message).contains("Run 'cni4j bench --help' for its usage.");
        assertThat(o.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bench --cycles                | --cycles needs a value N",
            "bench --floor=yes             | --floor takes no value",
            "bench --cycles 3 --cycles 4   | --cycles may be given only once",
            "bench --port 8080:80          | unknown option --port for 'bench'",
            "bench now                     | unexpected argument 'now'",
    })
    @DisplayName("malformed command lines are usage errors too")
    void malformed(String args, String message) {
        Outcome o = tool(args.strip().split(" +"));
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.err()).contains(message);
    }

    @Test
    @DisplayName("not root: refuses with a clear message and exit 2, before any provider, client or host change")
    void refusesWithoutRoot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Command bench = BenchCommand.command(() -> false);
        ParsedArgs args = new ArgParser(List.of(bench.spec()), GlobalOptions.SPECS).parse("bench", "--floor");
        Context context = new Context(args, GlobalOptions.from(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), g -> {
                    throw new AssertionError("no client expected");
                }, name -> {
                    throw new AssertionError("no executor provider expected");
                });
        assertThat(bench.action().run(context)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("cni4j bench: needs root (it creates network namespaces, a bridge and veths):"
                        + " run 'sudo ./cni4j bench'\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("usage errors win over the root check")
    void usageBeforeRoot() throws Exception {
        Command bench = BenchCommand.command(() -> {
            throw new AssertionError("root must not be checked before the options");
        });
        ParsedArgs args = new ArgParser(List.of(bench.spec()), GlobalOptions.SPECS).parse("bench", "--cycles", "0");
        Context context = new Context(args, GlobalOptions.from(args), System.out, System.err, g -> null, n -> null);
        assertThatThrownBy(() -> bench.action().run(context)).isInstanceOf(UsageException.class)
                .hasMessage("--cycles must be at least 1, got 0");
    }

    @Test
    @DisplayName("bench --help lists its options and where the JSON shape is documented")
    void help() {
        Outcome o = tool("bench", "--help");
        assertThat(o.status()).isZero();
        assertThat(o.out()).startsWith("Usage: cni4j bench [options]")
                .contains("--chain bridge|portmap", "--parallel N", "--cycles N", "--warmup N", "--floor",
                        "--parallel-networks", "--bridge NAME", "--subnet CIDR", "Needs root",
                        "containernetworking/plugins#819", "Global options:");
        assertThat(tool("--help").out()).contains("bench ").doesNotContain("not implemented");
    }
}
