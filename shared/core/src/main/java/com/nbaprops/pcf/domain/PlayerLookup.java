package com.nbaprops.pcf.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key players are joined on across tables: the full name without accents, lower-cased, letters
 * and digits only ("Nikola Jokić" becomes "nikolajokic").
 */
public final class PlayerLookup {
  private PlayerLookup() {}

  public static String of(String fullName) {
    String decomposed =
        Normalizer.normalize(fullName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    // Letters that carry no combining mark, so decomposition leaves them whole.
    String latin =
        decomposed
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("đ", "d")
            .replace("Đ", "D")
            .replace("ł", "l")
            .replace("Ł", "L")
            .replace("æ", "ae")
            .replace("Æ", "AE")
            .replace("ß", "ss");
    return latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
