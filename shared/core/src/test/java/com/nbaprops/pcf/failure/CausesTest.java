package com.nbaprops.pcf.failure;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class CausesTest {
  private final RuntimeException diskFull =
      new IllegalStateException(
          "TransactionContext Error: cannot commit - no transaction is active",
          new UncheckedIOException(new IOException("No space left on device")));

  @Test
  void theRootIsTheInnermostMessage() {
    assertThat(Causes.root(diskFull)).isEqualTo("No space left on device");
  }

  @Test
  void theChainKeepsEachMessageThatAddsSomething() {
    assertThat(Causes.chain(diskFull))
        .isEqualTo(
            "TransactionContext Error: cannot commit - no transaction is active:"
                + " java.io.IOException: No space left on device");
  }

  @Test
  void anExceptionWithoutAMessageIsNamedByItsType() {
    assertThat(Causes.root(new NullPointerException())).isEqualTo("NullPointerException");
    assertThat(Causes.chain(new RuntimeException(new NullPointerException())))
        .contains("NullPointerException");
  }
}
