package io.touchpoint.recognition.support;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Real images made in the test, with metadata planted in them. */
public final class Images {

    private Images() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(width, height, "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(width, height, "png");
    }

    /** A JPEG carrying an EXIF-style APP1 segment and a comment segment with the given secret. */
    public static byte[] jpegWithMetadata(int width, int height, String secret) {
        byte[] plain = jpeg(width, height);
        byte[] app1 = segment(0xE1, ("Exif\0\0GPS " + secret).getBytes(StandardCharsets.ISO_8859_1));
        byte[] comment = segment(0xFE, ("Comment " + secret).getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer out = ByteBuffer.allocate(plain.length + app1.length + comment.length);
        out.put(plain, 0, 2).put(app1).put(comment).put(plain, 2, plain.length - 2);
        return out.array();
    }

    /** A PNG carrying a tEXt chunk with the given secret. */
    public static byte[] pngWithText(int width, int height, String secret) {
        byte[] plain = png(width, height);
        byte[] data = ("Author\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int iend = plain.length - 12;
        ByteBuffer out = ByteBuffer.allocate(plain.length + chunk.capacity());
        out.put(plain, 0, iend).put(chunk.array()).put(plain, iend, 12);
        return out.array();
    }

    private static byte[] segment(int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        return segment.array();
    }

    private static byte[] encode(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
