package io.touchpoint.recognition.photo;

import java.io.ByteArrayOutputStream;

/**
 * Removes every metadata segment from a JPEG without re-encoding it: all APP1 to APP15 segments (EXIF, XMP,
 * ICC, Photoshop/IPTC, maker notes) and comments. The image data is copied byte for byte. Commons Imaging's
 * rewriters remove EXIF, XMP and IPTC one kind at a time and leave comments and other APPn segments.
 */
final class JpegSegments {

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int APP1 = 0xE1;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;

    private JpegSegments() {
    }

    static byte[] withoutMetadata(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
            throw new PhotoSanitiser.Rejected("The JPEG has no start-of-image marker.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int at = 2;
        while (at < jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                throw new PhotoSanitiser.Rejected("The JPEG segment structure is broken.");
            }
            int markerAt = at;
            while (at < jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                at++; // fill bytes
            }
            if (at >= jpeg.length) {
                break;
            }
            int marker = jpeg[at] & 0xFF;
            at++;
            if (marker == SOS) {
                // From the start of scan on it is image data up to the end: copy it unchanged.
                out.write(jpeg, markerAt, jpeg.length - markerAt);
                return out.toByteArray();
            }
            if (at + 2 > jpeg.length) {
                throw new PhotoSanitiser.Rejected("The JPEG ends inside a segment.");
            }
            int length = ((jpeg[at] & 0xFF) << 8) | (jpeg[at + 1] & 0xFF);
            if (length < 2 || at + length > jpeg.length) {
                throw new PhotoSanitiser.Rejected("The JPEG has a segment longer than the file.");
            }
            boolean metadata = (marker >= APP1 && marker <= APP15) || marker == COM;
            if (!metadata) {
                out.write(0xFF);
                out.write(marker);
                out.write(jpeg, at, length);
            }
            at += length;
        }
        throw new PhotoSanitiser.Rejected("The JPEG has no image data.");
    }
}
