package dev.switchboard.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostQualityChartTest {

    @TempDir
    Path dir;

    @Test
    void writesAValid800x600PngIncludingCurvesOutsideZeroToOne() throws Exception {
        List<CurvePoint> diagonal = List.of(new CurvePoint(0, 0.5, 0), new CurvePoint(1, 0.75, 1));
        List<CurvePoint> wild = List.of(new CurvePoint(0, 0.5, 0), new CurvePoint(0.25, 0.25, -1),
                new CurvePoint(0.5, 1.0, 2), new CurvePoint(1, 0.75, 1));
        GroupResult group = new GroupResult("pooled", 4, 0.5, 0.75, List.of(
                new RouterResult("random", new MetricSummary(0.5, 0.5, 0.8), diagonal),
                new RouterResult("wild", new MetricSummary(0.6, 0.3, 0.4), wild)));
        Path file = dir.resolve("nested/chart.png");

        CostQualityChart.write(group, file);

        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        assertNotEquals(image.getRGB(0, 0), image.getRGB(80, 60), "axes are drawn, not a blank canvas");
    }

    @Test
    void anUnwritablePathIsReportedWithTheFileAndTheRealCause() throws Exception {
        Path plainFile = Files.writeString(dir.resolve("plain-file"), "x");

        assertEquals("cannot write the chart to " + dir + ": is a directory",
                assertThrows(UncheckedIOException.class, () -> CostQualityChart.write(group(), dir)).getMessage());
        Path emptyFolder = Files.createDirectory(dir.resolve("empty"));
        assertEquals("cannot write the chart to " + emptyFolder + ": is a directory",
                assertThrows(UncheckedIOException.class, () -> CostQualityChart.write(group(), emptyFolder)).getMessage());
        assertTrue(Files.isDirectory(emptyFolder), "ImageIO.write(File) deleted an empty folder to write there");
        Path below = plainFile.resolve("chart.png");
        assertEquals("cannot write the chart to " + below + ": " + plainFile + ": not a directory",
                assertThrows(UncheckedIOException.class, () -> CostQualityChart.write(group(), below)).getMessage());
    }

    private static GroupResult group() {
        List<CurvePoint> diagonal = List.of(new CurvePoint(0, 0.5, 0), new CurvePoint(1, 0.75, 1));
        return new GroupResult("pooled", 4, 0.5, 0.75,
                List.of(new RouterResult("random", new MetricSummary(0.5, 0.5, 0.8), diagonal)));
    }
}
