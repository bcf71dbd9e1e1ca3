package io.cni4j.api;

/**
 * The root of every failure that cni4j reports.
 *
 * <p>The hierarchy is sealed so that a caller can tell every kind of failure apart with
 * {@code instanceof}; causes are always kept (unlike go-cni's {@code Load}, which flattens them).
 * Asynchronous methods complete their futures exceptionally with these same types.
 *
 * <table>
 *   <caption>Kinds of failure</caption>
 *   <tr><th>Type</th><th>go-cni counterpart</th></tr>
 *   <tr><td>{@link NotInitializedException}</td><td>{@code ErrCNINotInitialized}</td></tr>
 *   <tr><td>{@link InvalidConfigException}</td><td>{@code ErrInvalidConfig}</td></tr>
 *   <tr><td>{@link ConfigReadException}</td><td>{@code ErrRead}</td></tr>
 *   <tr><td>{@link InvalidResultException}</td><td>{@code ErrInvalidResult}</td></tr>
 *   <tr><td>{@link NetworkNotFoundException}</td><td>{@code ErrNotFound}</td></tr>
 *   <tr><td>{@link LoadException}</td><td>{@code ErrLoad}</td></tr>
 *   <tr><td>{@link InvalidRequestException}</td><td>libcni's argument validation errors</td></tr>
 *   <tr><td>{@link PluginErrorException}</td><td>a plugin's {@code types.Error}</td></tr>
 *   <tr><td>{@link CniTimeoutException}</td><td>an expired {@code context}</td></tr>
 *   <tr><td>{@link PluginExecutionException}</td><td>exec failures without a plugin error</td></tr>
 *   <tr><td>{@link NetnsException}</td><td>none: go-cni does not manage namespaces</td></tr>
 *   <tr><td>{@link ResultCacheException}</td><td>libcni's cache read/write errors</td></tr>
 * </table>
 */
public abstract sealed class CniException extends Exception
        permits NotInitializedException, InvalidConfigException, ConfigReadException,
                InvalidResultException, NetworkNotFoundException, LoadException,
                InvalidRequestException, PluginErrorException, CniTimeoutException,
                PluginExecutionException, NetnsException, ResultCacheException {

    private static final long serialVersionUID = 1L;

    CniException(String message, Throwable cause) {
        super(message, cause);
    }
}
