package dev.unmask.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&amp;&#39;&lt;/script&gt;",
                Html.escape("<script>alert(\"x\")&'</script>"));
        assertEquals("a&amp;amp;b", Html.escape("a&amp;b"), "already-escaped text is escaped again, not trusted");
        assertEquals("", Html.escape(null));
    }

    @Test
    void returnsCleanTextUnchanged() {
        String s = "plain text \u00e9\u4e2d \uD83D\uDE00 tab\tnew\nline";
        assertSame(s, Html.escape(s));
    }

    @Test
    void replacesCharactersIllegalInXml() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd", Html.escape("a\u0000b\u001Bc\u0085d"));
        assertEquals("x\uFFFDy", Html.escape("x\uD800y"), "unpaired high surrogate");
        assertEquals("x\uFFFD", Html.escape("x\uDC00"), "unpaired low surrogate at the end");
        assertEquals("\uFFFD", Html.escape("\uFFFE"));
    }

    @Test
    void limitsLongTextAndSaysHowMuchWasCut() {
        String s = "<" + "a".repeat(99);
        String out = Html.escapeLimited(s, 10);
        assertTrue(out.startsWith("&lt;aaaaaaaaa<span class=\"more\">"), out);
        assertTrue(out.contains("(90 more characters)"), out);
        assertEquals("&lt;b", Html.escapeLimited("<b", 10));
    }

    @Test
    void formatsNumbersCompactly() {
        assertEquals("3", Html.number(3.0));
        assertEquals("0.1235", Html.number(0.123456));
        assertEquals("-2.5", Html.number(-2.5));
        assertEquals("1.000e-06", Html.number(1e-6));
        assertEquals("42", Html.number(42L));
        assertEquals("0.50", Html.fmt2(0.5));
        assertEquals("1.0 KB (1024 bytes)", Html.size(1024));
        assertEquals("unknown", Html.size(-1));
    }

    @Test
    void barIsClampedButShowsTheValue() {
        String b = Html.bar(1.7, "synthetic");
        assertTrue(b.contains("width:100.0%"), b);
        assertTrue(b.contains(">1.70<"), b);
        assertTrue(Html.bar(-1, "x").contains("width:0.0%"));
    }

    @Test
    void valuesTableTruncatesAndNests() throws IOException {
        double[] arr = new double[40];
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            list.add("item" + i);
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("<k>", "<v>");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("arr", arr);
        values.put("list", list);
        values.put("map", inner);
        values.put("flag", true);
        values.put("nothing", null);
        StringWriter w = new StringWriter();
        HtmlValues.table(w, values, 0);
        String s = w.toString();
        assertTrue(s.contains("(40 values)"), s);
        assertTrue(s.contains("(30 items)"), s);
        assertTrue(s.contains("item15") && !s.contains("item16"), "16 items shown, then the count");
        assertEquals(2, count(s, "<table class=\"kv\">"), "the nested map is a nested table");
        assertTrue(s.contains("<th>&lt;k&gt;</th><td class=\"v\">&lt;v&gt;</td>"), s);
        assertTrue(s.contains(">true<"));
        assertFalse(s.contains("<k>"));
    }

    @Test
    void longMapsAreTruncatedWithTheirSize() throws IOException {
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 70; i++) {
            big.put("k" + i, i);
        }
        StringWriter w = new StringWriter();
        HtmlValues.table(w, big, 0);
        assertTrue(w.toString().contains("6 more entries (70 in all)"), w.toString());
        assertFalse(w.toString().contains(">k64<"));
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
