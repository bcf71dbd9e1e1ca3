package io.cni4j.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One source of networks for {@link Cni#load}, go-cni's network-loading {@code Opt}s. Options are
 * applied in the order given, and the order decides interface names:
 *
 * <ul>
 *   <li>{@link #loopback()} adds {@code cni-loopback} (version 0.3.1) on {@code lo};</li>
 *   <li>{@link #defaultConf()} and {@link #allConf()} number the files they load from
 *       {@code prefix + 0}, whatever was loaded before;</li>
 *   <li>{@link #conf(byte[])} uses {@code prefix + 0}, {@link #conf(byte[], int)} {@code prefix + index},
 *       {@link #confFile(Path)} always {@code prefix + 0};</li>
 *   <li>{@link #confList(byte[])} and {@link #confListFile(Path)} use {@code prefix + n}, where n
 *       counts every network loaded before, loopback included.</li>
 * </ul>
 *
 * <p>This interface is sealed: the engine interprets each kind.
 */
public sealed interface LoadOption {

    /** @return the loopback network option, go-cni's {@code WithLoNetwork} */
    static LoadOption loopback() {
        return Loopback.INSTANCE;
    }

    /** @return load the first {@code maxConfNum} files of the conf dir, go-cni's {@code WithDefaultConf} */
    static LoadOption defaultConf() {
        return DefaultConf.INSTANCE;
    }

    /** @return load every file of the conf dir, go-cni's {@code WithAllConf} */
    static LoadOption allConf() {
        return AllConf.INSTANCE;
    }

    /**
     * A single plugin configuration given as bytes, upgraded to a list, on {@code prefix + 0}.
     *
     * @param bytes the {@code .conf} JSON
     * @return the option, go-cni's {@code WithConf}
     */
    static LoadOption conf(byte[] bytes) {
        return new Conf(bytes, 0);
    }

    /**
     * A single plugin configuration given as bytes on {@code prefix + index}.
     *
     * @param bytes the {@code .conf} JSON
     * @param index the interface number
     * @return the option, go-cni's {@code WithConfIndex}
     */
    static LoadOption conf(byte[] bytes, int index) {
        return new Conf(bytes, index);
    }

    /**
     * A single plugin configuration file, upgraded to a list, always on {@code prefix + 0}.
     *
     * @param file the {@code .conf} file
     * @return the option, go-cni's {@code WithConfFile}
     */
    static LoadOption confFile(Path file) {
        return new ConfFile(file);
    }

    /**
     * A configuration list given as bytes, on {@code prefix + <networks loaded so far>}.
     *
     * @param bytes the {@code .conflist} JSON
     * @return the option, go-cni's {@code WithConfListBytes}
     */
    static LoadOption confList(byte[] bytes) {
        return new ConfList(bytes);
    }

    /**
     * A configuration list file (plus {@code <dir>/<name>/*.conf} plugins unless
     * {@code loadOnlyInlinedPlugins}), on {@code prefix + <networks loaded so far>}.
     *
     * @param file the {@code .conflist} file
     * @return the option, go-cni's {@code WithConfListFile}
     */
    static LoadOption confListFile(Path file) {
        return new ConfListFile(file);
    }

    /** The loopback network. */
    enum Loopback implements LoadOption {
        /** The only instance. */
        INSTANCE
    }

    /** The first {@code maxConfNum} files of the conf dir. */
    enum DefaultConf implements LoadOption {
        /** The only instance. */
        INSTANCE
    }

    /** Every file of the conf dir. */
    enum AllConf implements LoadOption {
        /** The only instance. */
        INSTANCE
    }

    /**
     * A single plugin configuration as bytes.
     *
     * @param bytes the JSON (copied)
     * @param index the interface number
     */
    record Conf(byte[] bytes, int index) implements LoadOption {
        /**
         * Copies the bytes.
         *
         * @param bytes the JSON
         * @param index the interface number
         */
        public Conf {
            bytes = Objects.requireNonNull(bytes, "bytes").clone();
        }

        /** @return a copy of the JSON bytes */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * A single plugin configuration file.
     *
     * @param file the file
     */
    record ConfFile(Path file) implements LoadOption {
        /**
         * Validates the path.
         *
         * @param file the file
         */
        public ConfFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * A configuration list as bytes.
     *
     * @param bytes the JSON (copied)
     */
    record ConfList(byte[] bytes) implements LoadOption {
        /**
         * Copies the bytes.
         *
         * @param bytes the JSON
         */
        public ConfList {
            bytes = Objects.requireNonNull(bytes, "bytes").clone();
        }

        /** @return a copy of the JSON bytes */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * A configuration list file.
     *
     * @param file the file
     */
    record ConfListFile(Path file) implements LoadOption {
        /**
         * Validates the path.
         *
         * @param file the file
         */
        public ConfListFile {
            Objects.requireNonNull(file, "file");
        }
    }
}
