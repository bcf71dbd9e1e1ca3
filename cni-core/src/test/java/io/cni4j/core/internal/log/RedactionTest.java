package io.cni4j.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    @DisplayName("string values of four characters or more are masked, plain and JSON-escaped, at any depth")
    void masksStrings() throws Exception {
        Redaction r = Redaction.of(Json.parse("{\"token\":\"s3cr3t\",\"nested\":[{\"k\":\"pa\\\"ss\\\\word\"}],"
                + "\"portMappings\":[{\"hostPort\":8080,\"protocol\":\"tcp\"}],\"empty\":\"\"}"));
        assertThat(r.apply("token s3cr3t and pa\"ss\\word and {\"k\":\"pa\\\"ss\\\\word\"}"))
                .isEqualTo("token <redacted> and <redacted> and {\"k\":\"<redacted>\"}");
        assertThat(r.apply("tcp 8080 stays")).isEqualTo("tcp 8080 stays");
    }

    @Test
    @DisplayName("a value that contains another is masked whole")
    void longestFirst() throws Exception {
        Redaction r = Redaction.of(Json.parse("[\"abcd\",\"xxabcdxx\"]"));
        assertThat(r.apply("-xxabcdxx-abcd-")).isEqualTo("-<redacted>-<redacted>-");
    }

    @Test
    @DisplayName("a request's runtimeConfig is what is masked; a request that is not JSON masks nothing")
    void ofRequest() {
        byte[] stdin = "{\"type\":\"bridge\",\"name\":\"mynet\",\"runtimeConfig\":{\"secret\":\"s3cr3t\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Redaction.ofRequest(stdin).apply("mynet got s3cr3t")).isEqualTo("mynet got <redacted>");
        assertThat(Redaction.ofRequest("nope".getBytes(StandardCharsets.UTF_8))).isSameAs(Redaction.NONE);
        assertThat(Redaction.of(null).apply(null)).isNull();
    }
}
