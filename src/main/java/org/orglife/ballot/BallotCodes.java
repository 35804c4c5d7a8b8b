package org.orglife.ballot;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The codes on the slips: twelve characters from 32 that are not mistaken for one another (no 0, 1, I
 * or O), 60 random bits each, so that guessing one is hopeless. Typed with or without the dashes of
 * {@link #grouped}, in either case.
 */
final class BallotCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 12;
    static final String FORMAT_HINT = "票码为 12 位字母和数字（不含 0、1、I、O），请对照票码条核对";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code count} distinct fresh codes. */
    static List<String> issue(int count) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            StringBuilder code = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return List.copyOf(codes);
    }

    /** The code as stored, from what a voter typed or scanned; null if it cannot be one. */
    static String normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        String code = typed.replaceAll("[\\s\\-－—_]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }

    /** "ABCD-EFGH-JKMN", as printed. */
    static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    private BallotCodes() {
    }
}
