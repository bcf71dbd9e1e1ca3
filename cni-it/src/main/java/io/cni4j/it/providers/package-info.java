/**
 * Executor providers that exist only to exercise discovery: one with a very high priority, one that
 * is unavailable, one whose constructor throws, and one that throws when asked about itself.
 */
package io.cni4j.it.providers;
