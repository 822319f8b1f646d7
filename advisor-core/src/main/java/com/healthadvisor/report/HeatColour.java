package com.healthadvisor.report;

import java.util.Locale;

/**
 * A heatmap cell's colour, red (low retention) through yellow to green, and the colour of the number written
 * on it: black or white, whichever contrasts more. Between the two, one always reaches WCAG's 4.5:1 (the worst
 * fill, at a relative luminance near 0.18, still gives 4.58:1).
 */
record HeatColour(String fill, String text) {

    static HeatColour of(double retention) {
        double clamped = Math.max(0, Math.min(1, retention));
        double hue = 120 * Math.max(0, (clamped - 0.4) / 0.6);
        double lightness = 0.45 + clamped * 0.10;
        int[] rgb = rgb(hue, 0.65, lightness);
        double fill = luminance(rgb);
        double onWhite = 1.05 / (fill + 0.05);
        double onBlack = (fill + 0.05) / 0.05;
        return new HeatColour(String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]),
                onWhite >= onBlack ? "#ffffff" : "#000000");
    }

    /** HSL to 8-bit RGB (CSS Color 4's formula). */
    private static int[] rgb(double hue, double saturation, double lightness) {
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double h = hue / 60;
        double second = chroma * (1 - Math.abs(h % 2 - 1));
        double[] c = h < 1 ? new double[] {chroma, second, 0} : h < 2 ? new double[] {second, chroma, 0}
                : new double[] {0, chroma, second};
        double m = lightness - chroma / 2;
        return new int[] {channel(c[0] + m), channel(c[1] + m), channel(c[2] + m)};
    }

    private static int channel(double value) {
        return (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    }

    /** WCAG 2's relative luminance of an sRGB colour. */
    static double luminance(int[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
