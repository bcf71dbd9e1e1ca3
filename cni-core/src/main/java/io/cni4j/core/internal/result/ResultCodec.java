package io.cni4j.core.internal.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;

/** Reads and writes the exact JSON shape of one family of result versions. */
interface ResultCodec {

    /**
     * Reads a result object of this family.
     *
     * @param root the result object
     * @param version the version to label the result with (one of the family's versions)
     * @return the result
     * @throws InvalidResultException naming the first bad field
     */
    CniResult read(ObjectNode root, String version) throws InvalidResultException;

    /**
     * Writes a result in this family's shape, labelled with the result's own version.
     *
     * @param result the result, whose {@code cniVersion} belongs to this family
     * @return the result object, keys in libcni's order
     */
    ObjectNode write(CniResult result);
}
