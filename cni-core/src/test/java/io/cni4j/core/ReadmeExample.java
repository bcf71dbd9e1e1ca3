package io.cni4j.core;

import static io.cni4j.api.NamespaceOption.label;
import static io.cni4j.api.NamespaceOption.portMappings;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.Cni;
import io.cni4j.api.CniException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PortMapping;
import io.cni4j.api.Result;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's quick start, kept here so that the build compiles it. Keep the two in sync: the
 * README shows the body of {@link #run}.
 */
final class ReadmeExample {

    private ReadmeExample() {
    }

    static String run(Path confDir, Path netns) throws CniException, InterruptedException {
        try (Cni cni = Cni4j.newBuilder()
                .pluginDirs(List.of(Path.of("/usr/lib/cni")))
                .confDir(confDir)
                .build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());

            Result result = cni.setup("c1", netns.toString(),
                    portMappings(List.of(PortMapping.tcp(8080, 80))),
                    label("IgnoreUnknown", "1"));
            AssignedAddress eth0 = result.interfaces().get("eth0").addresses().get(0);
            System.out.println("eth0: " + eth0.address() + " via " + eth0.gateway().getHostAddress());

            cni.check("c1", netns.toString());
            cni.remove("c1", netns.toString());
            return eth0.address().toString();
        }
    }
}
