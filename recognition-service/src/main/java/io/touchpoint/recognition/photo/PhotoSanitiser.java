package io.touchpoint.recognition.photo;

import org.apache.commons.imaging.ImageFormat;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.ImageInfo;
import org.apache.commons.imaging.Imaging;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;

/**
 * Accepts a photo only if its content is really a JPEG or PNG of sensible size, and returns it re-encoded
 * from its pixels alone, so no metadata survives (camera, GPS position, names, comments, embedded
 * thumbnails, trailing data). The declared content type is not trusted.
 */
public final class PhotoSanitiser {

    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 2048;
    private static final float JPEG_QUALITY = 0.92f;
    /** Decoding takes up to ~16 MB a photo; at most this many at once, so uploads cannot exhaust memory. */
    private static final Semaphore DECODING = new Semaphore(2);

    private PhotoSanitiser() {
    }

    public record Clean(String mediaType, int width, int height, byte[] content) {
    }

    public static class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }

    public static Clean sanitise(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new Rejected("The photo is empty.");
        }
        ImageFormat format;
        ImageInfo info;
        try {
            format = Imaging.guessFormat(upload);
            if (format != ImageFormats.JPEG && format != ImageFormats.PNG) {
                throw new Rejected("The content is not a JPEG or PNG image, whatever its declared type.");
            }
            // Dimensions come from the header, before anything is decoded: no decompression bombs.
            info = Imaging.getImageInfo(upload);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Rejected rejected) {
                throw rejected;
            }
            throw new Rejected("The image could not be read.");
        }
        int width = info.getWidth();
        int height = info.getHeight();
        if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
            throw new Rejected("The image must be between " + MIN_SIDE + " and " + MAX_SIDE + " pixels on each side.");
        }
        DECODING.acquireUninterruptibly();
        try {
            BufferedImage decoded = decode(upload);
            // PNG re-encoding is lossless; JPEG re-encoding at high quality is the price of removing everything.
            return format == ImageFormats.PNG
                    ? new Clean("image/png", width, height, encode(decoded, "png"))
                    : new Clean("image/jpeg", width, height, encode(decoded, "jpg"));
        } finally {
            DECODING.release();
        }
    }

    private static BufferedImage decode(byte[] upload) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload));
            if (image == null) {
                throw new Rejected("The image could not be decoded.");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Rejected rejected) {
                throw rejected;
            }
            throw new Rejected("The image could not be decoded.");
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (format.equals("png")) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            BufferedImage rgb = image;
            if (image.getType() != BufferedImage.TYPE_INT_RGB) { // JPEG has no alpha channel
                rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.createGraphics().drawImage(image, 0, 0, null);
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(rgb, null, null), parameters);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
