package io.cni4j.core.internal.result;

/**
 * Where a field sits in a result, e.g. {@code ips[1].address}, for error messages. Reading a result
 * passes these down as it descends; the text is built only when a field is wrong, not for every
 * field read.
 */
final class FieldPath {

    /** The result itself; its text is empty. */
    static final FieldPath ROOT = new FieldPath(null, null, -1);

    private final FieldPath parent;
    private final String key;
    private final int index;

    private FieldPath(FieldPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    /**
     * @param name a field name
     * @return the path of this object's field, e.g. {@code dns.domain}
     */
    FieldPath field(String name) {
        return new FieldPath(this, name, -1);
    }

    /**
     * @param i an element index
     * @return the path of this array's element, e.g. {@code ips[3]}
     */
    FieldPath element(int i) {
        return new FieldPath(this, null, i);
    }

    /** @return e.g. {@code ips[0].address}; empty for the root */
    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        String up = parent.toString();
        if (key != null) {
            return up.isEmpty() ? key : up + "." + key;
        }
        return up + "[" + index + "]";
    }
}
