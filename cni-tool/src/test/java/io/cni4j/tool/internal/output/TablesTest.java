package io.cni4j.tool.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TablesTest {

    @Test
    @DisplayName("columns are aligned to the widest cell, two spaces apart, without trailing blanks")
    void table() {
        String text = new Table("A", "LONGER", "C").row("xxxx", "y").row(null, "", "z").render();
        assertThat(text).isEqualTo(String.join("\n",
                "A     LONGER  C",
                "xxxx  y",
                "              z",
                ""));
        assertThatThrownBy(() -> new Table("A").row("1", "2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("result table: a row per address, an interface without addresses gets one row; routes; dns")
    void result() {
        String text = Tables.result(SampleValues.result());
        assertThat(text).isEqualTo(String.join("\n",
                "INTERFACE  ADDRESS      GATEWAY   MAC                SANDBOX",
                "cni0                              aa:aa:aa:aa:aa:01",
                "eth0       10.1.2.3/24  10.1.2.1  0a:58:0a:01:02:03  /run/netns/c1",
                "eth0       fd00::3/64             0a:58:0a:01:02:03  /run/netns/c1",
                "net1                                                 /run/netns/c1",
                "",
                "ROUTE           GATEWAY   DETAILS",
                "0.0.0.0/0       10.1.2.1",
                "192.168.0.0/16            mtu 1400, advmss 1360, priority 10, table 100, scope 253",
                "",
                "DNS  nameservers 10.1.0.53; domain cluster.local; search svc.cluster.local; options ndots:5",
                ""));
    }

    @Test
    @DisplayName("an empty result is just the header")
    void emptyResult() {
        assertThat(Tables.result(new io.cni4j.api.Result(null, null, null, null)))
                .isEqualTo("INTERFACE  ADDRESS  GATEWAY  MAC  SANDBOX\n");
    }

    @Test
    void config() {
        assertThat(Tables.config(SampleValues.config())).isEqualTo(String.join("\n",
                "conf dir:     /etc/cni/net.d",
                "plugin dirs:  /opt/cni/bin /usr/lib/cni",
                "cache dir:    /var/lib/cni",
                "max conf:     1",
                "prefix:       eth",
                "",
                "NETWORK       IFNAME  VERSION  PLUGINS",
                "cni-loopback  lo      0.3.1    loopback",
                "net           eth0    1.0.0    bridge(host-local), portmap",
                ""));
    }

    @Test
    void attachments() {
        assertThat(Tables.attachments(SampleValues.attachments())).isEqualTo(String.join("\n",
                "CONTAINER  NETWORK  IFNAME  NETNS",
                "c1         net      eth0    /run/netns/c1",
                "c2         net      eth0",
                ""));
    }
}
