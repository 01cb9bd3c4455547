package jp.smb.incident.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Random passwords that satisfy Camunda's default password policy (10+ chars, upper, lower, digit, special). */
public final class Passwords {

  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SPECIAL = "-_.!#%+=";
  private static final String ALL = UPPER + LOWER + DIGITS + SPECIAL;
  private static final int LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {
  }

  public static String generate() {
    List<Character> chars = new ArrayList<>(LENGTH);
    chars.add(pick(UPPER));
    chars.add(pick(LOWER));
    chars.add(pick(DIGITS));
    chars.add(pick(SPECIAL));
    while (chars.size() < LENGTH) {
      chars.add(pick(ALL));
    }
    Collections.shuffle(chars, RANDOM);
    StringBuilder password = new StringBuilder(LENGTH);
    chars.forEach(password::append);
    return password.toString();
  }

  private static char pick(String alphabet) {
    return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
  }
}
