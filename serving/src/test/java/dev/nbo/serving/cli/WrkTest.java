package dev.nbo.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkTest {
    private static final String REPORT = """
            Running 10s test @ http://127.0.0.1:40123
              2 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.40ms    2.10ms  40.12ms   93.10%
                Req/Sec     1.70k   210.33     2.10k    71.00%
              Latency Distribution
                 50%  812.00us
                 75%    1.20ms
                 90%    2.31ms
                 99%   13.68ms
              33812 requests in 10.01s, 40.11MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 4
            Requests/sec:   3378.12
            Transfer/sec:      4.01MB
            """;

    @Test
    void readsTheRatePercentilesInMillisecondsAndEveryKindOfError() {
        LoadGenerator.Result result = Wrk.parse("offers", REPORT);

        assertThat(result.perSecond()).isEqualTo(3378.12);
        assertThat(result.p50Millis()).isEqualTo(0.812);
        assertThat(result.p99Millis()).isEqualTo(13.68);
        assertThat(result.errors()).isEqualTo(7);
    }

    @Test
    void aReportWithoutARateIsRefusedWithTheOutput() {
        assertThatThrownBy(() -> Wrk.parse("offers", "unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Connection refused");
    }
}
