package io.cni4j.core.internal.config;

import io.cni4j.api.CniException;
import io.cni4j.api.ConfiguredNetwork;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.NotInitializedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies {@link LoadOption}s in order, as go-cni's {@code Load} applies its network options, and
 * returns the networks they load with the interface name each one gets.
 *
 * <p>Interface names (go-cni's rules, checked by nothing until ADD): loopback is {@code lo};
 * {@code conf(bytes, i)} is {@code prefix + i}; {@code confFile} is always {@code prefix + 0};
 * {@code confList} and {@code confListFile} are {@code prefix + n} where n counts every network
 * loaded before by this call, loopback included; {@code defaultConf} and {@code allConf} number
 * their files from {@code prefix + 0} whatever came before.
 *
 * <p>The conf dir options list {@code .conf}, {@code .conflist} and {@code .json} files sorted by
 * name; the first is the default network. {@code defaultConf} loads the first {@code maxConfNum}
 * of them ({@code maxConfNum <= 0} means all), {@code allConf} all of them; files past the limit
 * are never read. {@code .conflist} files are lists, the others single plugin configurations
 * upgraded to lists (so a list saved as {@code .conf} fails with {@code missing 'type'}). If any
 * file within the limit fails, the option loads nothing.
 *
 * <p>Options stop at the first failure; the networks loaded by the options before it stay loaded,
 * as in go-cni, so the outcome carries both. Instances are immutable and thread-safe.
 */
public final class NetworkLoader {

    /** The interface name of the loopback network. */
    public static final String LOOPBACK_IF_NAME = "lo";

    /** go-cni's loopback list, byte for byte, since its source is what the result cache stores. */
    private static final String LOOPBACK_SOURCE = "{\n"
            + "\"cniVersion\": \"0.3.1\",\n"
            + "\"name\": \"cni-loopback\",\n"
            + "\"plugins\": [{\n"
            + "  \"type\": \"loopback\"\n"
            + "}]\n"
            + "}";

    private static final NetworkConfigList LOOPBACK = parseLoopback();

    private final Path confDir;
    private final String prefix;
    private final int maxConfNum;

    /**
     * A loader for one client's settings.
     *
     * @param confDir the conf dir read by {@code defaultConf} and {@code allConf}
     * @param prefix the interface name prefix, e.g. {@code eth}
     * @param maxConfNum how many conf dir files {@code defaultConf} loads; {@code <= 0} means all
     */
    public NetworkLoader(Path confDir, String prefix, int maxConfNum) {
        this.confDir = Objects.requireNonNull(confDir, "confDir");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.maxConfNum = maxConfNum;
    }

    /**
     * What a load produced: the networks in load order, and the failure that stopped it, if any.
     *
     * @param networks the networks loaded before the failure (all of them on success)
     * @param failure the first option's failure: {@link InvalidConfigException},
     *     {@link io.cni4j.api.ConfigReadException} or {@link NotInitializedException} (empty conf dir)
     */
    public record Outcome(List<ConfiguredNetwork> networks, Optional<CniException> failure) {

        /**
         * Copies the list.
         *
         * @param networks the networks
         * @param failure the failure
         */
        public Outcome {
            networks = List.copyOf(networks);
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** @return the loopback network go-cni's {@code WithLoNetwork} adds: cni-loopback, 0.3.1, on {@code lo} */
    public static ConfiguredNetwork loopback() {
        return new ConfiguredNetwork(LOOPBACK, LOOPBACK_IF_NAME);
    }

    /**
     * Applies the options in order, starting from no networks.
     *
     * @param options the options
     * @return the networks and the failure that stopped the load, if any
     */
    public Outcome load(List<LoadOption> options) {
        List<ConfiguredNetwork> networks = new ArrayList<>();
        for (LoadOption option : options) {
            try {
                networks.addAll(apply(option, networks.size()));
            } catch (CniException e) {
                return new Outcome(networks, Optional.of(e));
            }
        }
        return new Outcome(networks, Optional.empty());
    }

    private List<ConfiguredNetwork> apply(LoadOption option, int loaded) throws CniException {
        Objects.requireNonNull(option, "option");
        if (option instanceof LoadOption.Loopback) {
            return List.of(loopback());
        } else if (option instanceof LoadOption.DefaultConf) {
            return loadConfDir(maxConfNum);
        } else if (option instanceof LoadOption.AllConf) {
            return loadConfDir(0);
        } else if (option instanceof LoadOption.Conf conf) {
            NetworkConfigList list = ConfParser.upgrade(ConfParser.plugin(conf.bytes()));
            return List.of(new ConfiguredNetwork(list, ifName(conf.index())));
        } else if (option instanceof LoadOption.ConfFile confFile) {
            NetworkConfigList list = ConfParser.upgrade(ConfigFiles.readConf(confFile.file()));
            return List.of(new ConfiguredNetwork(list, ifName(0)));
        } else if (option instanceof LoadOption.ConfList confList) {
            return List.of(new ConfiguredNetwork(ConfParser.list(confList.bytes()), ifName(loaded)));
        } else if (option instanceof LoadOption.ConfListFile confListFile) {
            return List.of(new ConfiguredNetwork(ConfigFiles.readConfList(confListFile.file()), ifName(loaded)));
        }
        throw new IllegalArgumentException("unknown load option " + option);
    }

    /**
     * go-cni's {@code loadFromConfDir}: all or nothing, numbered from 0, at most {@code max} if
     * {@code max > 0}. The dir is listed once; each file is looked at only when its turn comes (a
     * directory named like a conf file is skipped then, as {@code ConfFiles} skips it), and its
     * plugin subdirectory is looked for only if the listing holds that name.
     */
    private List<ConfiguredNetwork> loadConfDir(int max) throws CniException {
        ConfigFiles.Listing listing = ConfigFiles.Listing.of(confDir);
        List<ConfiguredNetwork> networks = new ArrayList<>();
        for (Path file : listing.candidates(ConfigFiles.CONF_DIR_EXTENSIONS)) {
            byte[] bytes = ConfigFiles.readListed(file);
            if (bytes == null) {
                continue;
            }
            NetworkConfigList list = file.getFileName().toString().endsWith(".conflist")
                    ? ConfigFiles.parseConfList(file, bytes, listing)
                    : ConfParser.upgrade(ConfigFiles.parseConf(file, bytes));
            networks.add(new ConfiguredNetwork(list, ifName(networks.size())));
            if (networks.size() == max) {
                break;
            }
        }
        if (networks.isEmpty()) {
            throw new NotInitializedException("no network config found in " + confDir);
        }
        return networks;
    }

    private String ifName(int index) {
        return prefix + index;
    }

    private static NetworkConfigList parseLoopback() {
        try {
            return ConfParser.list(LOOPBACK_SOURCE.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("the built-in loopback configuration does not parse", e);
        }
    }
}
