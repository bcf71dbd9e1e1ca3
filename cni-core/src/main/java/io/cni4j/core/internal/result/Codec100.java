package io.cni4j.core.internal.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;
import io.cni4j.core.internal.json.Json;

/**
 * Results 1.0.0 and 1.1.0 (the types did not change between them): interfaces with MTU, socket
 * path and PCI id; IPs without a {@code version} field; every route field. Empty lists and an empty
 * {@code dns} are left out.
 */
final class Codec100 implements ResultCodec {

    @Override
    public CniResult read(ObjectNode root, String version) throws InvalidResultException {
        return new CniResult(version,
                ResultParts.readInterfaces(root, true),
                ResultParts.readIps(root, false),
                ResultParts.readRoutes(root, "routes", ""),
                ResultParts.readDns(root, ""));
    }

    @Override
    public ObjectNode write(CniResult result) {
        ObjectNode root = Json.object();
        root.put("cniVersion", result.cniVersion());
        if (!result.interfaces().isEmpty()) {
            root.set("interfaces", ResultParts.writeInterfaces(result.interfaces(), true));
        }
        if (!result.ips().isEmpty()) {
            root.set("ips", ResultParts.writeIps(result.ips(), false));
        }
        if (!result.routes().isEmpty()) {
            root.set("routes", ResultParts.writeRoutes(result.routes()));
        }
        if (!result.dns().isEmpty()) {
            root.set("dns", ResultParts.writeDns(result.dns()));
        }
        return root;
    }
}
