package dev.unmask.detect.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * ROC and precision-recall charts (Java2D), one curve per condition with a legend giving its AUC or average
 * precision. The PR curve is drawn as the step function whose area is the average precision.
 */
public final class CurvePlots {
    private static final int W = 720;
    private static final int H = 600;
    private static final int LEFT = 70;
    private static final int RIGHT = 24;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private CurvePlots() {}

    /** The ROC chart: false-positive rate against true-positive rate, with the chance diagonal. */
    public static BufferedImage roc(DetectorEvaluation.Result r) {
        return chart("ROC: " + r.model().name() + " " + r.model().version(), "False positive rate (reals called fake)",
                "True positive rate (fakes found)", r, r.curves(), true);
    }

    /** The precision-recall chart, with the precision of calling everything fake as the chance line. */
    public static BufferedImage pr(DetectorEvaluation.Result r) {
        return chart("Precision-recall: " + r.model().name() + " " + r.model().version(), "Recall (fakes found)",
                "Precision (of images called fake)", r, r.curves(), false);
    }

    private static BufferedImage chart(String title, String xLabel, String yLabel, DetectorEvaluation.Result r,
                                       List<ScoreCurves> curves, boolean roc) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            int pw = W - LEFT - RIGHT;
            int ph = H - TOP - BOTTOM;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i <= 5; i++) {
                double f = i / 5.0;
                int x = LEFT + (int) Math.round(f * pw);
                int y = TOP + ph - (int) Math.round(f * ph);
                g.setColor(new Color(0xe6e6e6));
                g.drawLine(x, TOP, x, TOP + ph);
                g.drawLine(LEFT, y, LEFT + pw, y);
                g.setColor(Color.BLACK);
                String s = String.format(Locale.ROOT, "%.1f", f);
                g.drawString(s, x - fm.stringWidth(s) / 2, TOP + ph + fm.getAscent() + 4);
                g.drawString(s, LEFT - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, pw, ph);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 5f}, 0f));
            if (roc) {
                g.drawLine(LEFT, TOP + ph, LEFT + pw, TOP);
            } else {
                ScoreCurves c0 = curves.get(0);
                int y = TOP + ph - (int) Math.round(c0.fakes() / (double) (c0.fakes() + c0.reals()) * ph);
                g.drawLine(LEFT, y, LEFT + pw, y);
            }
            for (int j = 0; j < curves.size(); j++) {
                int i = (j + 1) % curves.size(); // perturbed rows first, the clean row on top
                ScoreCurves c = curves.get(i);
                Path2D.Double line = new Path2D.Double();
                if (roc) {
                    double[] f = c.rocFpr();
                    double[] t = c.rocTpr();
                    for (int k = 0; k < f.length; k++) {
                        point(line, k == 0, LEFT + f[k] * pw, TOP + ph - t[k] * ph);
                    }
                } else {
                    // a step at height P_k from R_(k-1) to R_k for each cut that finds more fakes: area = AP
                    double[] rec = c.recall();
                    double[] pre = c.precision();
                    double prev = 0;
                    for (int k = 0; k < rec.length; k++) {
                        if (rec[k] > prev) {
                            point(line, prev == 0, LEFT + prev * pw, TOP + ph - pre[k] * ph);
                            point(line, false, LEFT + rec[k] * pw, TOP + ph - pre[k] * ph);
                            prev = rec[k];
                        }
                    }
                }
                g.setColor(PALETTE[i % PALETTE.length]);
                g.setStroke(new BasicStroke(i == 0 ? 2.5f : 1.8f));
                g.draw(line);
            }
            legend(g, fm, r, roc, pw, ph);
            g.setColor(Color.BLACK);
            g.drawString(xLabel, LEFT + (pw - fm.stringWidth(xLabel)) / 2, H - 16);
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, -(TOP + (ph + fm.stringWidth(yLabel)) / 2), 20);
            g.setTransform(saved);
            g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
            g.drawString(title, LEFT, TOP - 14);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void point(Path2D.Double p, boolean first, double x, double y) {
        if (first) {
            p.moveTo(x, y);
        } else {
            p.lineTo(x, y);
        }
    }

    private static void legend(Graphics2D g, FontMetrics fm, DetectorEvaluation.Result r, boolean roc, int pw, int ph) {
        List<DetectorEvaluation.Row> rows = r.rows();
        int lineH = fm.getHeight() + 2;
        int boxW = 0;
        String[] texts = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            DetectionMetrics m = rows.get(i).metrics();
            texts[i] = String.format(Locale.ROOT, "%s  %s %.3f", rows.get(i).name(), roc ? "AUC" : "AP", roc ? m.auc() : m.averagePrecision());
            boxW = Math.max(boxW, fm.stringWidth(texts[i]));
        }
        boxW += 40;
        int boxH = lineH * rows.size() + 8;
        // ROC curves hug the top-left corner and PR curves the top-right: the legend goes bottom-right or bottom-left
        int x0 = roc ? LEFT + pw - boxW - 8 : LEFT + 8;
        int y0 = TOP + ph - boxH - 8;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(x0, y0, boxW, boxH);
        g.setColor(Color.LIGHT_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, boxW, boxH);
        for (int i = 0; i < rows.size(); i++) {
            int y = y0 + 4 + lineH * i + lineH / 2;
            g.setColor(PALETTE[i % PALETTE.length]);
            g.setStroke(new BasicStroke(i == 0 ? 2.5f : 1.8f));
            g.drawLine(x0 + 6, y, x0 + 30, y);
            g.setColor(Color.BLACK);
            g.drawString(texts[i], x0 + 36, y + fm.getAscent() / 2 - 1);
        }
    }
}
