package io.cni4j.it;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.core.Cni4j;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Run in a separate JVM (on the plain class path) by {@link JvmKillTest}, which kills it with SIGKILL
 * in the middle of its work: sets up containers one after another against Debian's plugins, printing
 * {@code done <id>} after each.
 */
public final class SetupChild {

    private SetupChild() {
    }

    /**
     * Loads loopback and the default network, then sets up {@code <prefix>0..<prefix>N-1}, each in the
     * namespace {@code <netnsDir>/<id>}.
     *
     * @param args executor name, plugin dir, conf dir, cache dir, netns dir, id prefix, N
     * @throws Exception on any failure (the parent reads the exit status and stderr)
     */
    public static void main(String[] args) throws Exception {
        Path netnsDir = Path.of(args[4]);
        String prefix = args[5];
        int count = Integer.parseInt(args[6]);
        try (Cni cni = Cni4j.newBuilder().executor(args[0]).pluginDirs(List.of(Path.of(args[1])))
                .confDir(Path.of(args[2])).cacheDir(Path.of(args[3])).timeout(Duration.ofSeconds(60)).build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            for (int i = 0; i < count; i++) {
                String id = prefix + i;
                cni.setup(id, netnsDir.resolve(id).toString());
                System.out.println("done " + id);
                System.out.flush();
            }
        }
    }
}
