package com.nbaprops.pcf.rules;

import static com.nbaprops.pcf.rules.Defaults.clamp;
import static java.util.Objects.requireNonNullElse;

import com.nbaprops.pcf.domain.ShotZoneProfile;
import com.nbaprops.pcf.domain.TeamDefenseProfile;
import java.util.Locale;

/**
 * Shot-zone mismatch, -10..+10: how weak the opponent defends the player's primary zone, weighted
 * by how much the player uses that zone; large mismatches are amplified by 20%.
 */
final class ShotZoneMismatchRule {
  private ShotZoneMismatchRule() {}

  /** The zones the profiles describe. */
  public enum Zone {
    PAINT,
    MID_RANGE,
    PERIMETER;

    /** An unknown or missing zone counts as the paint, as upstream does. */
    public static Zone parse(String zone) {
      if (zone == null) {
        return PAINT;
      }
      return switch (zone.trim().toLowerCase(Locale.ROOT)) {
        case "mid_range" -> MID_RANGE;
        case "perimeter" -> PERIMETER;
        default -> PAINT;
      };
    }
  }

  /** 0.0 when either profile is missing. */
  public static double score(ShotZoneProfile player, TeamDefenseProfile opponent) {
    if (player == null || opponent == null) {
      return 0.0;
    }
    Zone zone = Zone.parse(player.primaryScoringZone());
    double zoneUsage = requireNonNullElse(usage(player, zone), 50.0);
    double defense = requireNonNullElse(defense(opponent, zone), 0.0);
    double weight = Math.min(zoneUsage / 50.0, 1.0);
    double mismatch = defense * weight;
    if (Math.abs(mismatch) > 5.0) {
      mismatch *= 1.2;
    }
    return clamp(mismatch, -10.0, 10.0);
  }

  static Double usage(ShotZoneProfile player, Zone zone) {
    return switch (zone) {
      case PAINT -> player.paintRate();
      case MID_RANGE -> player.midRangeRate();
      case PERIMETER -> player.threePtRate();
    };
  }

  static Double defense(TeamDefenseProfile opponent, Zone zone) {
    return switch (zone) {
      case PAINT -> opponent.paintVsLeague();
      case MID_RANGE -> opponent.midRangeVsLeague();
      case PERIMETER -> opponent.threePtVsLeague();
    };
  }
}
