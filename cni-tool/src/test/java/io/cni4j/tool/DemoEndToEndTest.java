package io.cni4j.tool;

import static io.cni4j.tool.RealEnvironment.cni4j;
import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.tool.RealEnvironment.Run;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's first command, end to end with the real plugins, in the test JVM's private namespace. */
class DemoEndToEndTest {

    @Test
    @DisplayName("demo: both namespaces get addresses, reach each other, pass CHECK, and nothing is left")
    void demo() {
        RealEnvironment.require("bridge", "host-local", "loopback", "firewall", "tuning");
        Run run = cni4j("demo", "--plugin-dir", RealEnvironment.PLUGINS.toString());
        assertThat(run.status()).as("stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();

        Matcher a = Pattern.compile("setup cni4j-demo-a: address (10\\.250\\.0\\.\\d+)").matcher(run.out());
        Matcher b = Pattern.compile("setup cni4j-demo-b: address (10\\.250\\.0\\.\\d+)").matcher(run.out());
        assertThat(a.find()).as(run.out()).isTrue();
        assertThat(b.find()).as(run.out()).isTrue();
        assertThat(a.group(1)).isNotEqualTo(b.group(1));
        assertThat(run.out()).contains("connectivity: tcp " + a.group(1) + " (cni4j-demo-a) -> " + b.group(1) + ":")
                .contains("hello from " + b.group(1))
                .contains("check: cni4j-demo-a and cni4j-demo-b pass CHECK")
                .contains("leftovers: no netns, veth, bridge, cache file or IPAM reservation of the demo is left")
                .endsWith("demo passed: everything it made is gone.\n");
        assertThat(run.out().lines().filter(l -> l.startsWith("ok ") || l.startsWith("FAIL")))
                .allMatch(l -> l.matches("ok +\\d+ ms  .*"));
        assertThat(Path.of("/run/netns/cni4j-demo-a")).doesNotExist();
        assertThat(Path.of("/run/netns/cni4j-demo-b")).doesNotExist();
    }
}
