/**
 * The cni4j engine: configuration loading with go-cni's and libcni's rules, CNI results of every
 * spec version, the result cache, plugin invocation through the executor SPI, and the
 * {@link io.cni4j.api.Cni} implementation.
 *
 * <p>Only {@link io.cni4j.core} is exported: {@link io.cni4j.core.Cni4j} (the client builder),
 * {@link io.cni4j.core.NetworkConfigs} (configuration loading) and {@link io.cni4j.core.CniResults}
 * (result parsing, conversion and writing). Everything else is internal. JSON is handled with
 * Jackson's tree model only, so nothing is opened for reflection.
 */
module io.cni4j.core {
    requires transitive io.cni4j.api;
    requires com.fasterxml.jackson.databind;
    requires jdk.jfr;

    exports io.cni4j.core;

    uses io.cni4j.api.spi.ExecutorProvider;
}
