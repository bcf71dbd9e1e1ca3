package io.cni4j.benchmarks;

import io.cni4j.api.CniResult;
import io.cni4j.core.CniResults;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plugin results: the parse of a 1.1.0 result (the reference's §4.5 example: one interface with
 * every optional field, two IPs, two routes, DNS), its conversion down to 0.4.0 and 0.2.0 and each
 * back up to 1.1.0, and its write as JSON.
 *
 * <p>SampleTime mode, so the report gives the percentiles (p0.50 is the median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResultBenchmark {

    /** The §4.5 example result. */
    static final byte[] RESULT_110 = """
            {"cniVersion":"1.1.0",
             "interfaces":[{"name":"eth0","mac":"00:11:22:33:44:55","mtu":1500,"sandbox":"/proc/3553/ns/net",\
            "pciID":"8086:9a01","socketPath":"/path/to/vhost/fd"}],
             "ips":[{"interface":0,"address":"1.2.3.30/24","gateway":"1.2.3.1"},\
            {"interface":0,"address":"abcd:1234:ffff::cdde/64","gateway":"abcd:1234:ffff::1"}],
             "routes":[{"dst":"15.5.6.0/24","gw":"15.5.6.8"},{"dst":"1111:dddd::/80","gw":"1111:dddd::aaaa",\
            "mtu":1400,"advmss":1360,"priority":100,"table":100,"scope":253}],
             "dns":{"nameservers":["1.2.3.4","1::cafe"],"domain":"acompany.com",\
            "search":["somedomain.com","otherdomain.net"],"options":["foo","bar"]}}
            """.getBytes(StandardCharsets.UTF_8);

    private CniResult v110;
    private CniResult v040;
    private CniResult v020;

    /**
     * Parses the example and converts it once, as the inputs of the conversions back up.
     *
     * @throws Exception if the example is rejected
     */
    @Setup
    public void setUp() throws Exception {
        v110 = CniResults.parse(RESULT_110);
        v040 = CniResults.convert(v110, "0.4.0");
        v020 = CniResults.convert(v110, "0.2.0");
    }

    /** @return the parsed 1.1.0 result */
    @Benchmark
    public CniResult parse110() throws Exception {
        return CniResults.parse(RESULT_110);
    }

    /** @return the 1.1.0 result converted to 0.4.0 */
    @Benchmark
    public CniResult convert110To040() throws Exception {
        return CniResults.convert(v110, "0.4.0");
    }

    /** @return the 1.1.0 result converted to 0.2.0 */
    @Benchmark
    public CniResult convert110To020() throws Exception {
        return CniResults.convert(v110, "0.2.0");
    }

    /** @return the 0.4.0 result converted back to 1.1.0 */
    @Benchmark
    public CniResult convert040To110() throws Exception {
        return CniResults.convert(v040, "1.1.0");
    }

    /** @return the 0.2.0 result converted back to 1.1.0 */
    @Benchmark
    public CniResult convert020To110() throws Exception {
        return CniResults.convert(v020, "1.1.0");
    }

    /** @return the 1.1.0 result written as JSON */
    @Benchmark
    public byte[] write110() {
        return CniResults.write(v110);
    }
}
