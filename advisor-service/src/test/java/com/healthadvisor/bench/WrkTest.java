package com.healthadvisor.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrkTest {

    @Test
    void readsThroughputPercentilesMaxAndErrorsFromWrksReport() {
        Wrk.Result result = Wrk.parse("""
                Running 10s test @ http://127.0.0.1:18084/api/v1/diagnoses
                  2 threads and 16 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     5.62ms   12.01ms   1.02s    95.12%
                    Req/Sec     1.45k   210.33     1.90k    71.00%
                  Latency Distribution
                     50%  756.00us
                     75%    2.10ms
                     90%    8.31ms
                     99%   97.43ms
                  28935 requests in 10.01s, 170.53MB read
                  Socket errors: connect 0, read 2, write 0, timeout 1
                  Non-2xx or 3xx responses: 4
                Requests/sec:   2892.66
                Transfer/sec:     16.89MB
                """);

        assertThat(result.requestsPerSecond()).isEqualTo(2892.66);
        assertThat(result.p50Millis()).isEqualTo(0.756);
        assertThat(result.p99Millis()).isEqualTo(97.43);
        assertThat(result.maxMillis()).isEqualTo(1020.0);
        assertThat(result.errors()).isEqualTo(7);
    }
}
