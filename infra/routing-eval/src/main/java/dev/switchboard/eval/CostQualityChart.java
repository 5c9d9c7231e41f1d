package dev.switchboard.eval;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Draws PGR against the share of strong-model calls for each router of a test group, with the diagonal a
 * random router follows in expectation, and writes it as a PNG. Runs headless: the evaluator is a batch
 * tool on machines without a display.
 */
public final class CostQualityChart {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 600;

    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd)};

    private CostQualityChart() {
    }

    /**
     * Writes the chart of {@code group}'s routers to {@code file}, creating its folder if needed. Goes through
     * {@link Files#newOutputStream}: {@code ImageIO.write(.., File)} deletes what is at the path first (an empty
     * folder included), prints a stack trace when it cannot open it and then reports no cause.
     */
    public static void write(GroupResult group, Path file) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = render(group);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IIOException("no PNG writer available in this JVM");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart to " + file + ": " + cause(e, file), e);
        }
    }

    /** The operating system's reason; NIO exceptions often carry only the path as their message. */
    static String cause(IOException e, Path file) {
        if (!(e instanceof FileSystemException f)) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String reason = f.getReason() != null ? f.getReason().toLowerCase(Locale.ROOT)
                : f instanceof NoSuchFileException ? "no such file or directory"
                : f instanceof AccessDeniedException ? "permission denied"
                : f instanceof FileAlreadyExistsException ? "not a directory" // only createDirectories throws it here
                : f.getClass().getSimpleName();
        return f.getFile() == null || f.getFile().equals(file.toString()) ? reason : f.getFile() + ": " + reason;
    }

    static BufferedImage render(GroupResult group) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Scale scale = Scale.fitting(group);
            drawGridAndAxes(g, scale);
            drawTitle(g, group);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 6f}, 0f));
            g.drawLine(scale.x(0), scale.y(0), scale.x(1), scale.y(1));
            for (int i = 0; i < group.routers().size(); i++) {
                g.setColor(SERIES[i % SERIES.length]);
                g.setStroke(new BasicStroke(2f));
                g.draw(polyline(group.routers().get(i).curve(), scale));
            }
            drawLegend(g, group);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Path2D polyline(List<CurvePoint> curve, Scale scale) {
        Path2D.Double line = new Path2D.Double();
        boolean started = false;
        for (CurvePoint point : curve) {
            if (Double.isNaN(point.pgr())) {
                continue;
            }
            double x = scale.xd(point.strongShare());
            double y = scale.yd(point.pgr());
            if (started) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
                started = true;
            }
        }
        return line;
    }

    private static void drawGridAndAxes(Graphics2D g, Scale scale) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int tick = 0; tick <= 10; tick++) {
            double share = tick / 10.0;
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(scale.x(share), scale.y(scale.minPgr), scale.x(share), scale.y(scale.maxPgr));
            g.setColor(Color.DARK_GRAY);
            String label = (tick * 10) + "%";
            g.drawString(label, scale.x(share) - fm.stringWidth(label) / 2, HEIGHT - BOTTOM + 18);
        }
        // Integer tenths, so that accumulated rounding never drops the top grid line.
        for (long tenth = Math.round(scale.minPgr * 10); tenth <= Math.round(scale.maxPgr * 10); tenth++) {
            double pgr = tenth / 10.0;
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(scale.x(0), scale.y(pgr), scale.x(1), scale.y(pgr));
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%.1f", pgr);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), scale.y(pgr) + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        fm = g.getFontMetrics();
        String xLabel = "strong-model calls (% of prompts)";
        g.drawString(xLabel, LEFT + (WIDTH - LEFT - RIGHT - fm.stringWidth(xLabel)) / 2, HEIGHT - 15);
        String yLabel = "performance gap recovered (PGR)";
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + (HEIGHT - TOP - BOTTOM + fm.stringWidth(yLabel)) / 2), 22);
        g.setTransform(saved);
    }

    private static void drawTitle(Graphics2D g, GroupResult group) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        String title = String.format(Locale.ROOT, "Cost-quality curve: %s (n=%d, weak %.3f, strong %.3f)",
                group.name(), group.size(), group.weakAccuracy(), group.strongAccuracy());
        g.drawString(title, LEFT, TOP - 18);
    }

    private static void drawLegend(Graphics2D g, GroupResult group) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int rows = group.routers().size() + 1;
        int lineHeight = fm.getHeight() + 2;
        String[] labels = new String[rows];
        for (int i = 0; i < group.routers().size(); i++) {
            RouterResult r = group.routers().get(i);
            labels[i] = r.router() + "  APGR " + ReportTable.decimal(r.metrics().apgr());
        }
        labels[rows - 1] = "diagonal (random in expectation)";
        int width = 0;
        for (String label : labels) {
            width = Math.max(width, fm.stringWidth(label));
        }
        int x = LEFT + 12;
        int y = TOP + 12;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(x, y, width + 50, rows * lineHeight + 10);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, width + 50, rows * lineHeight + 10);
        for (int i = 0; i < rows; i++) {
            int rowY = y + 5 + i * lineHeight + lineHeight / 2;
            boolean diagonal = i == rows - 1;
            g.setColor(diagonal ? Color.GRAY : SERIES[i % SERIES.length]);
            g.setStroke(diagonal
                    ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 6f}, 0f)
                    : new BasicStroke(2f));
            g.drawLine(x + 8, rowY, x + 38, rowY);
            g.setColor(Color.BLACK);
            g.drawString(labels[i], x + 44, rowY + fm.getAscent() / 2 - 1);
        }
    }

    /** Maps (share, PGR) to pixels; PGR spans at least [0, 1] and grows to fit curves that leave it. */
    private record Scale(double minPgr, double maxPgr) {

        static Scale fitting(GroupResult group) {
            double min = 0;
            double max = 1;
            for (RouterResult router : group.routers()) {
                for (CurvePoint point : router.curve()) {
                    if (!Double.isNaN(point.pgr())) {
                        min = Math.min(min, point.pgr());
                        max = Math.max(max, point.pgr());
                    }
                }
            }
            return new Scale(Math.floor(min * 10) / 10, Math.ceil(max * 10) / 10);
        }

        double xd(double share) {
            return LEFT + share * (WIDTH - LEFT - RIGHT);
        }

        double yd(double pgr) {
            return HEIGHT - BOTTOM - (pgr - minPgr) / (maxPgr - minPgr) * (HEIGHT - TOP - BOTTOM);
        }

        int x(double share) {
            return (int) Math.round(xd(share));
        }

        int y(double pgr) {
            return (int) Math.round(yd(pgr));
        }
    }
}
