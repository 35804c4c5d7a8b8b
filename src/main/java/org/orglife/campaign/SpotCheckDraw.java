package org.orglife.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which branches the township checks (随机抽查): a share of them drawn at random, reproducibly: the same
 * seed and the same branches always give the same draw, and the seed is kept with the campaign.
 */
final class SpotCheckDraw {

    static List<String> draw(List<String> branchCodes, BigDecimal share, long seed) {
        List<String> pool = new ArrayList<>(branchCodes);
        Collections.sort(pool);
        Collections.shuffle(pool, new Random(seed));
        int count = share.multiply(BigDecimal.valueOf(pool.size())).setScale(0, RoundingMode.CEILING).intValue();
        List<String> drawn = new ArrayList<>(pool.subList(0, Math.min(count, pool.size())));
        Collections.sort(drawn);
        return drawn;
    }

    private SpotCheckDraw() {
    }
}
