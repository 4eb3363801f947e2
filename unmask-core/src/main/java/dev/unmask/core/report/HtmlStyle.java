package dev.unmask.core.report;

import dev.unmask.core.scan.Label;

/**
 * The report's inline stylesheet and label colours. Colours only reinforce meaning: every badge, bar and
 * chart segment also carries its words. Uses system font stacks only (no web fonts, no external requests).
 */
final class HtmlStyle {
    private HtmlStyle() {}

    /** The fill colour of a label's badge and chart segment (white text is readable on each). */
    static String colour(Label l) {
        return switch (l) {
            case AUTHENTIC -> "#2e7d32";
            case INCONCLUSIVE -> "#8a5a00";
            case MANIPULATED -> "#c62828";
            case SYNTHETIC -> "#6a1b9a";
            case NOT_APPLICABLE -> "#616161";
        };
    }

    /** The stylesheet, including the CSS-only label filter and print rules. */
    static String css() {
        StringBuilder b = new StringBuilder(BASE);
        for (Label l : Label.values()) {
            String t = Html.token(l.json());
            b.append(".badge.l-").append(t).append("{background:").append(colour(l)).append("}\n");
            b.append("#flt-").append(t).append(":checked ~ main tr.row:not(.l-").append(t).append("),#flt-").append(t)
                    .append(":checked ~ main section.file:not(.l-").append(t).append("){display:none}\n");
            b.append("#flt-").append(t).append(":checked ~ main label[for=flt-").append(t).append("]{outline:2px solid #1a1a1a}\n");
        }
        b.append("#flt-all:checked ~ main label[for=flt-all]{outline:2px solid #1a1a1a}\n");
        b.append(PRINT);
        return b.toString();
    }

    private static final String BASE = """
            :root{color-scheme:light}
            *{box-sizing:border-box}
            body{margin:0;background:#f4f5f7;color:#1a1a1a;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            main{max-width:1240px;margin:0 auto;padding:16px 20px 40px}
            h1{font-size:24px;margin:8px 0 4px}
            h2{font-size:18px;margin:0 0 8px;word-break:break-all}
            h3{font-size:15px;margin:18px 0 6px}
            h4{font-size:14px;margin:12px 0 4px}
            code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
            .card{background:#fff;border:1px solid #d8dbe0;border-radius:6px;padding:14px 18px;margin:14px 0}
            .meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0}
            .meta dt{font-weight:600;color:#444}
            .meta dd{margin:0;word-break:break-all}
            table{border-collapse:collapse;width:100%;margin:6px 0}
            th,td{border-bottom:1px solid #e2e4e8;padding:4px 6px;text-align:left;vertical-align:top}
            th{background:#eef0f3;font-weight:600;font-size:12.5px}
            td.path{word-break:break-all;min-width:200px;max-width:340px}
            td.n,th.n{text-align:right;white-space:nowrap}
            .badge{display:inline-block;color:#fff;border-radius:10px;padding:1px 9px;font-size:12.5px;font-weight:600;white-space:nowrap}
            .ev{display:inline-block;border:1px solid #888;border-radius:4px;padding:0 6px;font-size:12px;white-space:nowrap}
            .ev-synthetic{border-color:#6a1b9a;color:#6a1b9a}
            .ev-manipulated{border-color:#c62828;color:#c62828}
            .ev-authentic{border-color:#2e7d32;color:#2e7d32}
            .ev-info{border-color:#777;color:#555}
            .st{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;background:#e8eaed}
            .st-failed{background:#fde0e0;color:#8b0000}
            .st-ok{background:#e3f1e4;color:#1b5e20}
            .bar{display:inline-block;width:90px;height:9px;background:#e4e6ea;border:1px solid #c8ccd2;border-radius:2px;vertical-align:middle;overflow:hidden}
            .bar>span{display:block;height:100%;background:#555}
            .bar-synthetic>span{background:#6a1b9a}
            .bar-manipulated>span{background:#c62828}
            .bar-authentic>span{background:#2e7d32}
            .bar-confidence>span{background:#37474f}
            .num{font-variant-numeric:tabular-nums}
            .scores td{border:0;padding:2px 8px 2px 0}
            .reason{margin:6px 0;font-size:14.5px}
            .error{background:#fff0f0;border:2px solid #c62828;border-radius:6px;padding:8px 12px;margin:8px 0}
            .error strong{color:#8b0000}
            .muted{color:#666}
            .more{color:#666;font-style:italic}
            .null{color:#888}
            .run{border-top:1px solid #e2e4e8;margin-top:14px;padding-top:6px}
            .finding{border-left:3px solid #c8ccd2;padding:2px 0 2px 12px;margin:10px 0}
            .finding.f-synthetic{border-left-color:#6a1b9a}
            .finding.f-manipulated{border-left-color:#c62828}
            .finding.f-authentic{border-left-color:#2e7d32}
            .detail{white-space:pre-wrap;color:#333;margin:4px 0}
            table.kv{width:auto;min-width:320px;max-width:100%}
            table.kv td,table.kv th{font-size:12.5px;padding:2px 6px}
            table.kv td.v{white-space:pre-wrap;word-break:break-word;font-family:ui-monospace,Menlo,Consolas,monospace}
            table.kv table.kv{margin:0;min-width:0}
            table.rows{width:auto;max-width:100%;margin:2px 0}
            table.rows td,table.rows th{font-size:12.5px;padding:2px 6px}
            table.rows td.v{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
            figure{display:inline-block;margin:8px 14px 8px 0;max-width:100%;vertical-align:top}
            figure img{display:block;max-width:min(100%,560px);height:auto;border:1px solid #c8ccd2;background:#fff;image-rendering:auto}
            figure img.px{image-rendering:pixelated;height:auto}
            figcaption{font-size:12.5px;color:#333;max-width:560px}
            .chart{display:block;width:100%;max-width:720px;height:auto;margin:8px 0}
            .counts .badge{margin:0 6px 4px 0}
            .filters{margin:6px 0;font-size:13px}
            .filters label{cursor:pointer;margin-right:4px}
            input.flt{position:absolute;opacity:0;pointer-events:none}
            a{color:#0b57d0}
            .top{float:right;font-size:12.5px}
            ul.plain{margin:4px 0;padding-left:20px}
            """;

    private static final String PRINT = """
            @media print{
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            body{background:#fff;font-size:10pt}
            main{max-width:none;padding:0}
            .card{border:1px solid #999}
            .card.head{break-inside:avoid-page}
            section.file{break-before:page;break-inside:auto}
            figure{break-inside:avoid}
            tr{break-inside:avoid}
            .filters,.top{display:none}
            a{color:inherit;text-decoration:none}
            figure img{max-width:80%}
            }
            """;
}
