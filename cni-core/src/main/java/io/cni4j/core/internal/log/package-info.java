/**
 * What cni4j does to text before it logs it: masking the capability values of a request.
 */
package io.cni4j.core.internal.log;
