/**
 * The cni4j contracts: everything a program that uses CNI plugins, or a module that runs them,
 * compiles against.
 *
 * <p>{@link io.cni4j.api} holds the {@link io.cni4j.api.Cni} facade (go-cni's {@code CNI}), its
 * options, the value records and the sealed {@link io.cni4j.api.CniException} hierarchy.
 * {@link io.cni4j.api.spi} holds the executor SPI that executor modules provide and the engine
 * uses. This module reads nothing but {@code java.base}.
 */
module io.cni4j.api {
    exports io.cni4j.api;
    exports io.cni4j.api.spi;
}
