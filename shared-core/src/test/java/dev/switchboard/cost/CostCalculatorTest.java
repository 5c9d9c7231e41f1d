package dev.switchboard.cost;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostCalculatorTest {

    private static ModelPrice price(double input, double output) {
        return new ModelPrice(input, output, 0, 0, 0, 0, "test", "chat");
    }

    private static final PriceTable PRICES = new PriceTable("test", Map.of(
            "gpt-4o", price(2.5e-06, 1e-05),
            "gpt-4o-mini", price(1.5e-07, 6e-07),
            "tenth", price(0.1, 0.0),
            "tiny", price(5e-11, 1e-11),
            "third", price(1.0 / 3 * 1e-6, 0.0)));

    private final CostCalculator calculator = new CostCalculator(PRICES, "gpt-4o");

    @Test
    void costIsInputTokensTimesInputPricePlusOutputTokensTimesOutputPrice() {
        Cost cost = calculator.cost("gpt-4o-mini", 1000, 500);

        assertTrue(cost.priced());
        assertEquals(1000 * 1.5e-07 + 500 * 6e-07, cost.usd(), 1e-15);
        assertEquals(0.00045, cost.usd());
    }

    @Test
    void baselineIsTheSameTokensOnTheBaselineModel() {
        assertEquals("gpt-4o", calculator.baselineModel());
        assertEquals(new Cost(0.0075, true), calculator.baselineCost(1000, 500));
        assertEquals(calculator.cost("gpt-4o", 1000, 500), calculator.baselineCost(1000, 500));
    }

    @Test
    void noTokensCostNothingButArePriced() {
        assertEquals(new Cost(0.0, true), calculator.cost("gpt-4o", 0, 0));
        assertEquals(Cost.ZERO, calculator.cost("gpt-4o", 0, 0));
    }

    @Test
    void anUnpricedModelIsReportedAsUnpricedNotFree() {
        Cost cost = calculator.cost("llama3-local", 1000, 500);

        assertFalse(cost.priced());
        assertEquals(0.0, cost.usd());
        assertEquals(Cost.unpriced(), cost);
    }

    @Test
    void anUnpricedBaselineIsReportedAsUnpriced() {
        assertFalse(new CostCalculator(PRICES, "unknown-model").baselineCost(10, 10).priced());
    }

    @Test
    void roundsToTenDecimalPlacesSoSumsAreStable() {
        // 3 * 0.1 is 0.30000000000000004 in binary floating point
        assertEquals(0.3, calculator.cost("tenth", 3, 0).usd());
        // (1/3) millionth of a dollar per token, one token: 0.000000333333... -> 0.0000003333
        assertEquals(3.333e-7, calculator.cost("third", 1, 0).usd());
    }

    @Test
    void roundsHalfUpAtTheTenthDecimal() {
        assertEquals(1e-10, calculator.cost("tiny", 1, 0).usd()); // 0.00000000005 -> 0.0000000001
        assertEquals(0.0, calculator.cost("tiny", 0, 1).usd()); // 0.00000000001 -> 0
        assertEquals(2e-10, CostCalculator.round(1.5e-10));
    }

    @Test
    void exposesItsPriceTable() {
        assertSame(PRICES, calculator.prices());
    }

    @Test
    void roundsEveryCostAsTheDecimalFormRoundedHalfUpWould() {
        // The shortcut against BigDecimal itself: costs from 10^-14 to 10 dollars, spread over their
        // magnitudes, and costs a few steps of a double away from each side of a half at the tenth decimal.
        Random random = new Random(20261129);
        for (int i = 0; i < 200_000; i++) {
            double usd = Math.pow(10, -14 + 15 * random.nextDouble());
            assertEquals(decimalRounding(usd), CostCalculator.round(usd), () -> "cost " + usd);
        }
        for (int i = 0; i < 20_000; i++) {
            double tie = (Math.floor(random.nextDouble() * 1e9) + 0.5) / 1e10;
            double usd = tie;
            for (int step = 0; step < 4; step++) {
                usd = Math.nextDown(usd);
            }
            for (int step = 0; step < 8; step++, usd = Math.nextUp(usd)) {
                double cost = usd;
                assertEquals(decimalRounding(cost), CostCalculator.round(cost), () -> "cost " + cost);
            }
        }
        for (double edge : new double[]{0.0, -0.0, 5e-11, 1.5e-10, 0.09999999999, 0.1, Double.MIN_VALUE}) {
            assertEquals(decimalRounding(edge), CostCalculator.round(edge), () -> "cost " + edge);
        }
    }

    private static double decimalRounding(double usd) {
        return BigDecimal.valueOf(usd).setScale(10, RoundingMode.HALF_UP).doubleValue();
    }
}
