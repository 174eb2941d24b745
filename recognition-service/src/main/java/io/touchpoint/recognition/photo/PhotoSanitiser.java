package io.touchpoint.recognition.photo;

import org.apache.commons.imaging.ImageFormat;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.ImageInfo;
import org.apache.commons.imaging.Imaging;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Accepts a photo only if its content is really a JPEG or PNG of sensible size, and returns it without
 * metadata (camera, GPS position, names, comments). The declared content type is not trusted.
 */
public final class PhotoSanitiser {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 4096;

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
        BufferedImage decoded = decode(upload);
        if (format == ImageFormats.PNG) {
            // Re-encoding PNG is lossless and keeps only pixels: every text and metadata chunk is dropped.
            return new Clean("image/png", width, height, encodePng(decoded));
        }
        return new Clean("image/jpeg", width, height, JpegSegments.withoutMetadata(upload));
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

    private static byte[] encodePng(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
