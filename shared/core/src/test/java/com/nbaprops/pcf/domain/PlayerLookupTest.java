package com.nbaprops.pcf.domain;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class PlayerLookupTest {
  @Test
  void dropsAccentsAndPunctuation() {
    assertThat(PlayerLookup.of("Nikola Jokić")).isEqualTo("nikolajokic");
    assertThat(PlayerLookup.of("Kristaps Porziņģis")).isEqualTo("kristapsporzingis");
    assertThat(PlayerLookup.of("Jaren Jackson Jr.")).isEqualTo("jarenjacksonjr");
    assertThat(PlayerLookup.of("D'Angelo Russell")).isEqualTo("dangelorussell");
  }

  @Test
  void keepsDigits() {
    assertThat(PlayerLookup.of("Gary Payton II")).isEqualTo("garypaytonii");
    assertThat(PlayerLookup.of("Player 2")).isEqualTo("player2");
  }

  @Test
  void foldsLettersWithoutCombiningMarks() {
    assertThat(PlayerLookup.of("Søren Łukasz")).isEqualTo("sorenlukasz");
  }
}
