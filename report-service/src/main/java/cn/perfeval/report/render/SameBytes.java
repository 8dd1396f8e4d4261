package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The same inputs give the same bytes. The document libraries stamp every file with the moment it
 * was written: POI the zip entries' times and {@code dcterms:created}, OpenPDF the
 * {@code CreationDate}/{@code ModDate}, a random {@code /ID} and a random six-letter tag on each
 * embedded font subset. Those are replaced here by values derived from the document itself: its
 * date is the report's issue date (or 1 January after the fiscal year when none is set), the font
 * tags and the file id are digests of the content. Replacements keep every length, so the PDF's
 * cross-reference offsets stay valid.
 */
public final class SameBytes {

    private SameBytes() {
    }

    /** The date a document carries: its issue date, else 1 January of the year after the fiscal year. */
    public static LocalDateTime dateOf(ReportDocument d) {
        if (d.issuedOn() != null) {
            Matcher m = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日").matcher(d.issuedOn());
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).atStartOfDay();
            }
        }
        return LocalDate.of(d.year() + 1, 1, 1).atStartOfDay();
    }

    private static final Pattern CORE_DATE =
            Pattern.compile("(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)");

    /**
     * An OOXML package (DOCX, XLSX) rewritten with every zip entry dated {@code when}, in the same
     * order and with the same content, and its core properties' created/modified set to {@code when}.
     */
    public static byte[] ooxml(byte[] zip, LocalDateTime when) {
        long time = when.toInstant(ZoneOffset.UTC).toEpochMilli();
        String iso = when.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z";
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("docProps/core.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    content = CORE_DATE.matcher(xml).replaceAll("$1" + iso + "$2").getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(time);
                z.putNextEntry(copy);
                z.write(content);
                z.closeEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static final Pattern PDF_DATE = Pattern.compile("/(?:CreationDate|ModDate) ?\\(D:(\\d{14})");
    private static final Pattern SUBSET_TAG = Pattern.compile("/([A-Z]{6})\\+");
    private static final Pattern FILE_ID = Pattern.compile("/ID ?\\[ ?<([0-9A-Fa-f]+)> ?<([0-9A-Fa-f]+)> ?\\]");

    /** A PDF with its dates set to {@code when}, its font subset tags and its file id derived from its content. */
    public static byte[] pdf(byte[] pdf, LocalDateTime when) {
        // ISO-8859-1 maps every byte to one char and back: lengths and binary streams are kept
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        StringBuilder b = new StringBuilder(s);
        String stamp = when.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        Matcher dates = PDF_DATE.matcher(s);
        while (dates.find()) {
            b.replace(dates.start(1), dates.end(1), stamp);
        }
        // the same random tag stands in several places (font, descriptor, CID font): one new tag per old one,
        // derived from the content with every tag and the random file id blanked
        String blanked = FILE_ID.matcher(SUBSET_TAG.matcher(b).replaceAll("/XXXXXX+")).replaceAll("");
        byte[] content = digest(blanked.getBytes(StandardCharsets.ISO_8859_1));
        Map<String, String> tags = new LinkedHashMap<>();
        Matcher m = SUBSET_TAG.matcher(b);
        while (m.find()) {
            tags.computeIfAbsent(m.group(1), old -> letters(content, tags.size()));
        }
        m = SUBSET_TAG.matcher(b.toString());
        while (m.find()) {
            b.replace(m.start(1), m.end(1), tags.get(m.group(1)));
        }
        // the file id: a digest of everything else, written twice as PDF expects for a new file
        Matcher id = FILE_ID.matcher(b);
        if (id.find()) {
            String zeroed = b.substring(0, id.start()) + b.substring(id.end());
            String hex = HexFormat.of().withUpperCase().formatHex(digest(zeroed.getBytes(StandardCharsets.ISO_8859_1)));
            b.replace(id.start(1), id.end(1), fit(hex, id.group(1).length()));
            id = FILE_ID.matcher(b);
            if (id.find()) {
                b.replace(id.start(2), id.end(2), fit(hex, id.group(2).length()));
            }
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String fit(String hex, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(hex);
        }
        return s.substring(0, length);
    }

    /** Six capital letters from a digest, distinct per index as OpenPDF's tags are per font. */
    private static String letters(byte[] digest, int index) {
        char[] c = new char[6];
        for (int k = 0; k < 6; k++) {
            c[k] = (char) ('A' + Math.floorMod(digest[k] + index * 7 + k, 26));
        }
        return new String(c);
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
