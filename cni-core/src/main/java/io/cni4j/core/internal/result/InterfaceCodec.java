package io.cni4j.core.internal.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;
import io.cni4j.core.internal.json.Json;

/**
 * The two result shapes with an {@code interfaces} list, which differ only in a few fields:
 * <ul>
 *   <li>0.3.0, 0.3.1 and 0.4.0: interfaces with name, MAC and sandbox only; IPs with a {@code version}
 *       field ("4" or "6", always written, derived from the address); DNS always written, {@code {}}
 *       when empty;</li>
 *   <li>1.0.0 and 1.1.0 (the types did not change between them): interfaces with MTU, socket path and
 *       PCI id; IPs without {@code version}; an empty {@code dns} left out.</li>
 * </ul>
 * In both, the interface index is optional (0 is written) and empty lists are left out.
 */
final class InterfaceCodec implements ResultCodec {

    /** The 0.3.x/0.4.0 shape. */
    static final InterfaceCodec V040 = new InterfaceCodec(false);
    /** The 1.x shape. */
    static final InterfaceCodec V100 = new InterfaceCodec(true);

    private final boolean v1;

    private InterfaceCodec(boolean v1) {
        this.v1 = v1;
    }

    @Override
    public CniResult read(ObjectNode root, String version) throws InvalidResultException {
        return new CniResult(version,
                ResultParts.readInterfaces(root, v1),
                ResultParts.readIps(root, !v1),
                ResultParts.readRoutes(root, "routes", FieldPath.ROOT),
                ResultParts.readDns(root, FieldPath.ROOT));
    }

    @Override
    public ObjectNode write(CniResult result) {
        ObjectNode root = Json.object();
        root.put("cniVersion", result.cniVersion());
        if (!result.interfaces().isEmpty()) {
            root.set("interfaces", ResultParts.writeInterfaces(result.interfaces(), v1));
        }
        if (!result.ips().isEmpty()) {
            root.set("ips", ResultParts.writeIps(result.ips(), !v1));
        }
        if (!result.routes().isEmpty()) {
            root.set("routes", ResultParts.writeRoutes(result.routes()));
        }
        if (!v1 || !result.dns().isEmpty()) {
            root.set("dns", ResultParts.writeDns(result.dns()));
        }
        return root;
    }
}
