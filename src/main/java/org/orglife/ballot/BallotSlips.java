package org.orglife.ballot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The printable sheet of a ballot's codes: a slip per code with its QR code (the ballot page's
 * address) and the code in letters, to be cut and handed out at random.
 */
final class BallotSlips {

    /** One slip: the code as printed, the page it opens, and its QR code as a PNG data URI. */
    record Slip(String code, String url, String qrCode) {
    }

    /** The slips of these codes, each pointing at {@code baseUrl + "/ballot/" + code}. */
    static List<Slip> of(List<String> codes, String baseUrl) {
        return codes.stream().map(code -> {
            String url = baseUrl + "/ballot/" + code;
            return new Slip(BallotCodes.grouped(code), url, qrCode(url));
        }).toList();
    }

    static String qrCode(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("QR code of " + text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BallotSlips() {
    }
}
