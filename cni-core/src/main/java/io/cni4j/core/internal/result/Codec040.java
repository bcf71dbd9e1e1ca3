package io.cni4j.core.internal.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;
import io.cni4j.core.internal.json.Json;

/**
 * Results 0.3.0, 0.3.1 and 0.4.0: interfaces with name, MAC and sandbox only; IPs with a
 * {@code version} field ("4" or "6", always written, derived from the address) and an optional
 * interface index (0 is written); DNS always written, {@code {}} when empty.
 */
final class Codec040 implements ResultCodec {

    @Override
    public CniResult read(ObjectNode root, String version) throws InvalidResultException {
        return new CniResult(version,
                ResultParts.readInterfaces(root, false),
                ResultParts.readIps(root, true),
                ResultParts.readRoutes(root, "routes", ""),
                ResultParts.readDns(root, ""));
    }

    @Override
    public ObjectNode write(CniResult result) {
        ObjectNode root = Json.object();
        root.put("cniVersion", result.cniVersion());
        if (!result.interfaces().isEmpty()) {
            root.set("interfaces", ResultParts.writeInterfaces(result.interfaces(), false));
        }
        if (!result.ips().isEmpty()) {
            root.set("ips", ResultParts.writeIps(result.ips(), true));
        }
        if (!result.routes().isEmpty()) {
            root.set("routes", ResultParts.writeRoutes(result.routes()));
        }
        root.set("dns", ResultParts.writeDns(result.dns()));
        return root;
    }
}
